import { useEffect, useId, useRef, useState } from 'react'
import type { KeyboardEvent } from 'react'
import { SEARCH_TEXT_MAX } from '../../../../shared/api/search'
import { useAppInfo } from '../../app/app-info'
import { Modal } from '../../components/modal'
import { useLocation } from '../../lib/router'
import { useDebounced } from '../../lib/use-debounced'
import { useSearch } from '../search/use-search'
import { PaletteList } from './palette-list'
import { allCommands, paletteItems } from './palette-items'
import type { PaletteItem } from './palette-items'
import './palette.css'

const HIT_LIMIT = 8

/**
 * Ctrl/Cmd+K: one field for commands and search hits. Arrows move, Enter runs, Escape closes;
 * focus stays in the dialog and returns where it was afterwards.
 */
export function CommandPalette({ onClose }: { onClose: () => void }) {
  const [text, setText] = useState('')
  const [active, setActive] = useState(0)
  const inputRef = useRef<HTMLInputElement>(null)
  const titleId = useId()
  const listboxId = useId()
  const location = useLocation()
  const { readOnly } = useAppInfo()
  const settled = useDebounced(text, 120)
  const { shown, busy } = useSearch({ q: settled, limit: HIT_LIMIT })

  const items = paletteItems(allCommands({ readOnly, location }), text, shown?.hits ?? [])
  const current = items.length === 0 ? -1 : Math.min(active, items.length - 1)
  const optionId = (i: number) => `${listboxId}-${i}`

  useEffect(() => {
    if (current >= 0)
      document.getElementById(optionId(current))?.scrollIntoView?.({ block: 'nearest' })
    // optionId only depends on listboxId
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [current])

  const runItem = (item: PaletteItem | undefined) => {
    if (!item || item.disabledReason) return
    onClose()
    void item.run()
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const n = items.length
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      if (n === 0) return
      const step = event.key === 'ArrowDown' ? 1 : -1
      setActive((current + step + n) % n)
    } else if (event.key === 'Home' && event.ctrlKey) {
      event.preventDefault()
      setActive(0)
    } else if (event.key === 'End' && event.ctrlKey) {
      event.preventDefault()
      setActive(Math.max(0, n - 1))
    } else if (event.key === 'Enter') {
      event.preventDefault()
      runItem(items[current])
    }
  }

  return (
    <Modal labelledBy={titleId} onClose={onClose} initialFocus={inputRef} className="palette">
      <h2 id={titleId} className="visually-hidden">
        Command palette
      </h2>
      <div className="palette__field">
        <input
          ref={inputRef}
          type="text"
          role="combobox"
          aria-label="Type a command or search"
          aria-expanded="true"
          aria-controls={listboxId}
          aria-autocomplete="list"
          aria-activedescendant={current >= 0 ? optionId(current) : undefined}
          placeholder="Type a command or search…"
          autoComplete="off"
          spellCheck={false}
          value={text}
          maxLength={SEARCH_TEXT_MAX}
          onChange={(event) => {
            setText(event.target.value)
            setActive(0)
          }}
          onKeyDown={onKeyDown}
        />
        <kbd className="palette__esc">Esc</kbd>
      </div>
      <PaletteList
        listboxId={listboxId}
        items={items}
        active={current}
        busy={busy}
        optionId={optionId}
        onRun={runItem}
        onHover={setActive}
      />
    </Modal>
  )
}

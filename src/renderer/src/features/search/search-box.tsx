import { useEffect, useId, useState } from 'react'
import type { FocusEvent, KeyboardEvent } from 'react'
// From the zod-free constants: the top bar is start-up code, which the build keeps free of zod
// (electron.vite.config.ts, notAtStartup).
import { SEARCH_TEXT_MAX } from '../../../../shared/api/constants'
import { hrefForHit } from '../../app/sections'
import { SearchIcon } from '../../components/icons'
import { api } from '../../lib/api'
import { hrefWith, navigate, useLocation } from '../../lib/router'
import { useDebounced } from '../../lib/use-debounced'
import { SearchPopup, popupOptions } from './search-popup'
import type { PopupOption } from './search-popup'
import { useSearch } from './use-search'
import './search.css'

const DEBOUNCE_MS = 120
const DROPDOWN_LIMIT = 8
/** The counter shows from here on, so a long paste is seen to stop at the limit. */
const COUNTER_FROM = SEARCH_TEXT_MAX - 40

/**
 * The global search field (top bar). Search-as-you-type: a grouped dropdown of the best hits,
 * operated with the arrow keys; Enter opens the chosen hit, or the top hit when none is chosen
 * (the full results page when nothing matches, and from "See all results"). On the results page
 * itself the field drives that page instead of a dropdown. The text stops at the contract's
 * limit, with a counter near the end, so a pasted paragraph is cut rather than refused.
 */
export function SearchBox() {
  const location = useLocation()
  const onSearchPage = location.path === '/search'
  const urlQ = onSearchPage ? (location.query.get('q') ?? '') : ''
  const [text, setText] = useState(urlQ.slice(0, SEARCH_TEXT_MAX))
  const [seenQ, setSeenQ] = useState(urlQ)
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(-1)
  const inputId = useId()
  const listboxId = useId()

  // Leaving search (a hit opened, another screen chosen) empties the field: the text belonged to
  // that search, and left in place it read as if it filtered the new screen.
  const [seenPath, setSeenPath] = useState(location.path)
  if (seenPath !== location.path) {
    setSeenPath(location.path)
    if (!onSearchPage) {
      setText('')
      setOpen(false)
      setActive(-1)
    }
  }

  const settled = useDebounced(text, DEBOUNCE_MS)

  // Follow the address when it changes from elsewhere (palette "Search for…", back button), but
  // not when it is the field's own settled text arriving (the effect below put it there): the
  // user may have typed on since, and copying it back would drop what they typed (a busy
  // machine showed it: "cupuncture").
  if (urlQ !== seenQ) {
    setSeenQ(urlQ)
    if (onSearchPage && urlQ !== settled) setText(urlQ.slice(0, SEARCH_TEXT_MAX))
  }

  const dropdown = !onSearchPage && open && text.trim() !== ''
  const search = useSearch({ q: dropdown ? settled : '', limit: DROPDOWN_LIMIT })
  const result = search.shown
  const options: PopupOption[] = dropdown && result ? popupOptions(result, settled) : []
  const activeOption = active >= 0 && active < options.length ? options[active] : undefined

  useEffect(() => {
    if (!onSearchPage || settled === urlQ) return
    const kinds = location.query.getAll('kind')
    const tags = location.query.getAll('tag')
    void navigate(hrefWith('/search', { q: settled, kind: kinds, tag: tags }), { replace: true })
    // Only a change of the typed text should rewrite the address.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settled])

  const openResultsPage = () => {
    if (text.trim() === '') return
    setOpen(false)
    void navigate(hrefWith('/search', { q: text.trim() }))
  }

  /** Enter without a chosen option: the top hit of what is typed now (asked for if still due). */
  const openTopHit = async () => {
    const q = text.trim()
    if (q === '') return
    setOpen(false)
    setActive(-1)
    const answer = result && settled.trim() === q ? result : await api.search.query({ q, limit: 1 })
    const top = answer.hits[0]
    const href = top ? hrefForHit(top) : null
    void navigate(href ?? hrefWith('/search', { q }))
  }

  const choose = (option: PopupOption) => {
    if (!option.href) return
    setOpen(false)
    setActive(-1)
    void navigate(option.href)
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (onSearchPage) return
        event.preventDefault()
        setOpen(true)
        if (options.length === 0) return
        const step = event.key === 'ArrowDown' ? 1 : -1
        setActive((i) =>
          i < 0 && step < 0 ? options.length - 1 : (i + step + options.length) % options.length
        )
        return
      }
      case 'Enter':
        event.preventDefault()
        if (dropdown && activeOption) choose(activeOption)
        else if (!onSearchPage) void openTopHit().catch(openResultsPage)
        else openResultsPage()
        return
      case 'Escape':
        if (dropdown) {
          event.preventDefault()
          setOpen(false)
          setActive(-1)
        } else if (text) {
          event.preventDefault()
          setText('')
        }
        return
    }
  }

  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOpen(false)
  }

  return (
    <div
      className={text.length >= COUNTER_FROM ? 'search-box search-box--counting' : 'search-box'}
      role="search"
      onBlur={onBlur}
    >
      <label htmlFor={inputId} className="visually-hidden">
        Search everything
      </label>
      <SearchIcon />
      <input
        id={inputId}
        type="search"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        placeholder="Search articles, points, muscles…"
        value={text}
        maxLength={SEARCH_TEXT_MAX}
        aria-autocomplete="list"
        aria-expanded={dropdown}
        aria-controls={dropdown ? listboxId : undefined}
        aria-activedescendant={dropdown && activeOption ? activeOption.id(listboxId) : undefined}
        onChange={(event) => {
          setText(event.target.value)
          setOpen(true)
          setActive(-1)
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={onKeyDown}
      />
      {text.length >= COUNTER_FROM && (
        <span
          className={
            text.length >= SEARCH_TEXT_MAX
              ? 'search-box__counter search-box__counter--full'
              : 'search-box__counter'
          }
          aria-live="polite"
        >
          {text.length}/{SEARCH_TEXT_MAX}
          <span className="visually-hidden"> characters, the most a search can hold</span>
        </span>
      )}
      {dropdown && (
        <SearchPopup
          listboxId={listboxId}
          search={search}
          query={settled}
          options={options}
          active={active}
          onChoose={choose}
          onHover={setActive}
          onSearch={(suggested) => {
            setText(suggested)
            setActive(-1)
          }}
        />
      )}
    </div>
  )
}

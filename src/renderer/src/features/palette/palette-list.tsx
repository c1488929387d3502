import { HitSummary, hitLabel } from '../search/hit-parts'
import type { PaletteItem } from './palette-items'

interface PaletteListProps {
  listboxId: string
  items: readonly PaletteItem[]
  active: number
  busy: boolean
  optionId: (index: number) => string
  onRun: (item: PaletteItem) => void
  onHover: (index: number) => void
}

export function PaletteList({
  listboxId,
  items,
  active,
  busy,
  optionId,
  onRun,
  onHover
}: PaletteListProps) {
  const groups: { label: string; entries: { item: PaletteItem; index: number }[] }[] = []
  items.forEach((item, index) => {
    const last = groups[groups.length - 1]
    if (last && last.label === item.group) last.entries.push({ item, index })
    else groups.push({ label: item.group, entries: [{ item, index }] })
  })

  return (
    <>
      <div
        id={listboxId}
        role="listbox"
        aria-label="Commands and search results"
        aria-busy={busy}
        className="listbox palette__list"
      >
        {groups.map((group) => {
          const headingId = `${listboxId}-${group.label.replace(/\W+/g, '-')}`
          return (
            <div
              key={group.label}
              role="group"
              aria-labelledby={headingId}
              className="listbox__group"
            >
              <div id={headingId} role="presentation" className="listbox__heading">
                {group.label}
              </div>
              {group.entries.map(({ item, index }) => (
                <div
                  key={item.key}
                  id={optionId(index)}
                  role="option"
                  aria-selected={index === active}
                  aria-disabled={item.disabledReason ? true : undefined}
                  aria-label={item.hit ? hitLabel(item.hit) : undefined}
                  aria-describedby={
                    item.hit && item.hit.snippet.length > 0
                      ? `${optionId(index)}-snippet`
                      : undefined
                  }
                  className={index === active ? 'option option--active' : 'option'}
                  onMouseDown={(event) => event.preventDefault()}
                  onMouseMove={() => index !== active && onHover(index)}
                  onClick={() => onRun(item)}
                >
                  {item.hit ? (
                    <HitSummary hit={item.hit} snippetId={`${optionId(index)}-snippet`} />
                  ) : (
                    <span className="option__command">
                      <span>{item.command?.label}</span>
                      {item.disabledReason && (
                        <span className="option__reason">{item.disabledReason}</span>
                      )}
                      {item.command?.hint && <kbd>{item.command.hint}</kbd>}
                    </span>
                  )}
                </div>
              ))}
            </div>
          )
        })}
      </div>
      {items.length === 0 && (
        <p className="palette__empty" role="status">
          {busy ? 'Searching…' : 'No commands or results match.'}
        </p>
      )}
    </>
  )
}

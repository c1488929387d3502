import { useEffect, useRef } from 'react'
import type { Handout } from '../../../../shared/api/handouts'
import { api } from '../../lib/api'
import { useLocation } from '../../lib/router'
import { useAsync } from '../../lib/use-async'
import { useConflictRevisions } from '../sync/conflict-notice'
import { VERSIONS_QUERY } from './paths'

/**
 * Every version of a handout in one language, newest first, with its sign-off; a version saved on
 * another computer at the same time as another is marked. Opens (and comes into view) when the
 * address asks for it: the conflict notice links here.
 */
export function HandoutVersions({ handout }: { handout: Handout }) {
  const versions = useAsync(
    () => api.handouts.versions({ id: handout.id, lang: handout.lang }),
    `${handout.id}/${handout.lang}/${handout.version}/${handout.approval?.on ?? ''}`
  )
  const fromElsewhere = useConflictRevisions('handout', `${handout.id}/${handout.lang}`)
  const asked = useLocation().query.has(VERSIONS_QUERY)
  const details = useRef<HTMLDetailsElement>(null)
  const listed = versions.state.status === 'ready'
  useEffect(() => {
    const element = details.current
    if (!asked || element === null) return
    element.open = true
    if (!listed) return
    // Once the list is there (it makes the page longer). jsdom has no scrollIntoView; the focus
    // takes keyboard and screen-reader users there too.
    element.scrollIntoView?.({ block: 'start' })
    element.querySelector('summary')?.focus()
  }, [asked, listed])
  return (
    <details className="versions" ref={details}>
      <summary>Versions</summary>
      {versions.state.status === 'ready' && (
        <ol reversed className="versions__list">
          {versions.state.data.map((v) => (
            <li key={v.version}>
              Version {v.version} · {new Date(v.savedAt).toLocaleString()} · {sourceLabel(v.source)}
              {v.approval ? ` · approved by ${v.approval.by} on ${v.approval.on}` : ''}
              {fromElsewhere.has(v.version) && (
                <>
                  {' '}
                  <span className="badge">Saved at the same time</span>
                </>
              )}
            </li>
          ))}
        </ol>
      )}
    </details>
  )
}

const sourceLabel = (source: string): string =>
  ({
    builtin: 'built-in text',
    user: 'clinic edit',
    reset: 'reset to built-in',
    upgrade: 'built-in update'
  })[source] ?? source

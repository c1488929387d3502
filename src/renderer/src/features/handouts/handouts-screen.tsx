import { Link } from '../../lib/link'
import { useAppInfo } from '../../app/app-info'
import { api } from '../../lib/api'
import { useAsync } from '../../lib/use-async'
import { useDocumentTitle } from '../../lib/use-document-title'
import { ErrorState, SkeletonList } from '../../components/states'
import { langLabel } from '../../../../shared/handouts/languages'
import { handoutPaths } from './paths'
import { FrontDeskBadges, HideToggle } from './front-desk-visibility'
import { ReviewBadge } from './review-badge'
import { ConflictMark, UnseenConflicts } from '../sync/conflict-notice'
import './handouts.css'

/**
 * Every handout with its languages; each language opens the handout's print screen. A language
 * changed on two computers at the same time is marked until someone has looked.
 */
export function HandoutsScreen() {
  useDocumentTitle('Handouts')
  const list = useAsync(() => api.handouts.list({}), 'handouts')
  const data = list.state.status === 'ready' ? list.state.data : []
  const { readOnly } = useAppInfo()
  return (
    <section className="screen handouts" aria-labelledby="handouts-title">
      <header className="screen__header handouts__header">
        <h1 id="handouts-title">Patient handouts</h1>
        <div className="toolbar">
          <Link className="button button--primary" to={handoutPaths.frontDesk()}>
            Front desk
          </Link>
          {!readOnly && (
            <Link className="button" to={handoutPaths.create()}>
              New handout
            </Link>
          )}
          <Link className="button" to={handoutPaths.log()}>
            Print log
          </Link>
        </div>
      </header>
      {list.state.status === 'loading' && <SkeletonList label="Loading handouts" />}
      {list.state.status === 'error' && (
        <ErrorState
          title="The handouts could not be loaded"
          error={list.state.error}
          onRetry={list.reload}
        />
      )}
      {list.state.status === 'ready' && (
        <UnseenConflicts kind="handout">
          <ul className="handout-list">
            {data.map((handout) => (
              <li key={handout.id} className="handout-card">
                <h2 className="handout-card__title">{handout.title}</h2>
                {(handout.optional || handout.hiddenFromFrontDesk) && (
                  <p className="handout-card__badges">
                    <FrontDeskBadges
                      optional={handout.optional}
                      hidden={handout.hiddenFromFrontDesk}
                    />
                  </p>
                )}
                {handout.summary && <p className="muted">{handout.summary}</p>}
                <ul className="handout-card__langs" aria-label={`Languages of ${handout.title}`}>
                  {handout.langs.map((l) => (
                    <li key={l.lang}>
                      <Link to={handoutPaths.handout(handout.id, l.lang)} lang={l.lang}>
                        {langLabel(l.lang)}
                      </Link>{' '}
                      <ReviewBadge status={l.reviewStatus} />
                      {l.isModified && <span className="badge badge--edited">Edited</span>}
                      <ConflictMark
                        kind="handout"
                        itemId={`${handout.id}/${l.lang}`}
                        to={handoutPaths.handout(handout.id, l.lang)}
                      />
                    </li>
                  ))}
                </ul>
                {!readOnly && (
                  <HideToggle
                    id={handout.id}
                    title={handout.title}
                    hidden={handout.hiddenFromFrontDesk}
                    onChanged={(hidden) =>
                      list.setData(
                        data.map((h) =>
                          h.id === handout.id ? { ...h, hiddenFromFrontDesk: hidden } : h
                        )
                      )
                    }
                  />
                )}
              </li>
            ))}
          </ul>
        </UnseenConflicts>
      )}
    </section>
  )
}

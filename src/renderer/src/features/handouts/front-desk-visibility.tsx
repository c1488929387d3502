import { useState } from 'react'
import { useToast } from '../../components/toast'
import { api } from '../../lib/api'
import { errorMessage } from '../../lib/errors'
import type { Handout } from '../../../../shared/api/handouts'

/** "Optional" (a built-in handout only some clinics use) and "Hidden from the front desk". */
export function FrontDeskBadges({ optional, hidden }: { optional: boolean; hidden: boolean }) {
  return (
    <>
      {optional && (
        <span className="badge" title="A handout only some clinics use">
          Optional
        </span>
      )}
      {hidden && <span className="badge badge--hidden">Hidden from the front desk</span>}
    </>
  )
}

/** Hides a handout (every language) or shows it again; says so in a toast. */
function useSetHidden(id: string, onChanged: (hidden: boolean) => void) {
  const toast = useToast()
  const [busy, setBusy] = useState(false)
  const setHidden = async (hidden: boolean) => {
    setBusy(true)
    try {
      const next = await api.handouts.setHidden({ id, hidden })
      onChanged(next.hiddenFromFrontDesk)
      toast({
        message: next.hiddenFromFrontDesk
          ? 'Hidden from the front desk, in every language. It stays here and can still be printed.'
          : 'Shown at the front desk again.'
      })
    } catch (e) {
      toast({ message: errorMessage(e), tone: 'error' })
    } finally {
      setBusy(false)
    }
  }
  return { busy, setHidden }
}

/** The same toggle on a card of the Handouts list, named after its handout. */
export function HideToggle({
  id,
  title,
  hidden,
  onChanged
}: {
  id: string
  title: string
  hidden: boolean
  onChanged: (hidden: boolean) => void
}) {
  const { busy, setHidden } = useSetHidden(id, onChanged)
  return (
    <label className="toggle handout-card__hide">
      <input
        type="checkbox"
        checked={hidden}
        disabled={busy}
        aria-label={`Hide ${title} from the front desk`}
        onChange={(e) => void setHidden(e.target.checked)}
      />
      Hide from the front desk
    </label>
  )
}

/**
 * The clinic hides a handout it does not use: every language leaves the front desk and its packs
 * (the core decides what the front desk lists); it stays here, in search, and printable.
 */
export function FrontDeskPanel({
  handout,
  onChanged
}: {
  handout: Handout
  onChanged: (h: Handout) => void
}) {
  const { busy, setHidden } = useSetHidden(handout.id, (hidden) =>
    onChanged({ ...handout, hiddenFromFrontDesk: hidden })
  )
  return (
    <section className="panel" aria-labelledby="front-desk-visibility-title">
      <h2 id="front-desk-visibility-title">Front desk</h2>
      {handout.optional && (
        <p className="muted">
          Optional: for clinics that offer this treatment. Hide it if your clinic does not.
        </p>
      )}
      <label className="toggle">
        <input
          type="checkbox"
          checked={handout.hiddenFromFrontDesk}
          disabled={busy}
          aria-describedby="front-desk-visibility-help"
          onChange={(e) => void setHidden(e.target.checked)}
        />
        Hide from the front desk
      </label>
      <p id="front-desk-visibility-help" className="muted">
        A hidden handout is not offered at the front desk or in its packs, in any language. It stays
        in this list and in search, and you can still print it from here.
      </p>
    </section>
  )
}

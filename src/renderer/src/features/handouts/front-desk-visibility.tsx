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
  const toast = useToast()
  const [busy, setBusy] = useState(false)
  const toggle = async (hidden: boolean) => {
    setBusy(true)
    try {
      const next = await api.handouts.setHidden({ id: handout.id, hidden })
      onChanged({ ...handout, hiddenFromFrontDesk: next.hiddenFromFrontDesk })
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
          onChange={(e) => void toggle(e.target.checked)}
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

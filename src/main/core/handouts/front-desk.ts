import type { FrontDesk, FrontDeskPack, HandoutSummary } from '../../../shared/api/handouts'
import { FRONT_DESK_HANDOUTS, HANDOUT_PACKS } from '../../../shared/handouts/packs'

/**
 * What the front desk offers: the packs whose handouts are all in the library (without the ones
 * the clinic hides; a pack left with fewer than two is dropped, a shortened one is described by
 * what is left), and the shown handouts in the front-desk order.
 */
export function frontDeskOf(all: readonly HandoutSummary[]): FrontDesk {
  const byId = new Map(all.map((h) => [h.id, h]))
  const shown = all.filter((h) => !h.hiddenFromFrontDesk)
  const isShown = (id: string): boolean => byId.get(id)?.hiddenFromFrontDesk === false
  const packs: FrontDeskPack[] = []
  for (const pack of HANDOUT_PACKS) {
    if (!pack.handoutIds.every((id) => byId.has(id))) continue
    const handoutIds = pack.handoutIds.filter(isShown)
    if (handoutIds.length < 2) continue
    const description =
      handoutIds.length === pack.handoutIds.length
        ? pack.description
        : handoutIds.map((id) => byId.get(id)?.title ?? id).join(', ')
    packs.push({ id: pack.id, label: pack.label, description, handoutIds })
  }
  const order = (id: string): number => {
    const at = FRONT_DESK_HANDOUTS.indexOf(id)
    return at === -1 ? FRONT_DESK_HANDOUTS.length : at
  }
  // Stable sort: handouts outside the front-desk order keep the list's title order, after it.
  const handouts = [...shown].sort((a, b) => order(a.id) - order(b.id))
  return { packs, handouts }
}

import { HANDOUT_PACKS } from '../../../shared/handouts/packs'
import type { HandoutPack } from '../../../shared/handouts/packs'

/**
 * The pack a print job's handouts make up: the pack's handouts in its order, or (the front desk
 * leaves out handouts the clinic hid) two or more of them in that order. A single handout is
 * never a pack. Only a pack prints several handouts at once (the front desk offers one pack or
 * one handout; a handout's page prints that handout), so the handouts alone say which pack it
 * was and the print log needs no column for it.
 */
export function packOf(handoutIds: readonly string[]): HandoutPack | null {
  if (handoutIds.length < 2) return null
  return HANDOUT_PACKS.find((pack) => inOrderWithin(handoutIds, pack.handoutIds)) ?? null
}

function inOrderWithin(ids: readonly string[], packIds: readonly string[]): boolean {
  let from = 0
  for (const id of ids) {
    const at = packIds.indexOf(id, from)
    if (at === -1) return false
    from = at + 1
  }
  return true
}

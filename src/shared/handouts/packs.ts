/**
 * Common sets of handouts the front desk hands out together. A pack starts with a handout whose
 * first block is the "Get help right away" box (docs/handouts.md), so the urgent signs lead the
 * printed pack instead of turning up pages later; the comparison sheet, which has no such box,
 * comes last.
 */
export interface HandoutPack {
  readonly id: string
  readonly label: string
  readonly description: string
  readonly handoutIds: readonly string[]
}

export const HANDOUT_PACKS: readonly HandoutPack[] = [
  {
    id: 'ims-first-visit',
    label: 'IMS first visit',
    description: 'First IMS visit, after IMS, the difference',
    handoutIds: ['first-ims-visit', 'after-ims', 'acupuncture-vs-ims']
  },
  {
    id: 'acupuncture-first-visit',
    label: 'Acupuncture first visit',
    description: 'First acupuncture visit, after acupuncture, the difference',
    handoutIds: ['first-acupuncture-visit', 'after-acupuncture', 'acupuncture-vs-ims']
  }
]

/** Single handouts shown as big buttons on the front-desk screen, in this order. */
export const FRONT_DESK_HANDOUTS: readonly string[] = [
  'after-ims',
  'after-acupuncture',
  'acupuncture-vs-ims',
  'before-your-treatment',
  'first-ims-visit',
  'first-acupuncture-visit',
  'consent-form',
  'electroacupuncture',
  // Optional (front matter `optional: true`): for clinics that offer cupping or moxibustion.
  'after-cupping',
  'after-moxibustion'
]

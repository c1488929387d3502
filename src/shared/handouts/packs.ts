/** Common sets of handouts the front desk hands out together. */
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
    description: 'The difference, first IMS visit, after IMS',
    handoutIds: ['acupuncture-vs-ims', 'first-ims-visit', 'after-ims']
  },
  {
    id: 'acupuncture-first-visit',
    label: 'Acupuncture first visit',
    description: 'The difference, first acupuncture visit, after acupuncture',
    handoutIds: ['acupuncture-vs-ims', 'first-acupuncture-visit', 'after-acupuncture']
  }
]

/** Single handouts shown as big buttons on the front-desk screen, in this order. */
export const FRONT_DESK_HANDOUTS: readonly string[] = [
  'after-ims',
  'after-acupuncture',
  'acupuncture-vs-ims',
  'before-your-treatment',
  'first-ims-visit',
  'first-acupuncture-visit'
]

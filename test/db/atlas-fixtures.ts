import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { stringify } from 'yaml'

/**
 * Shipped muscles that carry the deep-bleeding flag (issue 10): the nine the clinical review named
 * (multifidus is two files), then the three added on re-checking every muscle.
 */
export const DEEP_BLEEDING_MUSCLES = [
  'iliopsoas',
  'quadratus-lumborum',
  'piriformis',
  'tibialis-posterior',
  'subscapularis',
  'lumbar-multifidus',
  'cervical-multifidus',
  'suboccipitals',
  'scalenes',
  // Added on re-checking: deep under other muscles, or bleeding inside the rectus sheath.
  'gluteus-minimus',
  'pectoralis-minor',
  'rectus-abdominis'
] as const

const REFERENCES = [
  {
    authors: 'Simons DG, Travell JG, Simons LS',
    title: 'Myofascial Pain and Dysfunction: The Trigger Point Manual',
    year: 1999,
    source: 'Williams & Wilkins, 2nd ed.'
  }
]

/** A small muscle file in the format of docs/content-format.md; override any field. */
export function muscleFixture(id: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    name: `Muscle ${id}`,
    aliases: [],
    region: 'shoulder',
    action: 'Moves something.',
    innervation: { nerve: 'Some nerve', roots: ['C5', 'C6'] },
    contentVersion: 1,
    triggerPoints: [
      {
        id: `${id}-1`,
        name: `${id} main point`,
        location: 'In the middle of the belly.',
        markers: [{ view: 'back', x: 250, y: 260 }],
        referral: {
          description: 'Deep in the front of the shoulder.',
          zones: [{ view: 'front', cx: 115, cy: 215, rx: 16, ry: 18 }]
        },
        symptoms: ['Cannot reach behind the back.']
      }
    ],
    needling: { position: 'Prone.', approach: 'Perpendicular.', cautions: 'Stay on bone.' },
    safety: [],
    references: REFERENCES,
    ...overrides
  }
}

export function pointFixture(code: string, overrides: Record<string, unknown> = {}) {
  const [, meridian, number] = /^([A-Z]+)(\d+)$/.exec(code) ?? []
  return {
    code,
    pinyin: `Pinyin${code}`,
    english: `English ${code}`,
    meridian,
    number: Number(number),
    region: 'hand',
    location: `Where ${code} is.`,
    flags: [],
    contentVersion: 1,
    references: REFERENCES,
    ...overrides
  }
}

export function writeMuscle(resourcesDir: string, muscle: Record<string, unknown>, file?: string) {
  const dir = join(resourcesDir, 'content', 'muscles')
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, file ?? `${String(muscle.id)}.yaml`), stringify(muscle))
}

export function writePoints(resourcesDir: string, meridian: string, points: unknown[]) {
  const dir = join(resourcesDir, 'content', 'acupoints')
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, `${meridian}.yaml`), stringify(points))
}

/** Infraspinatus, upper trapezius and a gluteal muscle, plus LI4 (Hegu), LI11 and ST36. */
export function writeAtlasFixtures(resourcesDir: string): void {
  writeMuscle(
    resourcesDir,
    muscleFixture('infraspinatus', {
      name: 'Infraspinatus',
      innervation: { nerve: 'Suprascapular nerve', roots: ['C5', 'C6'] }
    })
  )
  writeMuscle(
    resourcesDir,
    muscleFixture('upper-trapezius', {
      name: 'Upper trapezius',
      aliases: ['Trapezius (upper fibres)'],
      region: 'head-neck',
      innervation: { nerve: 'Spinal accessory nerve', roots: ['C3', 'C4'] },
      triggerPoints: [
        {
          id: 'upper-trapezius-1',
          name: 'Upper trapezius, mid-fibres',
          location: 'Upper border.',
          markers: [{ view: 'back', x: 240, y: 190 }],
          referral: {
            description: 'Up the side of the neck to the temple.',
            zones: [{ view: 'back', cx: 225, cy: 130, rx: 18, ry: 35 }]
          },
          symptoms: ['Tension-type headache.']
        }
      ],
      safety: [{ flag: 'pneumothorax', text: 'Lung apex lies beneath.' }]
    })
  )
  writeMuscle(
    resourcesDir,
    muscleFixture('gluteus-medius', {
      name: 'Gluteus medius',
      region: 'hip',
      innervation: { nerve: 'Superior gluteal nerve', roots: ['L4', 'L5', 'S1'] },
      triggerPoints: [
        {
          id: 'gluteus-medius-1',
          name: 'Gluteus medius, posterior',
          location: 'Below the iliac crest near the PSIS.',
          markers: [{ view: 'back', x: 230, y: 440 }],
          referral: {
            description: 'Sacrum and buttock.',
            zones: [{ view: 'back', cx: 215, cy: 470, rx: 25, ry: 20 }]
          }
        }
      ]
    })
  )
  writePoints(resourcesDir, 'LI', [
    pointFixture('LI4', {
      pinyin: 'Hegu',
      english: 'Joining Valley',
      flags: ['pregnancy'],
      flagNotes: 'Traditionally avoided in pregnancy.',
      marker: { view: 'front', x: 66, y: 528 }
    }),
    pointFixture('LI11', { pinyin: 'Quchi', english: 'Pool at the Crook', region: 'arm' })
  ])
  writePoints(resourcesDir, 'ST', [
    pointFixture('ST36', {
      pinyin: 'Zusanli',
      english: 'Leg Three Miles',
      region: 'leg',
      marker: { view: 'front', x: 150, y: 730 }
    })
  ])
}

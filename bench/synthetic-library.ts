import { openLibrary } from '../src/main/core'
import { seededRandom } from './stats'

const VOCABULARY = (
  'needle muscle shoulder neck pain referral trigger point twitch response segment root paraspinal ' +
  'acupuncture meridian session course reassess soreness heat walking exercise patient clinic ' +
  'practitioner pregnancy bleeding anticoagulant pacemaker infection implant pneumothorax chest ' +
  'wall lung scapula spine lumbar cervical thoracic gluteal piriformis trapezius infraspinatus ' +
  'supraspinatus deltoid forearm wrist hand elbow knee ankle calf hamstring quadriceps hip sacrum ' +
  'headache migraine sciatica tendon fascia band tender nodule stiffness range motion strength'
).split(' ')

/**
 * Fills a library at `dataDir` with `count` synthetic items of ~80 words each, spread over the
 * kinds of the one search index, in a single transaction (what an import of that size does).
 */
export function buildSyntheticLibrary(dataDir: string, resourcesDir: string, count: number): void {
  const library = openLibrary({ dataDir, resourcesDir, warn: () => undefined })
  const random = seededRandom(42)
  const word = (): string => VOCABULARY[Math.floor(random() * VOCABULARY.length)]!
  const kinds = ['article', 'note', 'muscle', 'acupoint', 'handout'] as const
  try {
    library.db.transaction(() => {
      for (let i = 0; i < count; i++) {
        const body = Array.from({ length: 80 }, word).join(' ')
        library.services.search.upsert({
          kind: kinds[i % kinds.length]!,
          id: `bench-${i}`,
          title: `${word()} ${word()} ${i}`,
          body,
          tags: [word(), word()]
        })
      }
    })()
  } finally {
    library.close()
  }
}

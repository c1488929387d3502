import { openLibrary } from '../src/main/core'
import { seededRandom } from './stats'
import { libraryInternals } from '../src/main/core/library'

const VOCABULARY = (
  'needle muscle shoulder neck pain referral trigger point twitch response segment root paraspinal ' +
  'acupuncture meridian session course reassess soreness heat walking exercise patient clinic ' +
  'practitioner pregnancy bleeding anticoagulant pacemaker infection implant pneumothorax chest ' +
  'wall lung scapula spine lumbar cervical thoracic gluteal piriformis trapezius infraspinatus ' +
  'supraspinatus deltoid forearm wrist hand elbow knee ankle calf hamstring quadriceps hip sacrum ' +
  'headache migraine sciatica tendon fascia band tender nodule stiffness range motion strength'
).split(' ')

/** Items per transaction: large enough for FTS5 to merge in memory, small enough to bound the WAL. */
const ITEMS_PER_TRANSACTION = 25_000

/**
 * Fills a library at `dataDir` with `count` synthetic items of ~80 words each, spread over the
 * kinds of the one search index, in transactions of 25,000 (what an import of that size does).
 * This connection skips fsync and keeps a large page cache: the library is a bench fixture, and
 * 100,000 items then take ~15 s of CPU instead of ~26 s (the FTS5 indexing is most of it).
 */
export function buildSyntheticLibrary(dataDir: string, resourcesDir: string, count: number): void {
  const library = openLibrary({ dataDir, resourcesDir, warn: () => undefined })
  const { db, services } = libraryInternals(library)
  const random = seededRandom(42)
  const word = (): string => VOCABULARY[Math.floor(random() * VOCABULARY.length)]!
  const kinds = ['article', 'note', 'muscle', 'acupoint', 'handout'] as const
  try {
    db.pragma('synchronous = OFF')
    db.pragma('cache_size = -1000000')
    for (let first = 0; first < count; first += ITEMS_PER_TRANSACTION) {
      db.transaction(() => {
        for (let i = first; i < Math.min(count, first + ITEMS_PER_TRANSACTION); i++) {
          const body = Array.from({ length: 80 }, word).join(' ')
          services.search.upsert({
            kind: kinds[i % kinds.length]!,
            id: `bench-${i}`,
            title: `${word()} ${word()} ${i}`,
            body,
            tags: [word(), word()]
          })
        }
      })()
    }
  } finally {
    library.close()
  }
}

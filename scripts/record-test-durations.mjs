/**
 * Writes test/file-durations.json (read by test/longest-first-sequencer.ts) from vitest's
 * results cache, which a full `npm test` leaves in node_modules/.vite/vitest/. Run it after a
 * full, passing run on an otherwise idle machine, then commit the file.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const cacheRoot = join('node_modules', '.vite', 'vitest')
const newest = readdirSync(cacheRoot)
  .map((dir) => join(cacheRoot, dir, 'results.json'))
  .filter((path) => {
    try {
      return statSync(path).isFile()
    } catch {
      return false
    }
  })
  .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0]
if (newest === undefined) throw new Error(`no results.json under ${cacheRoot}: run npm test first`)

const { results } = JSON.parse(readFileSync(newest, 'utf8'))
const seconds = Object.fromEntries(
  results
    .filter(([, result]) => !result.failed && result.duration > 0)
    .sort(([, a], [, b]) => b.duration - a.duration)
    .map(([key, result]) => [key, Math.round(result.duration / 100) / 10])
)
const about = `Seconds each test file took in a full run (${new Date().toISOString().slice(0, 10)}). Read by test/longest-first-sequencer.ts; refresh with node scripts/record-test-durations.mjs after a full npm test.`
writeFileSync(
  join('test', 'file-durations.json'),
  `${JSON.stringify({ _about: about, seconds }, null, 2)}\n`
)
console.log(`${Object.keys(seconds).length} files from ${newest}`)

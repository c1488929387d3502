/**
 * `node --import tsx bench/sync-run.ts [edits …]`: the clinic network's bench alone; replaces
 * only the "Clinic network" section of docs/bench.md (`npm run bench` runs it with the rest).
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { benchSync, syncMarkdown } from './sync-bench'

const ROOT = join(__dirname, '..')

async function main(): Promise<void> {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0)
  const result = await benchSync(sizes.length > 0 ? sizes : undefined)
  console.log(JSON.stringify(result, null, 2))
  const path = join(ROOT, 'docs', 'bench.md')
  const doc = readFileSync(path, 'utf8')
  const section = syncMarkdown(result).join('\n')
  const start = doc.indexOf('## Clinic network')
  const end = start < 0 ? -1 : doc.indexOf('\n## ', start + 1)
  const next =
    start < 0
      ? `${doc.trimEnd()}\n\n${section}`
      : `${doc.slice(0, start)}${section}${end < 0 ? '' : `\n${doc.slice(end + 1)}`}`
  writeFileSync(path, next)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})

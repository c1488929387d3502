import { readFileSync, writeFileSync } from 'node:fs'
import { DROPDOWN_TARGET_MS } from './search-bench'
import type { F2Result, SearchBenchResult } from './search-bench'

const ms = (value: number): string => value.toFixed(2)
const RATIO_TARGET = 1.5
const items = (n: number): string => n.toLocaleString('en')

/** docs/bench.md's search speed section (F2, the query kinds, the dropdown). */
export function searchMarkdown(r: SearchBenchResult): string[] {
  const first = r.sizes[0]!
  return [
    '## Search (F2): core contract entry vs the raw FTS5 floor',
    'CPU time per call (`process.cpuUsage`; wall time beside it), in a measuring process of its',
    'own per run (`bench/search-measure.ts`: one GC thread, so no helper thread’s collection lands',
    'in a call; a full GC before each round, outside the timing). Every round runs every query in',
    'every way, the queries in a rotating order and one query’s ways back to back, forwards in one',
    `round and backwards in the next; ${first.runs} runs per size, rounds per run as the table says,`,
    `${WARM_UP_NOTE}. The core is \`dispatch(search:query)\` with 50 hits: zod in and out, the`,
    'per-kind counts, names and synonyms, title highlight and a 20-word snippet, each hit’s kind,',
    'parent, tags and flags. The floor is what the core takes from FTS5, asked for directly: the',
    'same MATCH and bm25 weights, rowid, highlighted title and 20-word snippet of 50 rows in rank',
    'order, as arrays, reading no rank value; for each query the faster of the two forms (bm25() in',
    'an ORDER BY, or the rank column) by CPU median. Target: core CPU p95 ≤ 1.5× the floor.',
    '',
    '| items (documents) | runs × rounds | load | core CPU p50 / p95 ms | floor CPU p50 / p95 ms | ratio CPU p50 | ratio CPU p95 | p95 ratio by run | ratio wall p95 | ratio CPU p95, session 5 floor |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...r.sizes.map(
      (s) =>
        `| ${items(s.items)} (${items(s.documents)}) | ${s.runs} × ${s.rounds} | ${r.load[s.items] ?? '?'} | ` +
        `${ms(s.core.cpuP50)} / ${ms(s.core.cpuP95)} | ${ms(s.floor.cpuP50)} / ${ms(s.floor.cpuP95)} | ` +
        `${s.ratioCpuP50}× | **${s.ratioCpuP95}×** | ${s.ratioCpuP95ByRun.map((x) => `${x}×`).join(', ')} | ` +
        `${s.ratioWallP95}× | ${s.ratioCpuP95OldFloor}× |`
    ),
    '',
    '"Session 5 floor": the floor as measured before (rows as objects, the rank value read, a',
    '12-word snippet, no title highlight), which reading the rank column made slower: FTS5 computes',
    'bm25 again for each row that reads it.',
    '',
    ...r.sizes.map(
      (s) =>
        `- ${items(s.items)} items: ${s.ratioCpuP95 <= RATIO_TARGET ? 'within' : '**over**'} the ` +
        `${RATIO_TARGET}× target (CPU p95 ${s.ratioCpuP95}×, p50 ${s.ratioCpuP50}×).`
    ),
    '',
    ...r.sizes.flatMap(perQueryTable),
    '### Issue 9 query kinds (through the contract, 50 hits; outside the ratio)',
    'Their work is more than one FTS5 query (names, synonyms, the any-word fallback, a spelling',
    'suggestion and a second pass). CPU p95 / wall p95 in ms:',
    '',
    `| kind | query | ${r.sizes.map((s) => items(s.items)).join(' | ')} |`,
    `| --- | --- | ${r.sizes.map(() => '---').join(' | ')} |`,
    ...first.queryKinds.map(
      (k, i) =>
        `| ${k.kind} | \`${k.q}\` | ${r.sizes
          .map((s) => `${ms(s.queryKinds[i]!.stat.cpuP95)} / ${ms(s.queryKinds[i]!.stat.wallP95)}`)
          .join(' | ')} |`
    ),
    '',
    `### The as-you-type dropdown at ${items(r.dropdown.items)} items (8 hits, through the contract)`,
    `Target: first hits within ${DROPDOWN_TARGET_MS} ms for every query. Worst CPU p95: ` +
      `**${ms(r.dropdown.worstCpu)} ms**; over the target at p95: ${overDropdownTarget(r)}.`,
    '',
    '| query | CPU p50 ms | CPU p95 ms | wall p95 ms |',
    '| --- | --- | --- | --- |',
    ...r.dropdown.perQuery.map(
      (row) =>
        `| \`${row.q}\` | ${ms(row.stat.cpuP50)} | ${ms(row.stat.cpuP95)} | ${ms(row.stat.wallP95)} |`
    ),
    '',
    ...HOW_IT_IS_FAST,
    ''
  ]
}

const WARM_UP_NOTE = 'after 3 rounds of warm-up'

function overDropdownTarget(r: SearchBenchResult): string {
  const over = r.dropdown.perQuery.filter((row) => row.stat.cpuP95 > DROPDOWN_TARGET_MS)
  return over.length === 0 ? 'none' : over.map((row) => `\`${row.q}\``).join(', ')
}

function perQueryTable(s: F2Result): string[] {
  const full = s.coreFullRanking !== null
  return [
    `At ${items(s.items)} items, per query (CPU ms):`,
    '',
    `| query | core p50 | core p95 | floor form | floor p50 | floor p95 | ratio p50 | ratio p95 |${full ? ' every match ranked, p95 |' : ''}`,
    `| --- | --- | --- | --- | --- | --- | --- | --- |${full ? ' --- |' : ''}`,
    ...s.perQuery.map(
      (q) =>
        `| \`${q.q}\` | ${ms(q.core.cpuP50)} | ${ms(q.core.cpuP95)} | ${q.floorForm} | ` +
        `${ms(q.floor.cpuP50)} | ${ms(q.floor.cpuP95)} | ${q.ratioCpuP50}× | ${q.ratioCpuP95}× |` +
        (q.coreFullRanking ? ` ${ms(q.coreFullRanking.cpuP95)} |` : '')
    ),
    ''
  ]
}

/** What was measured and chosen (fixed text: the figures it cites were measured when it was written). */
const HOW_IT_IS_FAST = [
  '### What makes it fast, and what was measured (session 5)',
  '- **The query form, by how many items match.** The per-kind counts run first (one FTS5 pass,',
  '  no join: search ids are ranged by kind) and their total picks the ranked query: under 5,000',
  "  matches FTS5's rank column (it sorts inside the virtual table, so highlight() and snippet()",
  '  run for the shown rows only), from 5,000 on bm25() in an outer ORDER BY … LIMIT (at 100,000',
  "  items the rank column cost 1.3-1.5× more CPU on broad queries; SQLite's top-N sorter turns away",
  '  most rows before their snippet is cut). Fetching snippets afterwards by rowid was measured',
  "  and dropped: FTS5 merges a prefix's doclists again for every row (needle: 143 ms).",
  '- **Names and titles first for a very broad match.** From 10,000 all-words matches, the items',
  '  with a query word in their title, tags or names are ranked first',
  '  (`(all words) AND {title tags aliases} : (any word)`), and the body-only matches only when',
  '  those do not fill the list. bm25 is then computed for a few thousand rows, not 70,000. The',
  '  items shown are mostly the same (measured at 100,000: 7 of the 8 dropdown hits, 43-50 of 50),',
  '  in an order that puts names and titles first. The "every match ranked" column is the cost',
  '  without this rule.',
  '- **One letter in a large library** (30,000 documents or more): a one-character word is matched',
  '  whole, not as a prefix, and the names that start with it lead; typed last after other words',
  '  ("neck p") it waits for its second character. `t*` merges the doclists of every word starting',
  '  with t: 42 ms to count and 108 ms to rank at 100,000 items, for a list that narrows nothing.',
  "  Two letters and more use the index's prefix tables (`prefix = '2 3 4'`) and stay prefixes.",
  '- **Fixed cost per call** (CPU profile, 1,000 items): the ranked query ~55%, the per-kind',
  '  counts ~10%, names and synonyms ~10%, turning rows into hits ~10%, zod in and out ~3%. Cut:',
  '  name prefixes are grouped and limited before their join (`t` at 100,000 items: 48 → 5 ms);',
  '  snippets are cut into segments with one split instead of a character loop; the clinic',
  '  profile (for the language order) is read only when two versions of one handout are hit.',
  '- **Why 1,000 items stays over 1.5×.** There the floor is 1-2 ms, and the core does work the',
  "  floor does not: the title highlight and the join for each hit's kind, parent, tags and flags",
  '  (together ~25% over the raw query, measured by medians), the per-kind counts (~10%), the names',
  '  and synonyms (~7%), hits and zod (~5%). By medians that is ~1.7×; p95 on a shared machine',
  "  adds the core's allocation and GC. None of these can go without losing what the page shows.",
  "- **The dropdown's slowest query**, `shoulder referral` at 100,000 items (two common words):",
  '  the per-kind counts cost 19 ms (a plain count(*) of the same match costs 8: the GROUP BY',
  '  sorts 50,000 rows; six counts by rowid range cost 52, as FTS5 merges the prefixes again for',
  '  each) and the names-first ranking 35 ms (four doclists read in full).'
]

/** Replaces the search speed section of docs/bench.md (up to the next section). */
export function writeSearchSection(path: string, result: SearchBenchResult): void {
  const doc = readFileSync(path, 'utf8')
  const start = doc.indexOf('## Search (F2)')
  const end = doc.indexOf('\n## ', start + 1)
  if (start < 0 || end < 0) throw new Error('docs/bench.md has no search section to replace')
  writeFileSync(path, `${doc.slice(0, start)}${searchMarkdown(result).join('\n')}${doc.slice(end)}`)
}

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
  '### What makes it fast, and what was measured (sessions 5 to 8)',
  "- **Ranked first, counted beside the page's snippets** (session 8). Without a kind or tag filter,",
  "  in a library under 20,000 documents (`ranked-page.ts`): first the page's ids by bm25() in an",
  "  ORDER BY … LIMIT, ids only; then one pass over every match that writes each row's kind place",
  "  for the counts and, for the page's ids only, cuts the highlighted title and the snippet and",
  '  reads what else a hit shows. CPU means over the 7 bench queries at 10,000 items, SQL alone:',
  "  the page's ids 3.55 ms; with titles and snippets in the same ORDER BY 5.48 (SQLite cuts them",
  "  for every row that enters its top-N sorter, not only for the 50 it keeps); FTS5's rank column",
  '  with them 5.33 (it sorts every match with its positions: 4.83 for the ids alone). Counting and',
  '  then the rank column cost 4.76, the two passes 4.10; at 1,000 items both ~0.92. The second',
  "  pass's inner query carries a LIMIT so SQLite does not fold it into the aggregate, where FTS5's",
  "  functions cannot run; testing each row against the page's ids costs ~0.2 ms of it (a",
  '  json_each set; a list of 50 bound values was slower). Same answers as counting first (182',
  '  requests at 1,000 and 10,000 items). A match of 10,000 items or more (half such a library) is',
  '  ranked again names first (below).',
  '- **Counted first: large libraries and filters.** From 20,000 documents, or with a kind or tag',
  '  filter, the per-kind counts run first (one FTS5 pass, no join unless a tag filter) and their',
  "  total picks the ranked query: under 10,000 matches FTS5's rank column (it sorts inside the",
  '  virtual table, so highlight() and snippet() run for the shown rows only), from 10,000 on',
  '  bm25() in an ORDER BY … LIMIT. Session 6 measured the crossover with the columns the core',
  '  reads (CPU medians, bm25() / rank column): 0.99-1.10 at 5,000-7,200 matches in a 10,000-item',
  '  library; at 100,000 items 0.97 at 11,800 matches, 0.88 at 17,000, 0.75 at 50,000 (session 5',
  '  had switched at 5,000). Fetching snippets afterwards by rowid was measured and dropped: FTS5',
  "  merges a prefix's doclists again for every row (needle: 143 ms).",
  '- **No rank value read.** Reading the rank column makes FTS5 run bm25 again for that row (its',
  '  sort had computed it already): ~8% of the query at 1,000 items. The text query returns rowid,',
  '  the highlighted title and the snippet, in rank order, and the core ranks by that order.',
  '- **Rows as arrays.** better-sqlite3 builds an object per row with a property per column at',
  "  several times V8's cost for a literal: the join's columns for 50 rows cost 0.13 ms as objects,",
  '  0.03 as arrays (1,000 items). The hot statements run in raw mode.',
  '- **What else a hit shows** (kind, parent, tags, flags): in the rank column form one JSON array',
  '  from search_docs per returned row, in a subquery (0.05 ms over the text alone at 1,000',
  '  items; a second statement 0.09, the join it replaced 0.13); in the bm25() form read afterwards',
  '  for the rows shown (a subquery there runs for every row that enters the top-N sorter); ranked',
  "  first, inside the second pass's JSON for the page's rows only.",
  '- **Per-kind counts from the rowids** (search ids are ranged by kind: `kind-counts.ts`). Each',
  "  matching row adds its kind's place (rowid >> 40, one digit) to a string, and the digits are",
  '  counted afterwards (session 8). What a row costs in that pass is mostly reading its rowid (an',
  '  xRowid call into FTS5 for each use) and the expression on it: one read and one shift, where',
  "  session 7's packed sums (1 << (22 × the kind's place) added to one of two sums, three kinds to a",
  '  sum) took two reads and eight operations. CPU means per bench query, the pass alone: 10,000',
  '  items 0.68 → 0.56 ms (a plain count(*) 0.43), 100,000 items 6.7 → 5.7 (count(*) 4.4). The',
  '  string has no size limit; the packed sums went through the join from 2^19 documents. Earlier',
  "  forms at 10,000 items (7,000 matches, one query): GROUP BY 0.99 ms, one FILTER per kind's range",
  '  0.95, cumulative bounds 0.79. Tried and dropped: 16-bit packed sums with fewer operations (0.69',
  "  → 0.66 ms: the second read of the rowid stays), a count per kind's rowid range (FTS5 sets the",
  '  match up again for each: 2× slower), reading the rowid once in a subquery (slower), a',
  '  JavaScript function counting the rows inside the ranked query (1.3 ms more than the count pass',
  '  at 10,000 items).',
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
  '- **The rest of the fixed cost** (session 6): name prefixes without their join, grouped and',
  '  cut in one pass; the synonym list held in memory (one query less per search); snippets cut by',
  '  scanning for the marks, text without CJK or marks not copied; no JSON parse for an empty tag',
  '  or flag list. What remains beside the ranked query (CPU means per call at 1,000 items, load',
  '  ~14 on 2 cores): the per-kind counts ~0.22 ms, names and synonyms ~0.25, rows for hits found',
  '  by name ~0.04, turning rows into hits ~0.13, zod in and out ~0.16 (out: 50 hits copied and',
  '  checked), parsing ~0.04: together about as much as the ranked query itself at 1,000 items.',
  '- **Nerve-root muscles through the index** (session 7): a query of nerve roots (`C5-C6`, `L5`)',
  '  leads with the muscles carrying those roots as tags. They were found by reading every',
  "  muscle's tags (23 ms of CPU at 100,000 items, 20,000 muscles: `C5-C6` cost 29.6 ms through the",
  "  core); now FTS5's index of the tags column finds the few documents holding a root as a word",
  '  and each tag is still compared whole (0.16 ms; `C5-C6` 6.5 ms). The other name lookups use',
  '  indexes: exact names by key, a prefix by the range of names it starts (grouped per item,',
  '  so its cost grows with the names it starts, `t` 8,800 at 100,000 items, not with the library),',
  "  synonym and root targets by kind and id. A spelling suggestion reads FTS5's vocabulary of the",
  "  word's first letter, whose document counts cost the same whether read or not (7.4 ms at",
  '  100,000 items for `t`).',
  '- **Where the time goes at 10,000 items** (session 7: `node --cpu-prof`, 150 rounds of the 7',
  '  bench queries through dispatch, after the packed counts): the ranked query 74% of the CPU,',
  '  the per-kind counts 13%, names (exact, prefix, synonyms) 5.4%, rows of items found by name',
  '  1.6%, zod in and out 3%, turning rows into hits 1.5%, the rest (parsing, placing, language',
  '  order) under 3%. Two FTS5 passes per call (counts, ranked query); the fallback, a suggestion',
  '  or names-first adds others. Every step after the ranked query costs 3-5× what it costs in a',
  "  loop of its own (its pages and code are no longer in the CPU's caches): 50 rows of names",
  '  0.2-0.3 ms in a search, 0.08 alone. Those rows are now built as literals: spreading an object',
  '  V8 did not build from a literal cost ~2 µs a row (0.11 ms for 50 names, against 0.006).',
  '  Not done: caching results or names by query. The bench asks each query again and again, so a',
  "  cache would be measured instead of the search; a practitioner's next query is mostly new.",
  '  Session 8, the same way after the changes above (both trees in one process, interleaved,',
  "  load ~8): the core's mean CPU per call 10% lower, p50 5.6% lower; leaving out names and their",
  '  rows (measured only, not a change) takes 5.8% off a call, zod in and out ~0.12 ms.',
  '- **Tried and dropped:** a hand-written check of the search answer in place of zod’s output',
  '  parse (accepting only an answer exactly in shape, else zod) cost the same as zod 4’s parse',
  '  (0.12 ms per seven 50-hit answers each, hot). Skipping the text query when names fill the',
  '  page would save the whole query for prefixes like `tra` in a large library, but a name hit',
  '  that is also a text match would lose its highlight and snippet: not done.',
  '  Fetching the rows of names for the first `limit` places only (not twice the limit) changed',
  '  nothing here: the prefix lookup is already cut to the limit.',
  "- **The dropdown's slowest query**, `shoulder referral` at 100,000 items (two common words):",
  '  the per-kind counts cost 19 ms in session 5 (a plain count(*) of the same match costs 8) and',
  '  the names-first ranking 35 ms (four doclists read in full).'
]

/** Replaces the search speed section of docs/bench.md (up to the next section). */
export function writeSearchSection(path: string, result: SearchBenchResult): void {
  const doc = readFileSync(path, 'utf8')
  const start = doc.indexOf('## Search (F2)')
  const end = doc.indexOf('\n## ', start + 1)
  if (start < 0 || end < 0) throw new Error('docs/bench.md has no search section to replace')
  writeFileSync(path, `${doc.slice(0, start)}${searchMarkdown(result).join('\n')}${doc.slice(end)}`)
}

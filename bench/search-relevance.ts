import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { dispatch } from '../src/main/core/api/dispatch'
import { openLibrary } from '../src/main/core'
import type { ApiOutput } from '../src/shared/api'
import { scoreRelevance } from '../test/support/search-relevance'
import type { RelevanceReport } from '../test/support/search-relevance'
import { RELEVANCE_CASES } from '../test/support/search-relevance-cases'

/**
 * The relevance set of issue 9 (test/support/search-relevance-cases.ts) on a fresh library of the
 * built-in content, through the contract: success@1, success@3 and MRR for docs/bench.md. The
 * same set fails CI below 95% (test/db/search-relevance.test.ts).
 */
export async function benchRelevance(resourcesDir: string): Promise<RelevanceReport> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pointbook-relevance-'))
  const library = openLibrary({ dataDir, resourcesDir, warn: () => undefined })
  try {
    return await scoreRelevance(RELEVANCE_CASES, async (q) => {
      const result = await dispatch(library.handlers, 'search:query', { q, limit: 10 })
      if (!result.ok) throw new Error(`${q}: ${result.error.message}`)
      return (result.value as ApiOutput<'search:query'>).hits
    })
  } finally {
    library.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

export function relevanceMarkdown(report: RelevanceReport): string[] {
  const percent = (share: number): string => `${(share * 100).toFixed(1)}%`
  return [
    '## Search relevance (issue 9)',
    `${report.cases} practitioner and front-desk queries on the built-in content ` +
      '(`test/support/search-relevance-cases.ts`; CI fails below 95% passed): ' +
      `passed ${percent(report.passRate)}, success@1 ${report.successAt1.toFixed(3)}, ` +
      `success@3 ${report.successAt3.toFixed(3)}, MRR ${report.mrr.toFixed(3)}.`,
    ...(report.failures.length > 0
      ? ['', 'Failing:', ...report.failures.map((f) => `- \`${f.q}\`: ${f.top.join(', ')}`)]
      : []),
    ''
  ]
}

import type { HandoutLangSummary } from '../../../shared/api/handouts'
import * as commonApi from '../../../shared/api/common'
import { builtinStatus } from '../content/builtin-tracking'
import { handoutTextHash } from './handout-text'
import type { BuiltinHandoutContent } from './builtin-handouts'
import type { HandoutTextRow } from './handout-repo'

/** Conversions between stored handout rows, shipped files and what the contract returns. */

export function fromShipped(
  content: BuiltinHandoutContent,
  version: number,
  now: string
): HandoutTextRow {
  return {
    handoutId: content.id,
    lang: content.lang,
    version,
    title: content.title,
    summary: content.summary,
    body: content.body,
    referencesJson: JSON.stringify(content.references),
    reviewStatus: content.reviewStatus,
    approvedBy: null,
    approvedOn: null,
    textHash: handoutTextHash(content),
    isBuiltin: true,
    updatedAt: now
  }
}

export const approvalOf = (row: { approvedBy: string | null; approvedOn: string | null }) =>
  row.approvedBy !== null && row.approvedOn !== null
    ? { by: row.approvedBy, on: row.approvedOn }
    : null

export function langSummary(
  row: HandoutTextRow,
  record: Parameters<typeof builtinStatus>[0]
): HandoutLangSummary {
  const status = builtinStatus(record, row.textHash)
  return {
    lang: row.lang,
    title: row.title,
    version: row.version,
    reviewStatus: row.reviewStatus,
    isBuiltin: status.isBuiltin,
    isModified: status.isModified
  }
}

export function parseReferences(json: string) {
  try {
    const parsed = commonApi.referenceSchema.array().safeParse(JSON.parse(json))
    return parsed.success ? parsed.data : []
  } catch {
    return []
  }
}

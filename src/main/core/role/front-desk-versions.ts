import { ApiError } from '../../../shared/api/errors'
import type {
  Handout,
  HandoutLangSummary,
  HandoutSummary,
  HandoutVersion,
  PrintItem
} from '../../../shared/api/handouts'
import type { HandoutService } from '../handouts/handout-service'

/**
 * Which version of a handout the front desk sees (docs/front-desk-role.md): the newest version a
 * practitioner signed off (`handouts:approve`), or, when no version of that language was ever
 * signed off, the current one. So an edit made after a sign-off reaches the front desk only once
 * it is approved in turn.
 */
export class FrontDeskVersions {
  constructor(private readonly handouts: HandoutService) {}

  /** The signed-off versions of one language, newest first (empty when none). */
  private approved(id: string, lang: string): HandoutVersion[] {
    return this.handouts.versions(id, lang).filter((v) => v.approval !== null)
  }

  /** The version the front desk gets when none is named; undefined means the current one. */
  defaultVersion(id: string, lang: string): number | undefined {
    return this.approved(id, lang)[0]?.version
  }

  /** A version named by the front desk (a reprint, a link) must be signed off, if any is. */
  assertAllowed(id: string, lang: string, version: number): void {
    const approved = this.approved(id, lang)
    if (approved.length === 0 || approved.some((v) => v.version === version)) return
    throw new ApiError(
      'forbidden_role',
      `The front desk prints only approved versions of this handout, and version ${version} is not approved. Print the current approved version instead, or ask a practitioner.`
    )
  }

  get(id: string, lang: string, version: number | undefined): Handout {
    if (version !== undefined) this.assertAllowed(id, lang, version)
    const handout = this.handouts.get(id, lang, version ?? this.defaultVersion(id, lang))
    return { ...handout, langs: handout.langs.map((l) => this.langSummary(id, l)) }
  }

  items(items: readonly PrintItem[]): PrintItem[] {
    return items.map((item) => {
      if (item.version !== undefined) {
        this.assertAllowed(item.id, item.lang, item.version)
        return item
      }
      const version = this.defaultVersion(item.id, item.lang)
      return version === undefined ? item : { ...item, version }
    })
  }

  versions(id: string, lang: string, all: HandoutVersion[]): HandoutVersion[] {
    return this.approved(id, lang).length === 0 ? all : all.filter((v) => v.approval !== null)
  }

  summaries(list: readonly HandoutSummary[]): HandoutSummary[] {
    return list.map((summary) => {
      const langs = summary.langs.map((l) => this.langSummary(summary.id, l))
      if (langs.every((l, i) => l === summary.langs[i])) return summary
      const main = langs.find((l) => l.lang === 'en') ?? langs[0]
      const mainText =
        main === undefined ? null : this.handouts.get(summary.id, main.lang, main.version)
      return {
        ...summary,
        title: mainText?.title ?? summary.title,
        summary: mainText?.summary ?? summary.summary,
        langs
      }
    })
  }

  /** One language as the front desk sees it (the same object when that is the current version). */
  private langSummary(id: string, lang: HandoutLangSummary): HandoutLangSummary {
    const approved = this.approved(id, lang.lang)[0]
    if (approved === undefined || approved.version === lang.version) return lang
    return {
      ...lang,
      title: approved.title,
      version: approved.version,
      reviewStatus: approved.reviewStatus
    }
  }
}

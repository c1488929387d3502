/**
 * The shipped synonym list (resources/content/search/synonyms.yaml) is valid and backed by the
 * atlas: every muscle or point a condition leads with exists, and its atlas entry holds one of the
 * condition's evidence phrases; every abbreviation stands for the start of a real muscle name.
 */
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadBuiltinAtlas } from '../../src/main/core/atlas/builtin-atlas'
import { foldIdentity } from '../../src/main/core/search/identity-terms'
import { loadSynonymFile, synonymEntries } from '../../src/main/core/search/synonyms'

const RESOURCES = resolve(__dirname, '../../resources')
const file = loadSynonymFile(RESOURCES)
const atlas = loadBuiltinAtlas(RESOURCES)
const muscleText = (id: string): string =>
  readFileSync(join(RESOURCES, 'content', 'muscles', `${id}.yaml`), 'utf8').toLowerCase()
const pointText = (code: string): string =>
  JSON.stringify(
    atlas.acupoints.find((p) => p.content.code === code)?.content ?? null
  ).toLowerCase()

describe('search synonyms', () => {
  it('ships the conditions of issue 9', () => {
    expect(file).not.toBeNull()
    const entries = synonymEntries(file!)
    for (const phrase of ['tennis elbow', 'frozen shoulder', 'sciatica', 'tension headache']) {
      expect(entries.get(foldIdentity(phrase))?.muscles.length, phrase).toBeGreaterThan(0)
    }
    for (const phrase of ['jaw pain', 'calf cramp']) {
      expect(entries.get(foldIdentity(phrase))?.muscles.length, phrase).toBeGreaterThan(0)
    }
    expect(entries.get('traps')?.means).toEqual(['trapezius'])
  })

  it('leads each condition only to items whose atlas text supports it', () => {
    const muscleIds = new Set(atlas.muscles.map((m) => m.content.id))
    for (const condition of file!.conditions) {
      const evidence = condition.evidence.map((e) => e.toLowerCase())
      for (const id of condition.muscles) {
        expect(muscleIds.has(id), id).toBe(true)
        expect(
          evidence.some((e) => muscleText(id).includes(e)),
          `${condition.phrases[0]}: ${id}`
        ).toBe(true)
      }
      for (const code of condition.points) {
        expect(
          evidence.some((e) => pointText(code).includes(e)),
          `${condition.phrases[0]}: ${code}`
        ).toBe(true)
      }
    }
  })

  it('expands each abbreviation to the start of a muscle name or alias', () => {
    const names = atlas.muscles.flatMap((m) =>
      [m.content.name, ...m.content.aliases]
        .flatMap((n) => [n, n.replace(/\([^)]*\)/g, ' ')])
        .map(foldIdentity)
    )
    for (const entry of file!.abbreviations) {
      for (const meaning of entry.means.filter((m) => !/trigger point|dry needling/.test(m))) {
        expect(
          names.some((n) => n.startsWith(foldIdentity(meaning))),
          meaning
        ).toBe(true)
      }
    }
  })
})

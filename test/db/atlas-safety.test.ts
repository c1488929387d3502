/**
 * Issue 10 (patient safety), through the core: the safety flags of the shipped atlas reach every
 * channel that shows them (muscle pages, the body map, search results), and the corrected pinyin
 * and its variant readings are found by the point finder and the one search.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { describe, expect, it } from 'vitest'
import { DEEP_BLEEDING_MUSCLES, writeMuscle } from './atlas-fixtures'
import { call, openTestLibrary } from './helpers'

const REAL_RESOURCES = resolve(__dirname, '../../resources')

const shippedMuscle = (id: string): Record<string, unknown> =>
  parseYaml(
    readFileSync(resolve(REAL_RESOURCES, 'content', 'muscles', `${id}.yaml`), 'utf8')
  ) as Record<string, unknown>

describe('safety flags of the shipped atlas, through the core', () => {
  it('gives every deep muscle the deep-bleeding flag on its page, the map and in search', async () => {
    const { library, warnings } = openTestLibrary({ resourcesDir: REAL_RESOURCES })
    expect(warnings.filter((w) => /muscle|acupoint/i.test(w))).toEqual([])
    const map = await call(library, 'atlas:map', {})
    const summaries = await call(library, 'atlas:muscles', {})
    for (const id of DEEP_BLEEDING_MUSCLES) {
      const muscle = await call(library, 'atlas:muscle', { id })
      expect(muscle.flags, id).toContain('deep-bleeding')
      expect(map.muscles.find((m) => m.id === id)?.flags, id).toContain('deep-bleeding')
      expect(summaries.find((m) => m.id === id)?.flags, id).toContain('deep-bleeding')
      // The muscle and each of its trigger points are search hits, each carrying the flag.
      const { hits } = await call(library, 'search:query', { q: muscle.name, kinds: ['muscle'] })
      expect(hits.find((h) => h.id === id)?.flags, id).toContain('deep-bleeding')
      for (const tp of muscle.triggerPoints) {
        // Words only: a word followed by a code ("multifidus (L4–S1)") trips an FTS5 syntax
        // error in parse-query.ts, reported separately.
        const q = tp.name.replace(/\([^)]*\)/g, ' ')
        const found = await call(library, 'search:query', { q, kinds: ['trigger-point'] })
        const hit = found.hits.find((h) => h.id === tp.id)
        expect(hit?.parent?.id, tp.id).toBe(id)
        expect(hit?.flags, tp.id).toContain('deep-bleeding')
      }
    }
    // Where it hurts and nerve roots list the flag too (iliopsoas: front of the thigh, L2).
    const roots = await call(library, 'atlas:byRoots', { roots: ['L2'] })
    expect(roots.muscles.find((m) => m.muscleId === 'iliopsoas')?.flags).toContain('deep-bleeding')
    // A muscle without the flag does not get it.
    const deltoid = await call(library, 'atlas:muscle', { id: 'deltoid' })
    expect(deltoid.flags).not.toContain('deep-bleeding')
  })

  it('serves HT4–HT7 and LR3 flagged for the vessel and nerve beneath, in search too', async () => {
    const { library } = openTestLibrary({ resourcesDir: REAL_RESOURCES })
    for (const code of ['HT4', 'HT5', 'HT6', 'HT7', 'LR3']) {
      const point = await call(library, 'acupoints:get', { code })
      expect(point.flags, code).toEqual(expect.arrayContaining(['vessel', 'nerve']))
      expect(point.flagNotes, code).toMatch(/artery/)
      const { hits } = await call(library, 'search:query', { q: code })
      expect(hits[0], code).toMatchObject({ kind: 'acupoint', id: code })
      expect(hits[0]?.flags, code).toEqual(expect.arrayContaining(['vessel', 'nerve']))
    }
    const map = await call(library, 'atlas:map', {})
    const ht7 = map.acupoints.find((p) => p.code === 'HT7')
    if (ht7) expect(ht7.flags).toEqual(expect.arrayContaining(['vessel', 'nerve']))
  })

  it('finds the corrected pinyin and the variant readings, in the finder and the search', async () => {
    const { library } = openTestLibrary({ resourcesDir: REAL_RESOURCES })
    const expected: [string, string, string][] = [
      ['Biguan', 'ST31', 'Biguan'],
      ['Ciliao', 'BL32', 'Ciliao'],
      ['Shenfeng', 'KI23', 'Shenfeng'],
      ['Cuanzhu', 'BL2', 'Cuanzhu'],
      ['Zanzhu', 'BL2', 'Cuanzhu'],
      ['Danzhong', 'CV17', 'Danzhong'],
      ['Tanzhong', 'CV17', 'Danzhong'],
      ['Chengqi', 'ST1', 'Chengqi'],
      ['cheng qi', 'ST1', 'Chengqi'],
      ['Sibai', 'ST2', 'Sibai']
    ]
    for (const [q, code, pinyin] of expected) {
      const found = await call(library, 'acupoints:find', { q })
      expect(found[0], q).toMatchObject({ code, pinyin })
      const { hits } = await call(library, 'search:query', { q, kinds: ['acupoint'] })
      expect(hits[0], q).toMatchObject({ kind: 'acupoint', id: code })
      // The title also carries the Chinese name (issue 9): "ST31 Biguan 髀关 (Thigh Gate)".
      expect(hits[0]?.title, q).toMatch(new RegExp(`^${code} ${pinyin} (\\S+ )?\\(`))
    }
    // The misreadings are gone: they were errors, not variant readings.
    for (const wrong of ['Diguan', 'Chiliao', 'Shengfeng']) {
      expect(await call(library, 'acupoints:find', { q: wrong }), wrong).toEqual([])
    }
  })
})

describe('a library that holds an older built-in copy', () => {
  it('takes the new flags when the shipped muscle is newer and the copy unedited', async () => {
    const first = openTestLibrary()
    const current = shippedMuscle('piriformis')
    const safety = current.safety as { flag: string }[]
    expect(safety.map((s) => s.flag)).toContain('deep-bleeding')
    // The copy a clinic installed before this release: version 1, no deep-bleeding note.
    writeMuscle(first.resourcesDir, {
      ...current,
      contentVersion: 1,
      safety: safety.filter((s) => s.flag !== 'deep-bleeding')
    })
    const before = first.reopen()
    expect((await call(before.library, 'atlas:muscle', { id: 'piriformis' })).flags).not.toContain(
      'deep-bleeding'
    )
    writeMuscle(first.resourcesDir, current)
    const after = before.reopen()
    const muscle = await call(after.library, 'atlas:muscle', { id: 'piriformis' })
    expect(muscle.contentVersion).toBe(current.contentVersion)
    expect(muscle.flags).toContain('deep-bleeding')
    const { hits } = await call(after.library, 'search:query', { q: 'piriformis' })
    expect(hits.find((h) => h.kind === 'muscle')?.flags).toContain('deep-bleeding')
  })
})

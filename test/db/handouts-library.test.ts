import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { apiErrorOf, call, openTestLibrary } from './helpers'
import { writeBuiltinHandout } from './handouts-fixtures'

const REAL_RESOURCES = resolve(__dirname, '../../resources')

describe('built-in handouts', () => {
  it('imports every shipped handout in en, fr-CA and zh-Hans, translations needing review', async () => {
    const { library, warnings } = openTestLibrary({ resourcesDir: REAL_RESOURCES })
    expect(warnings.filter((w) => w.includes('handout'))).toEqual([])
    const list = await call(library, 'handouts:list', {})
    expect(list.map((h) => h.id).sort()).toEqual([
      'acupuncture-vs-ims',
      'after-acupuncture',
      'after-cupping',
      'after-ims',
      'after-moxibustion',
      'before-your-treatment',
      'consent-form',
      'electroacupuncture',
      'first-acupuncture-visit',
      'first-ims-visit'
    ])
    for (const handout of list) {
      expect(handout.isBuiltin).toBe(true)
      const byLang = Object.fromEntries(handout.langs.map((l) => [l.lang, l]))
      expect(Object.keys(byLang).sort()).toEqual(['en', 'fr-CA', 'zh-Hans'])
      expect(byLang['en']?.reviewStatus).toBe('approved')
      expect(byLang['fr-CA']?.reviewStatus).toBe('needs-review')
      expect(byLang['zh-Hans']?.reviewStatus).toBe('needs-review')
    }
  })

  it('puts handouts in the one search index (kind handout), in every language', async () => {
    const { library } = openTestLibrary({ resourcesDir: REAL_RESOURCES })
    const en = await call(library, 'search:query', { q: 'Charlie horse', kinds: ['handout'] })
    expect(en.hits.map((h) => h.id)).toContain('after-ims/en')
    const zh = await call(library, 'search:query', { q: '针', kinds: ['handout'] })
    expect(zh.hits.some((h) => h.id.endsWith('/zh-Hans'))).toBe(true)
  })

  it('a reopen changes nothing', async () => {
    const opened = openTestLibrary({ resourcesDir: REAL_RESOURCES })
    const before = await call(opened.library, 'handouts:get', { id: 'after-ims', lang: 'en' })
    const again = opened.reopen()
    const after = await call(again.library, 'handouts:get', { id: 'after-ims', lang: 'en' })
    expect(after.version).toBe(before.version)
  })

  it('a newer shipped text updates an unedited handout but never an edited one; reset applies it', async () => {
    const first = openTestLibrary()
    writeBuiltinHandout(first.resourcesDir, { id: 'after-ims', body: 'Old text.\n' })
    writeBuiltinHandout(first.resourcesDir, {
      id: 'after-ims',
      lang: 'fr-CA',
      body: 'Ancien texte.\n'
    })
    const opened = first.reopen()
    const en = await call(opened.library, 'handouts:get', { id: 'after-ims', lang: 'en' })
    expect(en.body).toBe('Old text.\n')
    // The clinic edits English; French stays as shipped.
    const edited = await call(opened.library, 'handouts:save', {
      id: 'after-ims',
      lang: 'en',
      title: en.title,
      summary: en.summary,
      body: 'Our own words for {{clinic.name}}.\n',
      baseVersion: en.version
    })
    expect(edited.version).toBe(2)
    expect(edited.isModified).toBe(true)

    writeBuiltinHandout(first.resourcesDir, {
      id: 'after-ims',
      body: 'New text.\n',
      contentVersion: 2
    })
    writeBuiltinHandout(first.resourcesDir, {
      id: 'after-ims',
      lang: 'fr-CA',
      body: 'Nouveau texte.\n',
      contentVersion: 2
    })
    const upgraded = opened.reopen()
    const enAfter = await call(upgraded.library, 'handouts:get', { id: 'after-ims', lang: 'en' })
    expect(enAfter.body).toBe('Our own words for {{clinic.name}}.\n')
    expect(enAfter.builtinUpdateAvailable).toBe(true)
    const fr = await call(upgraded.library, 'handouts:get', { id: 'after-ims', lang: 'fr-CA' })
    expect(fr.body).toBe('Nouveau texte.\n')
    expect(fr.version).toBe(2)

    const reset = await call(upgraded.library, 'handouts:resetToBuiltin', {
      id: 'after-ims',
      lang: 'en'
    })
    expect(reset.body).toBe('New text.\n')
    expect(reset.version).toBe(3)
    expect(reset.isModified).toBe(false)
    expect(reset.builtinUpdateAvailable).toBe(false)
    const versions = await call(upgraded.library, 'handouts:versions', {
      id: 'after-ims',
      lang: 'en'
    })
    expect(versions.map((v) => [v.version, v.source])).toEqual([
      [3, 'reset'],
      [2, 'user'],
      [1, 'builtin']
    ])
  })
})

describe('editing handouts', () => {
  it('every save is a new version, old versions stay readable', async () => {
    const { library } = openTestLibrary()
    const created = await call(library, 'handouts:create', {
      title: 'Parking and arrival',
      summary: '',
      body: 'Park behind {{clinic.name}}.',
      lang: 'en'
    })
    expect(created.id).toBe('parking-and-arrival')
    expect(created.version).toBe(1)
    const saved = await call(library, 'handouts:save', {
      id: created.id,
      lang: 'en',
      title: created.title,
      summary: '',
      body: 'Park in front.',
      baseVersion: 1
    })
    expect(saved.version).toBe(2)
    const old = await call(library, 'handouts:get', { id: created.id, lang: 'en', version: 1 })
    expect(old.body).toBe('Park behind {{clinic.name}}.')
    const stale = await apiErrorOf(
      call(library, 'handouts:save', {
        id: created.id,
        lang: 'en',
        title: 'x',
        summary: '',
        body: 'y',
        baseVersion: 1
      })
    )
    expect(stale.code).toBe('conflict')
  })

  it('refuses an unknown field at save time, naming it, and saves nothing', async () => {
    const { library } = openTestLibrary()
    const created = await call(library, 'handouts:create', {
      title: 'Fax',
      summary: '',
      body: 'Hello.',
      lang: 'en'
    })
    const error = await apiErrorOf(
      call(library, 'handouts:save', {
        id: created.id,
        lang: 'en',
        title: 'Fax',
        summary: '',
        body: 'Hello.\nFax us at {{clinic.fax}}.',
        baseVersion: 1
      })
    )
    expect(error.code).toBe('invalid_input')
    expect(error.message).toContain('{{clinic.fax}}')
    expect(error.message).toContain('line 2')
    expect((await call(library, 'handouts:get', { id: created.id, lang: 'en' })).version).toBe(1)
    const onCreate = await apiErrorOf(
      call(library, 'handouts:create', {
        title: 'X',
        summary: '',
        body: '{{patient.age}}',
        lang: 'en'
      })
    )
    expect(onCreate.message).toContain('{{patient.age}}')
  })

  it('a clinic can add a language; it needs review until approved, and approval prints', async () => {
    const { library } = openTestLibrary()
    const created = await call(library, 'handouts:create', {
      title: 'After care',
      summary: '',
      body: 'Rest.',
      lang: 'en'
    })
    const es = await call(library, 'handouts:addLanguage', {
      id: created.id,
      lang: 'es',
      title: 'Después',
      summary: '',
      body: 'Descanse.'
    })
    expect(es.reviewStatus).toBe('needs-review')
    expect(es.langs.map((l) => l.lang).sort()).toEqual(['en', 'es'])
    const again = await apiErrorOf(
      call(library, 'handouts:addLanguage', {
        id: created.id,
        lang: 'es',
        title: 'x',
        summary: '',
        body: 'y'
      })
    )
    expect(again.code).toBe('conflict')
    const approved = await call(library, 'handouts:approve', {
      id: created.id,
      lang: 'es',
      version: 1,
      by: 'Dr. Ana Ruiz',
      on: '2025-03-02'
    })
    expect(approved.reviewStatus).toBe('approved')
    expect(approved.approval).toEqual({ by: 'Dr. Ana Ruiz', on: '2025-03-02' })
    // A later edit is a new text: the sign-off stays with the version it was given to.
    const edited = await call(library, 'handouts:save', {
      id: created.id,
      lang: 'es',
      title: 'Después',
      summary: '',
      body: 'Descanse mucho.',
      baseVersion: 1
    })
    expect(edited.approval).toBeNull()
    const v1 = await call(library, 'handouts:get', { id: created.id, lang: 'es', version: 1 })
    expect(v1.approval).toEqual({ by: 'Dr. Ana Ruiz', on: '2025-03-02' })
  })

  it('refuses a bad language tag', async () => {
    const { library } = openTestLibrary()
    const error = await apiErrorOf(
      call(library, 'handouts:addLanguage', {
        id: 'x',
        lang: 'english<script>',
        title: 'x',
        summary: '',
        body: 'y'
      })
    )
    expect(error.code).toBe('invalid_input')
  })
})

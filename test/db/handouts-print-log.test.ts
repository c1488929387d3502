import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { apiErrorOf, call, openTestLibrary, tempDir } from './helpers'
import { fakePorts, writeBuiltinHandout } from './handouts-fixtures'
import { libraryInternals } from '../../src/main/core/library'

const PATIENT = 'Zebediah Quillfeather'

function setup(pages = 2) {
  const opened = openTestLibrary()
  writeBuiltinHandout(opened.resourcesDir, {
    id: 'after-ims',
    body: 'Hello {{patient.name}}, call {{clinic.phone}}.\n'
  })
  writeBuiltinHandout(opened.resourcesDir, { id: 'after-ims', lang: 'fr-CA', body: 'Bonjour.\n' })
  const out = tempDir('pointbook-pdf-')
  const fake = fakePorts({ pages, savePath: join(out, 'chosen') })
  const reopened = opened.reopen({ platform: fake.ports })
  return { ...reopened, out, fake }
}

const options = {
  items: [{ id: 'after-ims', lang: 'en' }],
  paper: 'a4' as const,
  largePrint: false,
  copies: 2,
  patientName: PATIENT
}

describe('print log', () => {
  it('Save as PDF writes the chosen file and logs it without the patient name', async () => {
    const { library, out, fake, dataDir } = setup(3)
    await call(library, 'settings:saveProfile', {
      name: 'Clinic',
      address: '',
      phone: '604-555-0142',
      email: '',
      website: '',
      practitioners: [],
      defaultPaper: 'a4',
      defaultLang: 'en',
      footerLine: '',
      printerName: null,
      startScreen: 'home'
    })
    const result = await call(library, 'handouts:savePdf', options)
    expect(result).toMatchObject({ status: 'saved', path: join(out, 'chosen.pdf'), pageCount: 3 })
    expect(readFileSync(join(out, 'chosen.pdf'), 'latin1')).toContain('%PDF')
    expect(readdirSync(out)).toEqual(['chosen.pdf'])
    // The name is on the sheet …
    expect(fake.documents[0]).toContain(PATIENT)
    // … and nowhere else: not in the log, not in the database file, not in search.
    const log = await call(library, 'printLog:list', {})
    expect(log).toHaveLength(1)
    expect(log[0]).toMatchObject({
      output: 'pdf',
      paper: 'a4',
      copies: 2,
      largePrint: false,
      pageCount: 3,
      items: [{ id: 'after-ims', lang: 'en', version: 1 }]
    })
    expect(JSON.stringify(log)).not.toContain('Zebediah')
    libraryInternals(library).db.pragma('wal_checkpoint(TRUNCATE)')
    for (const file of readdirSync(dataDir)) {
      if (!file.startsWith('pointbook')) continue
      expect(readFileSync(join(dataDir, file)).includes(Buffer.from('Zebediah')), file).toBe(false)
    }
    const search = await call(library, 'search:query', { q: 'Zebediah' })
    expect(search.hits).toEqual([])
  })

  it('a cancelled save dialog or print dialog writes and logs nothing', async () => {
    const { library, fake } = setup()
    fake.answerSaveDialog(null)
    expect((await call(library, 'handouts:savePdf', options)).status).toBe('cancelled')
    fake.answerPrint('cancelled')
    expect((await call(library, 'handouts:print', options)).status).toBe('cancelled')
    expect(await call(library, 'printLog:list', {})).toEqual([])
  })

  it('Print goes to the system dialog unless the clinic chose a printer', async () => {
    const { library, fake } = setup()
    const printed = await call(library, 'handouts:print', options)
    expect(printed.status).toBe('printed')
    expect(fake.printed[0]).toMatchObject({ copies: 2, deviceName: null })
    const profile = await call(library, 'settings:getProfile', {})
    const { logo: _l, revision: _r, isSet: _s, ...draft } = profile
    await call(library, 'settings:saveProfile', {
      ...draft,
      name: 'Clinic',
      phone: '604 555 0142',
      printerName: 'front-desk'
    })
    await call(library, 'handouts:print', options)
    expect(fake.printed[1]?.deviceName).toBe('front-desk')
    expect(await call(library, 'settings:printers', {})).toHaveLength(1)
    expect((await call(library, 'printLog:list', {})).map((e) => e.output)).toEqual([
      'printer',
      'printer'
    ])
  })

  it('reprints exactly the logged version, language and size after the text changed', async () => {
    const { library, fake, clock } = setup()
    const first = await call(library, 'handouts:savePdf', {
      ...options,
      items: [{ id: 'after-ims', lang: 'fr-CA' }],
      largePrint: true
    })
    const current = await call(library, 'handouts:get', { id: 'after-ims', lang: 'fr-CA' })
    await call(library, 'handouts:save', {
      id: 'after-ims',
      lang: 'fr-CA',
      title: current.title,
      summary: current.summary,
      body: 'Texte changé.\n',
      baseVersion: current.version
    })
    clock.advance(60_000)
    const again = await call(library, 'printLog:reprint', {
      id: first.logId as number,
      output: 'pdf'
    })
    expect(again.status).toBe('saved')
    const html = fake.documents[1] as string
    expect(html).toContain('Bonjour.')
    expect(html).not.toContain('Texte changé')
    expect(html).toContain('large-print')
    expect(html).not.toContain(PATIENT)
    const log = await call(library, 'printLog:list', {})
    expect(log[0]?.items[0]).toMatchObject({ lang: 'fr-CA', version: 1 })
    expect(log[0]?.largePrint).toBe(true)
    const missing = await apiErrorOf(call(library, 'printLog:reprint', { id: 999, output: 'pdf' }))
    expect(missing.code).toBe('not_found')
  })

  it('preview returns the PDF that would print, with unsaved editor text', async () => {
    const { library, fake } = setup(4)
    const preview = await call(library, 'handouts:preview', {
      items: [{ id: 'after-ims', lang: 'en' }],
      paper: 'letter',
      largePrint: false,
      draft: { id: 'after-ims', lang: 'en', title: 'Draft title', summary: '', body: 'Draft body.' }
    })
    expect(preview.pageCount).toBe(4)
    expect(Buffer.from(preview.pdfBase64, 'base64').toString('latin1')).toContain('%PDF')
    expect(fake.documents[0]).toContain('Draft body.')
    expect(await call(library, 'printLog:list', {})).toEqual([])
  })

  it('says so when printing is not available', async () => {
    const { library } = openTestLibrary()
    const error = await apiErrorOf(
      call(library, 'handouts:preview', {
        items: [{ id: 'x', lang: 'en' }],
        paper: 'a4',
        largePrint: false
      })
    )
    expect(error.code).toMatch(/not_found|io_error/)
  })
})

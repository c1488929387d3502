import { existsSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { apiErrorOf, call, openTestLibrary, tempDir } from './helpers'
import { fakePorts, writeBuiltinHandout } from './handouts-fixtures'

/**
 * "Open" and "Show in folder" after Save as PDF go through the core by a token of the file it
 * saved, never by a path from the page; and the print log names the pack a job printed.
 */
function setup() {
  const opened = openTestLibrary()
  for (const id of ['first-ims-visit', 'after-ims', 'acupuncture-vs-ims', 'consent-form']) {
    writeBuiltinHandout(opened.resourcesDir, { id, body: `About ${id}.\n` })
  }
  const out = tempDir('pointbook-saved-')
  const fake = fakePorts({ savePath: join(out, 'pack') })
  const opens: string[] = []
  const shown: string[] = []
  const reopened = opened.reopen({
    platform: {
      ...fake.ports,
      openPath: async (path) => {
        opens.push(path)
        return ''
      },
      showInFolder: (path) => shown.push(path)
    }
  })
  return { library: reopened.library, out, fake, opens, shown }
}

const print = (ids: string[]) => ({
  items: ids.map((id) => ({ id, lang: 'en' })),
  paper: 'letter' as const,
  largePrint: false,
  copies: 1
})

describe('saved PDFs', () => {
  it('opens and shows only the file the core saved, by its token', async () => {
    const { library, out, opens, shown } = setup()
    const saved = await call(library, 'handouts:savePdf', print(['after-ims']))
    expect(saved.savedFileId).toMatch(/^[0-9a-f]{32}$/)
    const savedFileId = saved.savedFileId ?? ''
    await call(library, 'handouts:openSaved', { savedFileId, action: 'open' })
    await call(library, 'handouts:openSaved', { savedFileId, action: 'showInFolder' })
    expect(opens).toEqual([join(out, 'pack.pdf')])
    expect(shown).toEqual([join(out, 'pack.pdf')])

    // A made-up token, and a path where a token belongs, are refused; nothing is opened.
    const madeUp = await apiErrorOf(
      call(library, 'handouts:openSaved', { savedFileId: 'a'.repeat(32), action: 'open' })
    )
    expect(madeUp.code).toBe('not_found')
    const secret = join(out, 'secret.txt')
    writeFileSync(secret, 'not a handout')
    const path = await apiErrorOf(
      call(library, 'handouts:openSaved', { savedFileId: secret, action: 'open' } as never)
    )
    expect(path.code).toBe('invalid_input')
    const extra = await apiErrorOf(
      call(library, 'handouts:openSaved', {
        savedFileId,
        action: 'open',
        path: secret
      } as never)
    )
    expect(extra.code).toBe('invalid_input')
    expect(opens).toEqual([join(out, 'pack.pdf')])
  })

  it('says so when the saved PDF was moved or deleted, and when the system cannot open it', async () => {
    const { library, out } = setup()
    const saved = await call(library, 'handouts:savePdf', print(['after-ims']))
    rmSync(join(out, 'pack.pdf'))
    expect(existsSync(join(out, 'pack.pdf'))).toBe(false)
    const gone = await apiErrorOf(
      call(library, 'handouts:openSaved', {
        savedFileId: saved.savedFileId ?? '',
        action: 'showInFolder'
      })
    )
    expect(gone.message).toMatch(/moved or deleted/)

    const opened = openTestLibrary()
    writeBuiltinHandout(opened.resourcesDir, { id: 'after-ims', body: 'Hi.\n' })
    const fake = fakePorts({ savePath: join(out, 'again') })
    const { library: failing } = opened.reopen({
      platform: { ...fake.ports, openPath: async () => 'No application is set to open PDFs.' }
    })
    const again = await call(failing, 'handouts:savePdf', print(['after-ims']))
    const refused = await apiErrorOf(
      call(failing, 'handouts:openSaved', { savedFileId: again.savedFileId ?? '', action: 'open' })
    )
    expect(refused).toMatchObject({ code: 'io_error' })
    expect(refused.message).toContain('No application is set to open PDFs.')
  })

  it('names the pack in the print log, also when the front desk left a hidden handout out', async () => {
    const { library } = setup()
    await call(
      library,
      'handouts:savePdf',
      print(['first-ims-visit', 'after-ims', 'acupuncture-vs-ims'])
    )
    await call(library, 'handouts:savePdf', print(['first-ims-visit', 'acupuncture-vs-ims']))
    await call(library, 'handouts:savePdf', print(['acupuncture-vs-ims']))
    await call(library, 'handouts:savePdf', print(['after-ims', 'consent-form']))
    const log = await call(library, 'printLog:list', {})
    expect(log.map((entry) => entry.pack)).toEqual([
      null,
      null,
      { id: 'ims-first-visit', label: 'IMS first visit' },
      { id: 'ims-first-visit', label: 'IMS first visit' }
    ])
  })
})

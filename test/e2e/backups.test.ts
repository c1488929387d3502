import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { checkDatabaseFile } from '../../src/main/core/db/integrity'
import { freshDataDir, launchApp } from './harness'
import type { LaunchedApp } from './harness'

let app: LaunchedApp | undefined

afterEach(async () => {
  if (app) {
    expect(app.externalRequests).toEqual([])
    await app.close()
    app = undefined
  }
})

const SCREENSHOTS = join(__dirname, '..', '..', 'out', 'screenshots')

const openBackups = async (page: Page): Promise<void> => {
  // The app reads its first route once it has started: navigate only after that.
  await page.locator('main h1').first().waitFor()
  await page.evaluate(() => (window.location.hash = '#/settings/backups'))
  await page.getByRole('heading', { level: 1, name: 'Backups' }).waitFor()
}

const rows = (page: Page) => page.locator('.backups__table tbody tr')

/** Creates an article through the page's own API (the bridge), as the editor would. */
const createArticle = (page: Page, title: string) =>
  page.evaluate(async (articleTitle) => {
    const bridge = (
      window as unknown as {
        pointbook: Record<string, Record<string, (i: unknown) => Promise<{ ok: boolean }>>>
      }
    ).pointbook
    const result = await bridge.articles!.create!({
      title: articleTitle,
      body: 'Written after the backup.',
      category: 'ims',
      tags: [],
      summary: ''
    })
    if (!result.ok) throw new Error('create failed')
  }, title)

describe('Settings → Backups, end to end', () => {
  it('lists backups with what they hold, backs up now, saves a copy, and restores', async () => {
    app = await launchApp()
    let { page } = app
    await openBackups(page)
    // The first run made the daily backup.
    await expect.poll(() => rows(page).count()).toBe(1)
    await expect.poll(() => rows(page).first().textContent()).toMatch(/Daily.*0 notes/)

    await page.getByRole('button', { name: 'Back up now' }).click()
    await expect.poll(() => rows(page).count()).toBe(2)
    await expect.poll(() => rows(page).first().textContent()).toContain('Made by hand')

    // Save a copy: the harness's save dialog answers with a path under the data folder.
    await page
      .getByRole('button', { name: /Save a copy of the backup/ })
      .first()
      .click()
    await page.getByText(/Copy saved to/).waitFor()
    const saved = join(app.dataDir, 'saved')
    const copies = readdirSync(saved).filter((name) => name.endsWith('.sqlite'))
    expect(copies).toHaveLength(1)
    expect(checkDatabaseFile(join(saved, copies[0] ?? '')).ok).toBe(true)

    // Something written after the newest backup is gone once that backup is restored.
    await createArticle(page, 'Written after the backup')
    await page.reload()
    await openBackups(page)
    const restarted = app.nextRestart()
    await page
      .getByRole('button', { name: /Restore the backup from/ })
      .first()
      .click()
    await page.getByRole('button', { name: 'Back up, then restore' }).click()
    // The shell relaunched: the app runs again, in a new window.
    page = await restarted
    await openBackups(page)
    await page.getByText(/was restored/).waitFor()
    // The library as it was just before the restore was backed up first.
    await expect.poll(() => rows(page).first().textContent()).toContain('Before a restore')
    const titles = await page.evaluate(async () => {
      const bridge = (
        window as unknown as {
          pointbook: Record<
            string,
            Record<string, (i: unknown) => Promise<{ ok: boolean; value: { title: string }[] }>>
          >
        }
      ).pointbook
      const result = await bridge.articles!.list!({})
      return result.value.map((a) => a.title)
    })
    expect(titles).not.toContain('Written after the backup')
    mkdirSync(SCREENSHOTS, { recursive: true })
    await page.screenshot({ path: join(SCREENSHOTS, 'backups-screen.png'), fullPage: true })
  })

  it('exports the library from one computer and imports it on another, previewed first', async () => {
    const exportDir = freshDataDir()
    const exported = join(exportDir, 'Pointbook library.pointbook.json')
    app = await launchApp({ saveDialogPath: exported })
    await openBackups(app.page)
    await createArticle(app.page, 'Our needling protocol')
    await app.page.getByRole('button', { name: 'Export library…' }).click()
    await app.page.getByText(/Exported 1 articles/).waitFor()
    await app.close()
    app = undefined

    app = await launchApp({ openDialogPath: exported })
    const { page } = app
    await openBackups(page)
    await page.getByRole('button', { name: 'Import library…' }).click()
    const dialog = page.getByRole('dialog', { name: /Import Pointbook library/ })
    await dialog.waitFor()
    expect(await dialog.textContent()).toContain('Articles: 1 new, 0 changed, 0 already here')
    mkdirSync(SCREENSHOTS, { recursive: true })
    await page.screenshot({ path: join(SCREENSHOTS, 'import-preview.png') })
    await dialog.getByRole('button', { name: 'Back up, then import' }).click()
    await page.getByText(/Imported: 1 articles/).waitFor()
    await expect.poll(() => rows(page).first().textContent()).toContain('Before a library import')
    const titles = await page.evaluate(async () => {
      const bridge = (
        window as unknown as {
          pointbook: Record<
            string,
            Record<string, (i: unknown) => Promise<{ ok: boolean; value: { title: string }[] }>>
          >
        }
      ).pointbook
      return (await bridge.articles!.list!({})).value.map((a) => a.title)
    })
    expect(titles).toContain('Our needling protocol')
  })

  it('a failed backup shows a banner that stays until a backup succeeds', async () => {
    const dataDir = freshDataDir()
    // A second "folder" that is really a file: every copy there fails.
    const notAFolder = join(dataDir, 'not-a-folder')
    writeFileSync(notAFolder, 'a file')
    app = await launchApp({ dataDir, folderDialogPath: notAFolder })
    const { page } = app
    await openBackups(page)
    await page.getByRole('button', { name: 'Choose a folder…' }).click()
    await page
      .getByText(/also copied to/)
      .first()
      .waitFor()
    await page.getByRole('button', { name: 'Back up now' }).click()
    const banner = page.locator('.backup-banner')
    await banner.waitFor()
    await expect
      .poll(() => banner.textContent())
      .toMatch(/last backup failed: The copy to .* failed/)
    expect(await banner.textContent()).not.toMatch(/ENOTDIR|EEXIST|errno/)
    mkdirSync(SCREENSHOTS, { recursive: true })
    await page.screenshot({ path: join(SCREENSHOTS, 'backups-failed-banner.png') })
    // The banner stays on other screens.
    await page.evaluate(() => (window.location.hash = '#/articles'))
    await page.getByRole('heading', { level: 1 }).first().waitFor()
    expect(await banner.isVisible()).toBe(true)
    // Until a backup succeeds.
    await openBackups(page)
    await page.getByRole('button', { name: 'Stop copying' }).click()
    await page.getByRole('button', { name: 'Back up now' }).click()
    await banner.waitFor({ state: 'detached' })
    expect(existsSync(join(dataDir, 'backups'))).toBe(true)
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seriousViolations } from './axe'
import { launchApp } from './harness'
import type { LaunchedApp } from './harness'

/**
 * Read aloud with the real system voices: Debian chromium, speech-dispatcher and espeak-ng, with
 * audio sent to libao's null driver (speech-env.ts). Every wait is on what the voice reports: a
 * sentence is marked when its utterance fires `start`, and the mark moves on only after that
 * utterance's `end`.
 */
let app: LaunchedApp
beforeAll(async () => {
  app = await launchApp({ route: '#/handouts/after-acupuncture/en', speech: true })
})
afterAll(async () => {
  await app?.close()
})

const marked = () => app.page.locator('.read-aloud__text mark')
const sentence = (index: number) =>
  app.page.locator(`.read-aloud__text [data-sentence="${index}"]`).textContent()
/**
 * Every sentence the text view has marked since the last Play, in order, recorded in the page by
 * a MutationObserver: a short sentence read fast is marked for well under a second, and a
 * locator could miss it between two looks.
 */
async function recordMarks(): Promise<void> {
  await app.page.evaluate(() => {
    const log: number[] = []
    Object.assign(window, { __marks: log })
    const view = document.querySelector('.read-aloud')
    if (view === null) throw new Error('no read-aloud panel')
    new MutationObserver(() => {
      const mark = view.querySelector('.read-aloud__text mark')
      const index = mark === null ? null : Number(mark.getAttribute('data-sentence'))
      if (index !== null && log.at(-1) !== index) log.push(index)
    }).observe(view, { subtree: true, childList: true, attributes: true })
  })
}
const marks = () => app.page.evaluate(() => (window as unknown as { __marks: number[] }).__marks)
const sentenceMarked = (index: number) => expect.poll(marks).toContain(index)

describe('read aloud', () => {
  it('reads an English handout sentence by sentence: play, pause, resume, next, stop', async () => {
    const { page } = app
    const panel = page.getByRole('region', { name: 'Read aloud', exact: true })
    await panel.getByText(/^Voice: English \(America\)/).waitFor()
    expect(
      await page.evaluate(() => speechSynthesis.getVoices().every((v) => v.localService))
    ).toBe(true)
    await panel.getByLabel('Speed').selectOption({ label: 'Faster' })

    await recordMarks()
    await panel.getByRole('button', { name: 'Play' }).click()
    await sentenceMarked(0)
    await expect.poll(() => panel.getByRole('status').textContent()).toBe('Reading aloud.')
    await sentenceMarked(1)
    expect(await sentence(0)).toBe('After your acupuncture treatment')
    expect(await sentence(1)).toBe('Get help right away')

    await panel.getByRole('button', { name: 'Pause' }).click()
    await panel.getByRole('button', { name: 'Resume' }).waitFor()
    // Pausing silences the voice and keeps the mark where it was.
    await expect.poll(() => page.evaluate(() => speechSynthesis.speaking)).toBe(false)
    expect(await panel.getByRole('status').textContent()).toBe('Paused.')
    const pausedAt = Number(await marked().getAttribute('data-sentence'))
    expect(pausedAt).toBeGreaterThanOrEqual(1)
    // While paused, Next moves the mark; Resume reads from there and goes on.
    await panel.getByRole('button', { name: 'Next sentence' }).click()
    await expect.poll(() => marked().getAttribute('data-sentence')).toBe(String(pausedAt + 1))
    expect(await panel.textContent()).toContain(`Sentence ${pausedAt + 2} of`)
    // The panel with a sentence marked: no serious or critical axe violation (contrast included).
    expect(await seriousViolations(page)).toEqual([])
    await panel.getByRole('button', { name: 'Resume' }).click()
    await sentenceMarked(pausedAt + 2)

    await panel.getByRole('button', { name: 'Stop' }).click()
    await panel.getByRole('button', { name: 'Play' }).waitFor()
    await expect.poll(() => marked().count()).toBe(0)
    await expect.poll(() => page.evaluate(() => speechSynthesis.speaking)).toBe(false)
  })

  it('reads French with a French voice and Chinese with a Mandarin one', async () => {
    const { page } = app
    const panel = page.getByRole('region', { name: 'Read aloud', exact: true })
    for (const { lang, chip, voice, second } of [
      {
        lang: 'fr-CA',
        chip: /^Français/,
        voice: /^Voice: French/,
        second: "Obtenez de l'aide tout de suite"
      },
      {
        lang: 'zh-Hans',
        chip: /^简体中文/,
        voice: /^Voice: Chinese \(Mandarin/,
        second: '请立即求助'
      }
    ]) {
      await page
        .getByRole('navigation', { name: 'Languages' })
        .getByRole('link', { name: chip })
        .click()
      await page.locator(`#handout-title[lang="${lang}"]`).waitFor()
      await panel.getByText(voice).waitFor()
      await recordMarks()
      await panel.getByRole('button', { name: 'Play' }).click()
      await sentenceMarked(0)
      expect(await sentence(1)).toBe(second)
      await panel.getByRole('button', { name: 'Stop' }).click()
      await expect.poll(() => marked().count()).toBe(0)
    }
    // Chinese is split at 。！？: no sentence in the text view runs past its full stop.
    const sentences = await page.locator('.read-aloud__text [data-sentence]').allTextContents()
    expect(sentences.length).toBeGreaterThan(20)
    for (const sentence of sentences) expect(sentence.slice(0, -1)).not.toMatch(/[。！？]/)
    expect(app.externalRequests).toEqual([])
    // The preview's pages are made in the core's Chromium: let them finish before it closes.
    await page.locator('.preview-panel__count').waitFor()
  })
})

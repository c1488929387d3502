import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openLibrary } from '../../src/main/core'
import type { Library } from '../../src/main/core'
import { dispatch } from '../../src/main/core/api/dispatch'
import { libraryInternals } from '../../src/main/core/library'
import { REPLICA_DB, replicaPouch } from '../../src/main/core/sync/sync-port'
import { freshDataDir, launchApp } from './harness'
import type { LaunchedApp } from './harness'
import { lookAt, SHOTS } from './look-at'
import { openScreen } from './screens'

/**
 * A conflict from the clinic network as the page shows it (docs/clinic-network.md, "Conflicts"):
 * two computers edited one article, one handout and one note while apart (made here with two real
 * cores and a hub replica); the library of one of them is launched. The article carries the
 * notice, the history marks the other computer's version, and "I have looked at both" removes the
 * notice; the handout editor, the note and the note editor show it too. Screenshots at 1280×800
 * and the 200 % layout go to <out>/screenshots.
 */
const ARTICLE = 'neck-release'
const HANDOUT = 'after-dry-needling'

async function call(library: Library, channel: string, input: object): Promise<unknown> {
  const result = await dispatch(library.handlers, channel as never, input as never)
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

/** What each of the two rooms writes while apart. */
const APART = [
  { who: 'Room 2', handout: 'Walk for ten minutes and drink water.', note: 'twice a day.' },
  { who: 'Room 3', handout: 'Rest for an hour, then use a warm pack.', note: 'after each visit.' }
] as const

/**
 * Two computers' libraries that edited the same article, handout and note while apart, then met
 * through a hub; the first one's folder and the note's id.
 */
async function conflictedLibrary(): Promise<{ dataDir: string; noteId: string }> {
  const folders = [freshDataDir(), freshDataDir()]
  const hubDb = new (replicaPouch(freshDataDir()))(REPLICA_DB)
  const rooms = folders.map((dataDir) =>
    openLibrary({ dataDir, resourcesDir: join(dataDir, 'none'), warn: () => undefined })
  )
  const syncs = rooms.map((room) => libraryInternals(room).services.sync.sync)
  const exchange = async (): Promise<void> => {
    for (let round = 0; round < 3; round += 1) {
      for (const sync of syncs) {
        const replica = sync.start()
        await sync.settled()
        await replica.replicate.to(hubDb)
        await replica.replicate.from(hubDb)
        await sync.settled()
      }
    }
  }
  const [here, there] = rooms as [Library, Library]
  const article = (words: string) => ({
    title: 'Neck release',
    category: 'ims',
    tags: ['neck'],
    summary: 'Releasing the upper trapezius.',
    body: words
  })
  const handout = (words: string) => ({
    title: 'After dry needling',
    summary: 'What to expect in the next two days.',
    body: `You may feel sore for a day or two. ${words}\n\nCall us if the soreness gets worse.`
  })
  const noteText = (words: string) => `Upper trapezius stretches with the patient: ${words}`
  // One room writes them and both have them.
  const first = (await call(here, 'articles:create', article('The first text.'))) as { id: string }
  const made = (await call(here, 'handouts:create', {
    ...handout('Walk gently.'),
    lang: 'en'
  })) as {
    id: string
  }
  if (first.id !== ARTICLE || made.id !== HANDOUT) {
    throw new Error(`Unexpected ids ${first.id}, ${made.id}`)
  }
  const note = (await call(here, 'notes:create', { target: null, body: noteText('daily.') })) as {
    id: string
    revision: number
  }
  await exchange()
  // Apart, each room edits all three; they meet at the next exchange.
  for (const [room, words] of [
    [here, APART[0]],
    [there, APART[1]]
  ] as const) {
    const paragraph =
      `Needle the upper trapezius with the patient lying face down. ${words.who} adds: hold for ` +
      'ten seconds, then check for a twitch response before moving on.'
    await call(room, 'articles:update', { ...article(paragraph), id: ARTICLE, baseRevision: 1 })
    await call(room, 'handouts:save', {
      id: HANDOUT,
      lang: 'en',
      ...handout(words.handout),
      baseVersion: 1
    })
    await call(room, 'notes:update', {
      id: note.id,
      body: noteText(words.note),
      baseRevision: note.revision
    })
  }
  await exchange()
  for (const sync of syncs) await sync.close()
  for (const room of rooms) room.close()
  await hubDb.close()
  return { dataDir: folders[0] as string, noteId: note.id }
}

let app: LaunchedApp
let noteId: string
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  const conflicted = await conflictedLibrary()
  noteId = conflicted.noteId
  app = await launchApp({
    dataDir: conflicted.dataDir,
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor: 2
  })
})
afterAll(async () => {
  expect(app.externalRequests).toEqual([])
  await app.close()
})

describe('a conflict from the clinic network', () => {
  it('shows the notice on the article, both versions in the history, and goes once looked at', async () => {
    const { page } = app
    await openScreen(page, `#/articles/${ARTICLE}`, 'text=also changed on another computer')
    await lookAt(page, 'article', { prefix: 'sync-conflict' })

    await page.getByRole('link', { name: 'Compare the versions' }).click()
    await page.locator('text=Saved at the same time').first().waitFor()
    await lookAt(page, 'history', { prefix: 'sync-conflict' })
    await expect.poll(() => page.locator('.revision').count()).toBeGreaterThanOrEqual(3)

    await openScreen(page, `#/articles/${ARTICLE}`, 'text=also changed on another computer')
    await page.getByRole('button', { name: 'I have looked at both' }).click()
    await page.locator('text=also changed on another computer').waitFor({ state: 'detached' })
  })

  it('shows the notice in the handout editor, naming both versions', async () => {
    const { page } = app
    await openScreen(page, `#/handouts/${HANDOUT}/en/edit`, 'text=also changed on another computer')
    await lookAt(page, 'handout-editor', { prefix: 'sync-conflict' })
  })

  it('shows the notice on a note, marks it in the Notes list, and in its editor there', async () => {
    const { page } = app
    const note = `#/notes/${encodeURIComponent(noteId)}`
    await openScreen(page, note, 'text=also changed on another computer')
    await lookAt(page, 'note', { prefix: 'sync-conflict' })
    await openScreen(page, '#/notes', 'text=Changed on two computers: see both')
    await lookAt(page, 'notes-list', { prefix: 'sync-conflict', axe: false })
    await page.getByRole('button', { name: /^Edit note/ }).click()
    await page.locator('.note-editor >> text=also changed on another computer').waitFor()
    await lookAt(page, 'note-editor', { prefix: 'sync-conflict', axe: false })
  })
})

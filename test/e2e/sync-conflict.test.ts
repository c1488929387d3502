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
 * two computers edited one article while apart (made here with two real cores and a hub replica);
 * the library of one of them is launched. The article carries the notice, the history marks the
 * other computer's version, and "I have looked at both" removes the notice. Screenshots at
 * 1280×800 and the 200 % layout go to <out>/screenshots.
 */
const ARTICLE = 'neck-release'

async function call(library: Library, channel: string, input: object): Promise<unknown> {
  const result = await dispatch(library.handlers, channel as never, input as never)
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

/** Two computers' libraries that edited the same article while apart, then met through a hub. */
async function conflictedLibrary(): Promise<string> {
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
  const body = (words: string) => ({
    title: 'Neck release',
    category: 'ims',
    tags: ['neck'],
    summary: 'Releasing the upper trapezius.',
    body: words
  })
  const first = (await call(here, 'articles:create', body('The first text.'))) as { id: string }
  if (first.id !== ARTICLE) throw new Error(`Unexpected id ${first.id}`)
  await exchange()
  const paragraph = (who: string) =>
    `Needle the upper trapezius with the patient lying face down. ${who} adds: hold for ten ` +
    'seconds, then check for a twitch response before moving on.'
  await call(here, 'articles:update', {
    ...body(paragraph('Room 2')),
    id: ARTICLE,
    baseRevision: 1
  })
  await call(there, 'articles:update', {
    ...body(paragraph('Room 3')),
    id: ARTICLE,
    baseRevision: 1
  })
  await exchange()
  for (const sync of syncs) await sync.close()
  for (const room of rooms) room.close()
  await hubDb.close()
  return folders[0] as string
}

let app: LaunchedApp
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  app = await launchApp({
    dataDir: await conflictedLibrary(),
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
})

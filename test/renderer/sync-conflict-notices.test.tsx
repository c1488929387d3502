import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { call } from '../db/helpers'
import { converge, openHub, openRoom } from '../db/sync-fixtures'
import { openTestLibrary } from './real-core'
import type { TestLibrary } from './real-core'
import { expectAccessible, renderApp } from './render-app'

// pdf.js needs a canvas; the editor's live preview is not what these tests look at.
vi.mock('../../src/renderer/src/features/handouts/pdfjs', () => import('./pdfjs-stub'))

/**
 * The conflict notice where a clinic-network conflict shows (docs/clinic-network.md,
 * "Conflicts"), on a real core whose conflict was made by the real replication: the library's
 * computer and another one saved the same item while apart, then met through a hub.
 */
const HANDOUT = { id: 'after-ims', lang: 'en' } as const
const ITEM = `${HANDOUT.id}/${HANDOUT.lang}`

/** This computer and another edit the handout while apart; then both meet through a hub. */
async function editHandoutOnTwoComputers(library: TestLibrary): Promise<void> {
  await library.whileClosed(async ({ dataDir, resourcesDir }) => {
    const hub = openHub()
    const here = openRoom({ dataDir, resourcesDir })
    const there = openRoom({ resourcesDir })
    await converge([here, there], hub)
    const edits = [
      [here, 'Drink water and walk for ten minutes after IMS.'],
      [there, 'Rest for an hour after IMS, then walk.']
    ] as const
    for (const [room, body] of edits) {
      const shipped = await call(room.library, 'handouts:get', HANDOUT)
      await call(room.library, 'handouts:save', {
        ...HANDOUT,
        title: shipped.title,
        summary: shipped.summary,
        body,
        baseVersion: shipped.version
      })
    }
    await converge([here, there], hub)
    await here.close()
    await there.close()
  })
}

describe('the conflict notice in the handout editor', () => {
  it('names both versions, links to the versions list where both are kept, and goes once seen', async () => {
    const library = await openTestLibrary({
      handouts: [
        {
          ...HANDOUT,
          title: 'After your IMS treatment',
          body: 'Drink water after IMS.',
          reviewStatus: 'approved'
        }
      ]
    })
    await editHandoutOnTwoComputers(library)
    const shown = await library.call('handouts:get', HANDOUT)
    const [conflict] = await library.call('sync:conflicts', { kind: 'handout', itemId: ITEM })
    const other = conflict?.revision ?? 0
    expect(other).toBeGreaterThan(0)
    expect(other).not.toBe(shown.version)

    const { user } = await renderApp(`#/handouts/${HANDOUT.id}/${HANDOUT.lang}/edit`, library)
    const notice = (await screen.findByText(/also changed on another computer/)).closest(
      '[role="status"]'
    ) as HTMLElement
    expect(notice).toHaveTextContent(
      `Both versions are kept: this is version ${shown.version}; the other, version ${other}, is in the history.`
    )
    expect(screen.getByLabelText('Text')).toHaveValue(shown.body)
    await expectAccessible()

    // The link opens the handout's versions, where the other computer's version is marked.
    await user.click(within(notice).getByRole('link', { name: 'See both versions' }))
    const versions = (await screen.findByText('Versions')).closest('details') as HTMLElement
    await waitFor(() => expect(versions).toHaveAttribute('open'))
    const marked = within(versions).getByText('Saved at the same time').closest('li')
    expect(marked).toHaveTextContent(`Version ${other} ·`)
    expect(within(versions).getAllByText('Saved at the same time')).toHaveLength(1)

    // Back in the editor, "I have looked at both" marks it seen through sync:markSeen.
    await user.click(screen.getByRole('link', { name: 'Edit text' }))
    const again = (await screen.findByText(/also changed on another computer/)).closest(
      '[role="status"]'
    ) as HTMLElement
    await user.click(within(again).getByRole('button', { name: 'I have looked at both' }))
    await waitFor(() =>
      expect(screen.queryByText(/also changed on another computer/)).not.toBeInTheDocument()
    )
    expect(library.callsTo('sync:markSeen')).toEqual([{ kind: 'handout', itemId: ITEM }])
    const [seen] = await library.call('sync:conflicts', { kind: 'handout', itemId: ITEM })
    expect(seen?.seenAt).not.toBeNull()
    expect(await library.call('sync:conflicts', {})).toEqual([])
  })
})

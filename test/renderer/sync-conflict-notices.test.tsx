import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { call } from '../db/helpers'
import { converge, openHub, openRoom } from '../db/sync-fixtures'
import type { Room } from '../db/sync-fixtures'
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

/**
 * The library's computer and another one (same shipped content) meet through a hub: `work`
 * writes on them and calls `meet()` for each round of replication. Then the library opens again.
 */
async function onTwoComputers(
  library: TestLibrary,
  work: (here: Room, there: Room, meet: () => Promise<void>) => Promise<void>
): Promise<void> {
  await library.whileClosed(async ({ dataDir, resourcesDir }) => {
    const hub = openHub()
    const here = openRoom({ dataDir, resourcesDir })
    const there = openRoom({ resourcesDir })
    await work(here, there, () => converge([here, there], hub))
    await here.close()
    await there.close()
  })
}

/** This computer and another edit the handout while apart; then both meet through a hub. */
const editHandoutOnTwoComputers = (library: TestLibrary): Promise<void> =>
  onTwoComputers(library, async (here, there, meet) => {
    await meet()
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
    await meet()
  })

/** This computer writes a note, both computers edit it while apart, then meet; its id. */
async function editNoteOnTwoComputers(library: TestLibrary): Promise<string> {
  let id = ''
  await onTwoComputers(library, async (here, there, meet) => {
    const note = await call(here.library, 'notes:create', {
      target: null,
      body: 'Neck stretches: twice a day.'
    })
    id = note.id
    await meet()
    const edits = [
      [here, 'Neck stretches: twice a day, for a minute each side.'],
      [there, 'Neck stretches: three times a day, gently.']
    ] as const
    for (const [room, body] of edits) {
      await call(room.library, 'notes:update', { id, body, baseRevision: note.revision })
    }
    await meet()
  })
  return id
}

/** The notice (a status) whose text says the item also changed on another computer. */
const noticeIn = (container: HTMLElement): HTMLElement | null =>
  (within(container)
    .queryByText(/also changed on another computer/)
    ?.closest('[role="status"]') as HTMLElement | null) ?? null

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

    // The list of handouts marks the language, with a link to its page; its editor from there.
    const { user } = await renderApp('#/handouts', library)
    const mark = await screen.findByRole('link', { name: 'Changed on two computers: see both' })
    expect(mark).toHaveAttribute('href', `#/handouts/${HANDOUT.id}/${HANDOUT.lang}`)
    await user.click(mark)
    await user.click(await screen.findByRole('link', { name: 'Edit text' }))
    await screen.findByLabelText('Text')
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
    // The mark needs both the versions and the conflicts, each asked for on its own.
    const marked = (await within(versions).findByText('Saved at the same time')).closest('li')
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
    await user.click(screen.getAllByRole('link', { name: 'Handouts' })[0]!)
    await screen.findByRole('heading', { level: 1, name: 'Patient handouts' })
    expect(
      screen.queryByRole('link', { name: 'Changed on two computers: see both' })
    ).not.toBeInTheDocument()
    const [seen] = await library.call('sync:conflicts', { kind: 'handout', itemId: ITEM })
    expect(seen?.seenAt).not.toBeNull()
    expect(await library.call('sync:conflicts', {})).toEqual([])
  })
})

describe('the conflict notice on a note', () => {
  it('shows on the note and in its editor, opens the other version in the history, and goes once seen', async () => {
    const library = await openTestLibrary({})
    const id = await editNoteOnTwoComputers(library)
    const shown = await library.call('notes:get', { id })
    const [conflict] = await library.call('sync:conflicts', { kind: 'note', itemId: id })
    const other = conflict?.revision ?? 0
    expect(other).toBeGreaterThan(0)
    const otherText = (await library.call('notes:revisions', { id })).find(
      (r) => r.revision === other
    )?.body

    const { user } = await renderApp(`#/notes/${encodeURIComponent(id)}`, library)
    await screen.findByText(/also changed on another computer/)
    const page = screen.getByRole('main')
    expect(noticeIn(page)).toHaveTextContent(
      `Both versions are kept: this is version ${shown.revision}; the other, version ${other}, is in the history.`
    )
    await expectAccessible()

    // The link opens the other version in the note's history, marked.
    await user.click(within(noticeIn(page)!).getByRole('link', { name: 'See both versions' }))
    const opened = await screen.findByLabelText(`Version ${other}`)
    await waitFor(() => expect(opened).toHaveTextContent(otherText ?? 'missing'))
    const row = opened.closest('li') as HTMLElement
    expect(await within(row).findByText('Saved at the same time')).toBeInTheDocument()

    // Editing it here: the page's notice is not repeated inside the editor (which then does not
    // even ask for the conflicts).
    const asked = library.callsTo('sync:conflicts').length
    await user.click(await screen.findByRole('button', { name: /^Edit/ }))
    await screen.findByLabelText('Note (Markdown)')
    expect(screen.getAllByText(/also changed on another computer/)).toHaveLength(1)
    expect(library.callsTo('sync:conflicts')).toHaveLength(asked)
    await user.click(screen.getByRole('button', { name: 'Cancel' }))

    // In the list of every note, the note is marked, with a link to its page.
    await user.click(within(page).getByRole('link', { name: 'Notes' }))
    await screen.findByRole('heading', { level: 1, name: 'Notes' })
    const mark = await screen.findByRole('link', { name: 'Changed on two computers: see both' })
    expect(mark).toHaveAttribute('href', `#/notes/${encodeURIComponent(id)}`)

    // There, the editor carries the notice and marks it seen; the mark goes with it.
    await user.click(await screen.findByRole('button', { name: /^Edit/ }))
    const editor = (await screen.findByLabelText('Note (Markdown)')).closest(
      '.note-editor'
    ) as HTMLElement
    const inEditor = await waitFor(() => {
      const notice = noticeIn(editor)
      expect(notice).not.toBeNull()
      return notice!
    })
    expect(inEditor).toHaveTextContent(`this is version ${shown.revision}`)
    await user.click(within(inEditor).getByRole('button', { name: 'I have looked at both' }))
    await waitFor(() => expect(noticeIn(editor)).toBeNull())
    await user.click(within(editor).getByRole('button', { name: 'Cancel' }))
    await screen.findByRole('button', { name: /^Edit/ })
    expect(
      screen.queryByRole('link', { name: 'Changed on two computers: see both' })
    ).not.toBeInTheDocument()
    expect(library.callsTo('sync:markSeen')).toEqual([{ kind: 'note', itemId: id }])
    expect(await library.call('sync:conflicts', {})).toEqual([])
  })
})

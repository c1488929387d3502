import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { beforeEach, describe, expect, it } from 'vitest'
import { resetAtlasMapCache } from '../../src/renderer/src/features/atlas/use-atlas-map'
import { resetExplain } from '../../src/renderer/src/features/explain/explain-store'
import type { LibrarySeed, MuscleSeed } from './real-core'
import { expectAccessible, renderApp, SEEDS } from './render-app'

const REF = [{ authors: 'Simons DG', title: 'Trigger Point Manual', year: 1999, source: 'W&W' }]

function muscle(
  id: string,
  name: string,
  patientName: string | undefined,
  roots: MuscleSeed['innervation']['roots'],
  marker: { view: 'front' | 'back'; x: number; y: number },
  zone: { view: 'front' | 'back'; cx: number; cy: number }
): MuscleSeed {
  return {
    id,
    name,
    ...(patientName ? { patientName } : {}),
    region: 'shoulder',
    action: 'Moves the arm.',
    innervation: { nerve: 'A nerve', roots },
    contentVersion: 1,
    triggerPoints: [
      {
        id: `${id}-1`,
        name: `${name}, main point`,
        location: 'Practitioner words about where it is.',
        markers: [marker],
        referral: {
          description: 'Practitioner words about the referral.',
          zones: [{ ...zone, rx: 16, ry: 18 }]
        }
      }
    ],
    needling: { position: 'Prone.', approach: 'Perpendicular.', cautions: 'Stay over bone.' },
    safety: [{ flag: 'pneumothorax', text: 'Lung apex lies beneath.' }],
    references: REF
  }
}

const ATLAS: LibrarySeed = {
  articles: SEEDS,
  muscles: [
    muscle(
      'upper-trapezius',
      'Upper trapezius',
      'upper shoulder muscle (trapezius)',
      ['C3', 'C4'],
      { view: 'back', x: 240, y: 190 },
      { view: 'back', cx: 225, cy: 130 }
    ),
    muscle(
      'infraspinatus',
      'Infraspinatus',
      'shoulder blade muscle (infraspinatus)',
      ['C5', 'C6'],
      { view: 'back', x: 245, y: 255 },
      { view: 'front', cx: 115, cy: 215 }
    ),
    // No plain-words name in this (clinic-style) file: the patient view shows its name.
    muscle(
      'supraspinatus',
      'Supraspinatus',
      undefined,
      ['C5', 'C6'],
      { view: 'back', x: 230, y: 215 },
      { view: 'back', cx: 120, cy: 240 }
    )
  ]
}

const dialog = () => screen.findByRole('dialog', { name: 'Where your pain may come from' })

beforeEach(() => {
  resetAtlasMapCache()
  resetExplain()
})

describe('explain mode', () => {
  it('opens from the muscle page: plain words, no safety notes; Escape returns focus', async () => {
    const { user } = await renderApp('#/atlas/muscles/upper-trapezius', ATLAS)
    const open = await screen.findByRole('button', { name: 'Show the patient' })
    await user.click(open)
    const view = await dialog()
    expect(view).toHaveAttribute('aria-modal', 'true')
    await within(view).findByText('Upper shoulder muscle (trapezius)')
    expect(within(view).getByRole('group', { name: /Back of the body/ })).toBeInTheDocument()
    // Only the views the muscle is drawn on; nothing meant for the practitioner.
    expect(within(view).queryByRole('group', { name: /Front of the body/ })).toBeNull()
    expect(view).not.toHaveTextContent(/Pneumothorax|Lung apex|Prone|Practitioner words/)
    expect(within(view).queryByText(/of \d/)).toBeNull()
    const markers = view.querySelectorAll('.body-map__marker')
    expect(markers).toHaveLength(1)
    expect(markers[0]).toHaveAttribute(
      'aria-label',
      'A tight, tender spot in the muscle (trigger point)'
    )
    expect(view.querySelectorAll('.body-map__zone')).toHaveLength(1)
    await expectAccessible()
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(document.activeElement).toBe(open)
  })

  it('the key opens a nerve-root lookup, arrows step through its muscles, focus stays inside', async () => {
    const { user } = await renderApp('#/atlas?mode=roots&roots=C5,C6', ATLAS)
    await screen.findByRole('button', { name: 'Show the patient' })
    const c5 = screen.getByRole('link', { name: 'Nerve roots' })
    act(() => c5.focus())
    fireEvent.keyDown(window, { key: 'e', ctrlKey: true })
    const view = await dialog()
    expect(view).toHaveTextContent('Muscles served by the nerves at C5–C6')
    await within(view).findByText('1 of 2')
    const first = view.querySelector('.explain__name')?.textContent
    expect(['Shoulder blade muscle (infraspinatus)', 'Supraspinatus']).toContain(first)
    await user.keyboard('{ArrowRight}')
    expect(within(view).getByText('2 of 2')).toBeInTheDocument()
    const second = view.querySelector('.explain__name')?.textContent
    expect(second).not.toBe(first)
    await user.keyboard('{ArrowRight}')
    expect(within(view).getByText('2 of 2')).toBeInTheDocument()
    await user.keyboard('{ArrowLeft}')
    expect(view.querySelector('.explain__name')).toHaveTextContent(first ?? '')
    await user.click(within(view).getByRole('button', { name: 'Next muscle' }))
    expect(within(view).getByText('2 of 2')).toBeInTheDocument()
    // Tab cycles inside the dialog.
    for (let i = 0; i < 8; i++) {
      await user.tab()
      expect(view.contains(document.activeElement)).toBe(true)
    }
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(document.activeElement).toBe(c5)
  })

  it('prints the sheet and saves it as a PDF through the core', async () => {
    const { user } = await renderApp('#/atlas/muscles/infraspinatus', ATLAS)
    await user.click(await screen.findByRole('button', { name: 'Show the patient' }))
    const view = await dialog()
    await user.click(within(view).getByRole('button', { name: 'Print this page' }))
    await within(view).findByText('Sent to the printer.')
    await user.click(within(view).getByRole('button', { name: 'Save as PDF' }))
    await within(view).findByText(/^Saved: .*where-your-pain-may-come-from-infraspinatus\.pdf$/)
  })

  it('offers nothing where a screen has nothing to show, and leaving the screen closes it', async () => {
    const { user } = await renderApp('#/atlas?mode=pain', ATLAS)
    await screen.findByLabelText('Place')
    expect(screen.queryByRole('button', { name: 'Show the patient' })).toBeNull()
    fireEvent.keyDown(window, { key: 'e', ctrlKey: true })
    expect(screen.queryByRole('dialog')).toBeNull()
    await user.selectOptions(screen.getByLabelText('Place'), 'Front of shoulder (right)')
    await user.click(await screen.findByRole('button', { name: 'Show the patient' }))
    const view = await dialog()
    expect(view).toHaveTextContent('Muscles that can send pain to the marked spot')
    expect(view.querySelector('.body-map__spot')).not.toBeNull()
    act(() => {
      window.location.hash = '#/articles'
      window.dispatchEvent(new HashChangeEvent('hashchange'))
    })
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
  })

  it("offers an article's figures only when it has a diagram", async () => {
    const withDiagram = {
      ...SEEDS[0]!,
      id: 'flow',
      title: 'A flowchart',
      body: ['Steps:', '', '```mermaid', 'flowchart TD', '  A --> B', '```'].join('\n')
    }
    const { user } = await renderApp('#/articles/flow', { articles: [...SEEDS, withDiagram] })
    const open = await screen.findByRole('button', { name: 'Show the figures' })
    await user.click(open)
    const view = await screen.findByRole('dialog', { name: /Figure/ })
    expect(view).toHaveTextContent('A flowchart')
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(document.activeElement).toBe(open)
    act(() => {
      window.location.hash = `#/articles/${SEEDS[0]!.id}`
      window.dispatchEvent(new HashChangeEvent('hashchange'))
    })
    await screen.findByRole('heading', { level: 1, name: SEEDS[0]!.title })
    expect(screen.queryByRole('button', { name: 'Show the figures' })).toBeNull()
  })
})

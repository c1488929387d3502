import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import axe from 'axe-core'
import { expect } from 'vitest'
import { App } from '../../src/renderer/src/app/app'
import { resetRouterForTests } from '../../src/renderer/src/lib/router'
import { FakeLibrary } from './fake-api'
import type { ArticleSeed } from './fake-api'

/** Starts the whole app at `hash` on a fake library (installed as window.pointbook). */
export function renderApp(
  hash = '#/articles',
  library: FakeLibrary = new FakeLibrary(SEEDS),
  options: { bridge?: boolean } = {}
) {
  if (options.bridge !== false) library.install()
  window.history.replaceState(null, '', hash)
  resetRouterForTests()
  const root = document.createElement('div')
  root.id = 'root'
  document.body.append(root)
  const user = userEvent.setup()
  const result = render(<App />, { container: root })
  return { ...result, user, library }
}

export const currentHash = () => window.location.hash

/** The main landmark (the current screen). */
export const main = () => screen.getByRole('main')

/**
 * axe-core on the whole document, with the rules jsdom can evaluate (no layout, so no colour
 * contrast). Fails on serious or critical violations.
 */
export async function expectAccessible(): Promise<void> {
  const results = await axe.run(document, {
    rules: { 'color-contrast': { enabled: false } },
    resultTypes: ['violations']
  })
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.html).join('\n  ')}`)
  expect(serious).toEqual([])
}

export const SEEDS: ArticleSeed[] = [
  {
    id: 'what-is-ims',
    title: 'What is IMS?',
    category: 'ims',
    tags: ['ims', 'basics'],
    summary: 'Intramuscular stimulation in one page.',
    isBuiltin: true,
    body: [
      'IMS treats **neuropathic** muscle shortening.',
      '',
      '## How it works',
      '',
      '- A fine needle',
      '- Into the shortened muscle',
      '',
      'Compare with [acupuncture](article:what-is-acupuncture).'
    ].join('\n'),
    references: [
      {
        authors: 'Gunn CC',
        title: 'The Gunn Approach to the Treatment of Chronic Pain',
        year: 1996,
        source: 'Churchill Livingstone',
        url: 'https://example.org/gunn'
      }
    ]
  },
  {
    id: 'what-is-acupuncture',
    title: 'What is acupuncture?',
    category: 'acupuncture',
    tags: ['acupuncture', 'basics'],
    summary: 'Needling at defined points.',
    isBuiltin: true,
    body: 'Acupuncture places fine needles at points. See also [IMS](article:what-is-ims).',
    edits: [
      { body: 'Acupuncture places fine needles at defined points. See [IMS](article:what-is-ims).' }
    ]
  },
  {
    id: 'neck-pain-notes',
    title: 'Neck pain: clinic notes',
    category: 'course-of-care',
    tags: ['neck'],
    summary: 'How we plan a course of care for neck pain.',
    body: 'Start with two sessions a week.'
  },
  {
    id: 'old-handout-draft',
    title: 'Old handout draft',
    category: 'reference',
    tags: [],
    summary: 'No longer used.',
    body: 'Outdated.',
    deleted: true
  }
]

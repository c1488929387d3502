import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import axe from 'axe-core'
import { expect } from 'vitest'
import { App } from '../../src/renderer/src/app/app'
import { resetRouterForTests } from '../../src/renderer/src/lib/router'
import { openTestLibrary, TestLibrary } from './real-core'
import type { ArticleSeed, LibrarySeed } from './real-core'

/**
 * Starts the whole app at `hash` on a real library installed as window.pointbook: the one given,
 * or a new one holding `seed` (by default the SEEDS articles).
 */
export async function renderApp(
  hash = '#/articles',
  from: TestLibrary | LibrarySeed = { articles: SEEDS }
) {
  const library = from instanceof TestLibrary ? from : await openTestLibrary(from)
  library.install()
  return { ...mountApp(hash), library }
}

/** Starts the whole app at `hash` with no bridge at all (as if the preload had not run). */
export const renderAppWithoutBridge = (hash: string) => mountApp(hash)

function mountApp(hash: string) {
  window.history.replaceState(null, '', hash)
  resetRouterForTests()
  const root = document.createElement('div')
  root.id = 'root'
  document.body.append(root)
  const user = userEvent.setup()
  return { ...render(<App />, { container: root }), user }
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
    references: [
      {
        authors: 'WHO',
        title: 'Standard Acupuncture Point Locations',
        year: 2008,
        source: 'WHO Regional Office for the Western Pacific'
      }
    ],
    body: 'Acupuncture places fine needles at points. See also [IMS](article:what-is-ims).',
    edits: [
      { body: 'Acupuncture places fine needles at defined points. See [IMS](article:what-is-ims).' }
    ]
  },
  {
    id: 'neck-pain-clinic-notes',
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

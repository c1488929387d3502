/**
 * A point page shows how the point is needled (angle, direction, depth), its caution set apart,
 * the adult-range disclaimer and the proportional cun of its location, from the shipped LU1 and
 * GV15 entries; a clinic's own point without needling data shows none of it.
 */
import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { AcupointSeed } from './real-core'
import { expectAccessible, renderApp, SEEDS } from './render-app'
import { CLINIC_POINT, mustGet, shippedAcupoints } from '../unit/shipped-atlas'

const shipped = shippedAcupoints()
const POINTS: AcupointSeed[] = [
  mustGet(shipped, 'LU1'),
  mustGet(shipped, 'GV15'),
  mustGet(shipped, 'ST17'),
  { ...CLINIC_POINT, references: [...CLINIC_POINT.references] }
]

const open = (code: string) =>
  renderApp(`#/acupoints/${code}`, { articles: SEEDS, acupoints: POINTS })

const needlingSection = async () => screen.findByRole('region', { name: 'Needling' })

describe('needling on a point page', () => {
  it('shows angle, direction, depth, the caution and the cun measure of LU1', async () => {
    await open('LU1')
    const section = await needlingSection()
    const facts = within(section)
    expect(facts.getByText('Angle').nextElementSibling).toHaveTextContent('Oblique or transverse')
    expect(facts.getByText('Direction').nextElementSibling).toHaveTextContent(
      'Laterally, toward the shoulder'
    )
    expect(facts.getByText('Depth').nextElementSibling).toHaveTextContent('0.3–0.5 cun')
    expect(facts.getByRole('note', { name: 'Needling caution' })).toHaveTextContent(
      'Caution: Never perpendicular or deep: the lung lies close beneath (pneumothorax).'
    )
    expect(section).toHaveTextContent('Ranges differ between texts')
    expect(section).toHaveTextContent(
      'Depths are typical adult ranges; adjust them to the patient’s build.'
    )
    // The measure sits with the location it explains.
    const location = screen.getByRole('heading', { level: 2, name: 'Location' }).parentElement
    expect(within(location as HTMLElement).getByRole('list')).toHaveTextContent(
      'Chest and abdomen width: one nipple (mid-clavicular line) to the other = 8 cun'
    )
    // The safety flag is still at the top of the page.
    expect(screen.getByRole('complementary', { name: 'Safety' })).toHaveTextContent('pneumothorax')
    await expectAccessible()
  })

  it('shows GV15’s caution against upward and deep needling', async () => {
    await open('GV15')
    const section = await needlingSection()
    expect(within(section).getByRole('note', { name: 'Needling caution' })).toHaveTextContent(
      'Never upward and never deep: the medulla lies beneath'
    )
    expect(section).toHaveTextContent('0.3–0.5 cun')
    expect(screen.getByRole('list', { name: 'Measured in proportional cun' })).toHaveTextContent(
      'Back of the neck: back hairline to spinous process of C7 = 3 cun'
    )
  })

  it('says when a point is not needled, and why', async () => {
    await open('ST17')
    const section = await needlingSection()
    expect(section).toHaveTextContent('Not needled.')
    expect(within(section).queryByText('Depth')).toBeNull()
    expect(section).not.toHaveTextContent('adult ranges')
    expect(within(section).getByRole('note', { name: 'Needling caution' })).toHaveTextContent(
      'A landmark over the nipple'
    )
  })

  it('shows no needling section for a clinic’s point without needling data', async () => {
    await open('LI4')
    await screen.findByRole('heading', { level: 1, name: 'LI4 Hegu' })
    expect(screen.queryByRole('region', { name: 'Needling' })).toBeNull()
    expect(screen.queryByRole('list', { name: 'Measured in proportional cun' })).toBeNull()
  })
})

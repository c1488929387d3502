import { describe, expect, it } from 'vitest'
import { slugify, uniqueSlug } from '../../src/main/core/articles/slug'

describe('slugify', () => {
  it('makes kebab-case ids from titles', () => {
    expect(slugify('Acupuncture & IMS — compared')).toBe('acupuncture-ims-compared')
    expect(slugify('  Twitch   response!  ')).toBe('twitch-response')
  })

  it('drops accents and falls back for titles without Latin letters', () => {
    expect(slugify('Épaule gelée')).toBe('epaule-gelee')
    expect(slugify('针灸')).toBe('article')
  })

  it('cuts long titles at a word boundary', () => {
    const slug = slugify('word '.repeat(40))
    expect(slug.length).toBeLessThanOrEqual(80)
    expect(slug.endsWith('-')).toBe(false)
  })
})

describe('uniqueSlug', () => {
  it('adds -2, -3 … until the slug is free', () => {
    const taken = new Set(['neck', 'neck-2'])
    expect(uniqueSlug('neck', (s) => taken.has(s))).toBe('neck-3')
    expect(uniqueSlug('back', (s) => taken.has(s))).toBe('back')
  })
})

import { describe, expect, it } from 'vitest'
import {
  hrefWith,
  matchPath,
  navigate,
  parseHref,
  setNavigationGuard,
  toHref
} from '../../src/renderer/src/lib/router'

describe('hash router', () => {
  it('parses paths and queries', () => {
    const location = parseHref('#/search?q=neck+pain&kind=article&kind=muscle')
    expect(location.path).toBe('/search')
    expect(location.query.get('q')).toBe('neck pain')
    expect(location.query.getAll('kind')).toEqual(['article', 'muscle'])
    expect(parseHref('#/articles/').path).toBe('/articles')
    expect(toHref('/articles')).toBe('#/articles')
  })

  it('matches patterns and decodes parameters', () => {
    expect(matchPath('/articles/:id/edit', '/articles/what-is-ims/edit')).toEqual({
      id: 'what-is-ims'
    })
    expect(matchPath('/articles/:id', '/articles/new/edit')).toBeNull()
    expect(matchPath('/articles/:id', '/articles/%E0%A4%A')).toBeNull()
    expect(matchPath('/articles', '/articles')).toEqual({})
  })

  it('builds addresses without empty values', () => {
    expect(hrefWith('/search', { q: 'neck', kind: ['muscle'], tag: [] })).toBe(
      '#/search?q=neck&kind=muscle'
    )
    expect(hrefWith('/articles', { category: undefined })).toBe('#/articles')
  })

  it('asks the guard before navigating and stays when it says no', async () => {
    let answer = false
    const release = setNavigationGuard(() => answer)
    expect(await navigate('/articles/x')).toBe(false)
    expect(window.location.hash).toBe('#/articles')
    answer = true
    expect(await navigate('/articles/x')).toBe(true)
    expect(window.location.hash).toBe('#/articles/x')
    release()
  })
})

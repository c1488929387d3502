import { renderHook, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import {
  hrefWith,
  matchPath,
  navigate,
  parseHref,
  resetRouterForTests,
  setNavigationGuard,
  toHref,
  useLocation
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

  it('follows an address changed before any screen listened (a link opened as the app started)', async () => {
    resetRouterForTests()
    // No event reaches the router: nothing listens yet (the e2e tests' first navigation raced
    // the app's start this way and the app stayed on the list).
    window.history.replaceState(null, '', '#/articles/changed-early')
    const { result } = renderHook(() => useLocation())
    await waitFor(() => expect(result.current.path).toBe('/articles/changed-early'))
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

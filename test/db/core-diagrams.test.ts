import { describe, expect, it } from 'vitest'
import { apiErrorOf, call, openTestLibrary } from './helpers'

const SOURCE = 'flowchart TD\n  A[Needle] --> B[Twitch]'

describe('diagram cache', () => {
  it('stores SVG by diagram source and gives it back', async () => {
    const { library } = openTestLibrary()
    expect(await call(library, 'diagrams:get', { source: SOURCE })).toEqual({ svg: null })
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><g><rect width="5" height="5"></rect><text x="1" y="2">Twitch</text></g></svg>'
    expect(await call(library, 'diagrams:put', { source: SOURCE, svg })).toEqual({ ok: true })
    const cached = (await call(library, 'diagrams:get', { source: SOURCE })).svg
    expect(cached).toContain('<rect')
    expect(cached).toContain('Twitch')
    // The same diagram saved with Windows line endings is the same diagram.
    expect(
      (await call(library, 'diagrams:get', { source: SOURCE.replace(/\n/g, '\r\n') })).svg
    ).toBe(cached)
  })

  it('sanitizes the SVG before storing it (S9)', async () => {
    const { library } = openTestLibrary()
    const hostile = [
      '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">',
      '<script>alert(1)</script>',
      '<a href="javascript:alert(1)"><text>link</text></a>',
      '<foreignObject><iframe src="https://evil.example"></iframe><div onclick="x()">html</div></foreignObject>',
      '<object data="x"></object>',
      '<rect width="1" height="1" onmouseover="alert(1)"></rect>',
      '<use href="javascript:alert(1)"></use>',
      '</svg>'
    ].join('')
    await call(library, 'diagrams:put', { source: SOURCE, svg: hostile })
    const stored = (await call(library, 'diagrams:get', { source: SOURCE })).svg ?? ''
    expect(stored).toContain('<svg')
    expect(stored).toContain('<rect')
    for (const bad of [
      /<script/i,
      /\son\w+=/i,
      /javascript:/i,
      /<iframe/i,
      /<object/i,
      /<foreignObject/i
    ]) {
      expect(stored).not.toMatch(bad)
    }
  })

  it('refuses something that is not an SVG drawing', async () => {
    const { library } = openTestLibrary()
    const error = await apiErrorOf(
      call(library, 'diagrams:put', { source: SOURCE, svg: '<div>not svg</div>' })
    )
    expect(error.code).toBe('invalid_input')
    expect((await call(library, 'diagrams:get', { source: SOURCE })).svg).toBeNull()
  })
})

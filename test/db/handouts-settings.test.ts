import { describe, expect, it } from 'vitest'
import { findHostileMarkup } from '../../src/shared/markdown'
import { apiErrorOf, call, openTestLibrary } from './helpers'

const profile = {
  name: 'Harbourview Physio',
  address: '12 Main St\nVancouver BC',
  phone: '604-555-0142',
  email: 'front@harbourview.example',
  website: 'harbourview.example',
  practitioners: ['Dr. A. Chen'],
  defaultPaper: 'letter' as const,
  defaultLang: 'en',
  footerLine: '',
  printerName: null,
  startScreen: 'front-desk' as const
}

// 1×1 PNG and the smallest JPEG header with a frame size.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64'
)
const JPEG = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x20, 0x00,
  0x40, 0x01, 0x01, 0x11, 0x00, 0xff, 0xd9
])

describe('clinic profile', () => {
  it('starts unset, with the paper size and language from the system locale', async () => {
    const { library, reopen } = openTestLibrary({ extra: { platform: { locale: 'fr-CA' } } })
    const p = await call(library, 'settings:getProfile', {})
    expect(p.isSet).toBe(false)
    expect(p.defaultPaper).toBe('letter')
    expect(p.defaultLang).toBe('fr-CA')
    const british = reopen({ platform: { locale: 'en-GB' } })
    expect((await call(british.library, 'settings:getProfile', {})).defaultPaper).toBe('a4')
  })

  it('saves a revision per save and validates every field with a clear message', async () => {
    const { library } = openTestLibrary()
    const saved = await call(library, 'settings:saveProfile', profile)
    expect(saved.isSet).toBe(true)
    expect(saved.revision).toBe(1)
    expect(
      (await call(library, 'settings:saveProfile', { ...profile, phone: '604 555 0199' })).revision
    ).toBe(2)

    const cases: Array<[Partial<typeof profile>, RegExp]> = [
      [{ name: '  ' }, /clinic name is required/],
      [{ name: 'x'.repeat(121) }, /at most 120/],
      [{ phone: '12' }, /at least 3 digits/],
      [{ phone: '604 <b>555</b> 0142' }, /characters a phone number cannot have/],
      [{ email: 'not an email' }, /email address/],
      [{ website: 'javascript:alert(1)' }, /web address/],
      [{ website: 'data:text/html,hi' }, /web address/],
      [{ website: 'ftp://clinic.ca' }, /web address/],
      [{ footerLine: 'a\u0007b' }, /control characters/],
      [{ defaultLang: 'English' }, /language tag/]
    ]
    for (const [change, message] of cases) {
      const error = await apiErrorOf(
        call(library, 'settings:saveProfile', { ...profile, ...change })
      )
      expect(error.code).toBe('invalid_input')
      expect(error.message).toMatch(message)
    }
    expect((await call(library, 'settings:getProfile', {})).revision).toBe(2)
  })

  it('takes PNG, JPEG and SVG logos, checked by content; sanitizes SVG; refuses the rest', async () => {
    const { library } = openTestLibrary()
    await call(library, 'settings:saveProfile', profile)
    const png = await call(library, 'settings:setLogo', {
      fileName: 'logo.png',
      dataBase64: PNG.toString('base64')
    })
    expect(png.logo).toMatchObject({ mime: 'image/png', width: 1, height: 1 })
    expect(png.name).toBe(profile.name)
    const jpeg = await call(library, 'settings:setLogo', {
      fileName: 'x.jpg',
      dataBase64: JPEG.toString('base64')
    })
    expect(jpeg.logo).toMatchObject({ mime: 'image/jpeg', width: 64, height: 32 })

    const hostile =
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 40" onload="alert(1)">' +
      '<script>alert(2)</script><foreignObject><iframe src="javascript:alert(3)"></iframe></foreignObject>' +
      '<a href="javascript:alert(4)"><rect width="100" height="40" fill="#1f4e79"/></a>' +
      '<image href="https://evil.example/x.png"/></svg>'
    const svg = await call(library, 'settings:setLogo', {
      fileName: 'logo.svg',
      dataBase64: Buffer.from(hostile).toString('base64')
    })
    expect(svg.logo?.mime).toBe('image/svg+xml')
    expect(svg.logo).toMatchObject({ width: 100, height: 40 })
    const stored = Buffer.from(svg.logo?.dataBase64 ?? '', 'base64').toString('utf8')
    expect(findHostileMarkup(stored)).toEqual([])
    expect(stored).toContain('<rect')
    expect(stored).not.toContain('evil.example')

    const notImage = await apiErrorOf(
      call(library, 'settings:setLogo', {
        fileName: 'notes.txt',
        dataBase64: Buffer.from('hello').toString('base64')
      })
    )
    expect(notImage.message).toMatch(/not a PNG, JPEG or SVG/)
    const big = await apiErrorOf(
      call(library, 'settings:setLogo', {
        fileName: 'big.png',
        dataBase64: Buffer.concat([PNG, Buffer.alloc(600 * 1024)]).toString('base64')
      })
    )
    expect(big.message).toMatch(/too large|512 KB/)
    const cleared = await call(library, 'settings:clearLogo', {})
    expect(cleared.logo).toBeNull()
  })

  it('lists no printers when printing is not plugged in', async () => {
    const { library } = openTestLibrary()
    expect(await call(library, 'settings:printers', {})).toEqual([])
  })
})

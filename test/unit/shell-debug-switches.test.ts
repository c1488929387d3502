import { describe, expect, it, vi } from 'vitest'
import { debuggingSwitches, startAllowed } from '../../src/main/debug-switches'

const exe = '/opt/Pointbook/pointbook'

describe('debuggingSwitches', () => {
  it('finds each spelling Chromium and Node accept', () => {
    expect(
      debuggingSwitches(
        [
          exe,
          '--remote-debugging-port=9222',
          '-remote-debugging-pipe',
          '--inspect',
          '--inspect-brk=0.0.0.0:9229',
          '--JS-FLAGS=--allow-natives-syntax',
          '--remote-allow-origins=*'
        ],
        'linux'
      )
    ).toEqual([
      '--remote-debugging-port',
      '--remote-debugging-pipe',
      '--inspect',
      '--inspect-brk',
      '--js-flags',
      '--remote-allow-origins'
    ])
  })

  it('reads /switch only on Windows', () => {
    expect(debuggingSwitches([exe, '/remote-debugging-port=9222'], 'win32')).toEqual([
      '--remote-debugging-port'
    ])
    expect(debuggingSwitches([exe, '/remote-debugging-port=9222'], 'linux')).toEqual([])
  })

  it('leaves the app’s own arguments and anything after -- alone', () => {
    expect(
      debuggingSwitches(
        [exe, '--data-dir=/srv/clinic', '--check-library', '--', '--inspect'],
        'linux'
      )
    ).toEqual([])
    // The executable path itself is never read as a switch.
    expect(debuggingSwitches(['--inspect'], 'linux')).toEqual([])
  })
})

describe('startAllowed (the packaged branch)', () => {
  it('refuses a packaged start with a debugging switch, naming it', () => {
    const refuse = vi.fn()
    expect(
      startAllowed({ isPackaged: true, argv: [exe, '--remote-debugging-port=9222'], refuse })
    ).toBe(false)
    expect(refuse).toHaveBeenCalledWith(expect.stringContaining('--remote-debugging-port'))
  })

  it('lets a packaged start without one go on', () => {
    const refuse = vi.fn()
    expect(startAllowed({ isPackaged: true, argv: [exe, '--data-dir=/srv/x'], refuse })).toBe(true)
    expect(refuse).not.toHaveBeenCalled()
  })

  it('keeps every switch in development', () => {
    const refuse = vi.fn()
    expect(startAllowed({ isPackaged: false, argv: [exe, '--inspect'], refuse })).toBe(true)
    expect(refuse).not.toHaveBeenCalled()
  })
})

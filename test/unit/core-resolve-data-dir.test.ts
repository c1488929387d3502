import { describe, expect, it } from 'vitest'
import { resolveDataDir } from '../../src/main/core'
import { ApiError } from '../../src/shared/api'

const base = {
  argv: ['electron', '.'],
  env: {},
  defaultDir: '/home/u/.config/Pointbook',
  cwd: '/work'
}

describe('resolveDataDir', () => {
  it('uses the default folder when nothing else is given', () => {
    expect(resolveDataDir(base)).toBe('/home/u/.config/Pointbook')
  })

  it('prefers the environment variable over the default', () => {
    expect(resolveDataDir({ ...base, env: { POINTBOOK_DATA_DIR: '/data/lib' } })).toBe('/data/lib')
  })

  it('prefers the flag, in either form, over the environment', () => {
    const env = { POINTBOOK_DATA_DIR: '/data/env' }
    expect(resolveDataDir({ ...base, env, argv: ['x', '--data-dir=/data/flag'] })).toBe(
      '/data/flag'
    )
    expect(resolveDataDir({ ...base, env, argv: ['x', '--data-dir', '/data/flag2'] })).toBe(
      '/data/flag2'
    )
  })

  it('resolves relative paths against the working folder', () => {
    expect(resolveDataDir({ ...base, argv: ['x', '--data-dir=lib'] })).toBe('/work/lib')
    expect(resolveDataDir({ ...base, env: { POINTBOOK_DATA_DIR: '../lib' } })).toBe('/lib')
  })

  it('refuses an empty value with a clear error', () => {
    for (const argv of [
      ['x', '--data-dir='],
      ['x', '--data-dir'],
      ['x', '--data-dir', '--other']
    ]) {
      const error = (() => {
        try {
          resolveDataDir({ ...base, argv })
        } catch (e) {
          return e
        }
        return null
      })()
      expect(error).toBeInstanceOf(ApiError)
      expect((error as ApiError).message).toMatch(/--data-dir option is empty/)
    }
    expect(() => resolveDataDir({ ...base, env: { POINTBOOK_DATA_DIR: ' ' } })).toThrow(
      /POINTBOOK_DATA_DIR environment variable is empty/
    )
  })
})

import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '../../src/shared/api'
import { api, BRIDGE_MISSING_MESSAGE, isBridgeAvailable } from '../../src/renderer/src/lib/api'
import { openTestLibrary } from './real-core'

describe('lib/api', () => {
  it('unwraps a successful ApiResult into its value', async () => {
    const library = await openTestLibrary({ articles: [{ id: 'a', title: 'A', body: 'x' }] })
    library.install()
    const article = await api.articles.get({ id: 'a' })
    expect(article.title).toBe('A')
    expect(article.revision).toBe(1)
  })

  it('throws an ApiError with the code and message of a failed result', async () => {
    const library = await openTestLibrary()
    library.install()
    const failure = await api.articles.get({ id: 'missing' }).catch((e: unknown) => e)
    expect(failure).toBeInstanceOf(ApiError)
    expect(failure).toMatchObject({ code: 'not_found' })
  })

  it('reports invalid input the way the core validates it', async () => {
    const library = await openTestLibrary()
    library.install()
    const failure = await api.articles.get({ id: 'Not A Slug' }).catch((e: unknown) => e)
    expect(failure).toMatchObject({ code: 'invalid_input' })
  })

  it('gives a clear error when the bridge is missing', async () => {
    expect(isBridgeAvailable()).toBe(false)
    const failure = await api.app.info({}).catch((e: unknown) => e)
    expect(failure).toBeInstanceOf(ApiError)
    expect((failure as ApiError).message).toBe(BRIDGE_MISSING_MESSAGE)
  })

  it('turns a bridge that throws or answers nonsense into an ApiError', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    Object.defineProperty(window, 'pointbook', {
      configurable: true,
      value: {
        app: { info: () => Promise.reject(new Error('ipc down')) },
        articles: { list: () => Promise.resolve({ nonsense: true }) }
      }
    })
    await expect(api.app.info({})).rejects.toMatchObject({ code: 'internal' })
    await expect(api.articles.list({})).rejects.toMatchObject({ code: 'internal' })
    await expect(api.articles.get({ id: 'x' })).rejects.toMatchObject({ code: 'unknown_channel' })
    expect(log).toHaveBeenCalledOnce()
    log.mockRestore()
  })

  it('is never mistaken for a promise', () => {
    expect((api as unknown as { then?: unknown }).then).toBeUndefined()
    expect((api.articles as unknown as { then?: unknown }).then).toBeUndefined()
  })
})

import { openLibrary } from '../../src/main/core'
import type { Library } from '../../src/main/core'
import { dispatch } from '../../src/main/core/api/dispatch'
import type { PdfRenderer } from '../../src/main/core/print/pdf-renderer'
import { LOGO_SVG, PROFILE, RESOURCES } from './print-fixtures'

export interface PrintLibrary {
  readonly library: Library
  /** One contract call; throws the error message when the core refuses it. */
  readonly call: (channel: Parameters<typeof dispatch>[1], input: unknown) => Promise<unknown>
}

/**
 * A library on the built-in content with the test clinic's profile and logo, a fixed clock
 * (2026-03-14), and `pdf` as its PDF renderer: what the print tests and the sample script print from.
 */
export async function openPrintLibrary(dataDir: string, pdf?: PdfRenderer): Promise<PrintLibrary> {
  const library = openLibrary({
    dataDir,
    resourcesDir: RESOURCES,
    platform: { clock: () => new Date('2026-03-14T15:00:00Z'), pdf },
    warn: () => undefined
  })
  const call: PrintLibrary['call'] = async (channel, input) => {
    const result = await dispatch(library.handlers, channel, input)
    if (!result.ok) throw new Error(result.error.message)
    return result.value
  }
  await call('settings:saveProfile', PROFILE)
  await call('settings:setLogo', {
    fileName: 'logo.svg',
    dataBase64: Buffer.from(LOGO_SVG).toString('base64')
  })
  return { library, call }
}

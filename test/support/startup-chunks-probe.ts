/**
 * Run from a bundle made like the app's main process (test/unit/main-bundle-startup.test.ts):
 * reopens the library in argv[2] as the shell does before its first window, then answers a few
 * calls through the contract. Prints the chunks loaded at each step besides the start-up's own
 * (zod and the schemas are in them) and the calls' results.
 */
import { basename } from 'node:path'
import { openLibrary } from '../../src/main/core'

/** Chunks by name (file names are `<name>-<8 character hash>.js`), the start-up's own left out. */
const lazyChunks = (): string[] =>
  Object.keys(require.cache)
    .filter((path) => path.includes('/chunks/'))
    .map((path) => basename(path).replace(/-[\w-]{8}\.js$/, ''))
    .filter((name) => !name.startsWith('startup-') && name !== 'rolldown-runtime')
    .sort()

async function main(): Promise<void> {
  const [dataDir = '', resourcesDir = ''] = process.argv.slice(2)
  const warnings: string[] = []
  const library = openLibrary({
    dataDir,
    resourcesDir,
    platform: { locale: 'en-US' },
    warn: (message) => warnings.push(message)
  })
  const startHash = library.startHash()
  const atStart = lazyChunks()
  const list = await library.call('articles:list', {})
  const afterList = lazyChunks()
  const calls = {
    list,
    badInput: await library.call('articles:get', { id: 42 }),
    unknown: await library.call('articles:nope', {}),
    profile: await library.call('settings:getProfile', {})
  }
  library.close()
  process.stdout.write(`${JSON.stringify({ warnings, startHash, atStart, afterList, calls })}\n`)
}

void main()

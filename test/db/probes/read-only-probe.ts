/**
 * Run in a child process (as a user who cannot write the data folder) by core-read-only.test.ts:
 * opens the library and tries a read and a few writes, then prints what happened as JSON.
 */
import { dispatch } from '../../../src/main/core/api/dispatch'
import { openLibrary } from '../../../src/main/core'

async function main(): Promise<void> {
  const [dataDir, resourcesDir] = process.argv.slice(2) as [string, string]
  const warnings: string[] = []
  const library = openLibrary({ dataDir, resourcesDir, warn: (message) => warnings.push(message) })
  const run = (channel: string, input: unknown) => dispatch(library.handlers, channel, input)
  const result = {
    info: await run('app:info', {}),
    list: await run('articles:list', {}),
    search: await run('search:query', { q: 'read' }),
    create: await run('articles:create', {
      title: 'New',
      body: '',
      category: 'ims',
      tags: [],
      summary: ''
    }),
    delete: await run('articles:delete', { id: 'read-only-check' }),
    diagram: await run('diagrams:put', { source: 'flowchart TD', svg: '<svg></svg>' }),
    warnings
  }
  library.close()
  process.stdout.write(JSON.stringify(result))
}

main().catch((error: unknown) => {
  process.stdout.write(JSON.stringify({ crashed: String(error) }))
  process.exitCode = 1
})

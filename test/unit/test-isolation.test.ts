import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import config from '../../vitest.config.mjs'

/**
 * Most test projects share a worker's modules between files (`isolate: false`, docs/design-notes.md
 * §14). A file that replaces a module with vi.mock must run where each file gets fresh modules:
 * among files that share them, its mock could miss a module another file loaded first, or leak
 * into the next file. This keeps the config's lists true as tests are added.
 */
const ROOT = resolve(__dirname, '../..')
/** vi.mock is hoisted and lasts the file; vi.doMock of a path is allowed with its vi.doUnmock. */
const MOCKS = /\bvi\.(mock|doMock)\(\s*(['"])([^'"]+)\2/g
const THIS_FILE = 'test/unit/test-isolation.test.ts'

interface Project {
  readonly test: { name: string; isolate?: boolean; include?: string[]; exclude?: string[] }
}

const projects = (config as { test: { projects: Project[] } }).test.projects.map((p) => p.test)

function testFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.test\.tsx?$/.test(name))
    .map((name) => relative(ROOT, join(ROOT, dir, name)))
}

/** The modules a file replaces and does not restore. */
function unrestoredMocks(text: string): string[] {
  return [...text.matchAll(MOCKS)]
    .filter(([, how, , path]) => how === 'mock' || !text.includes(`vi.doUnmock('${path}')`))
    .map(([, , , path]) => path ?? '')
}

const mocking = (file: string): boolean =>
  file !== THIS_FILE && unrestoredMocks(readFileSync(join(ROOT, file), 'utf8')).length > 0

describe('which test files share modules', () => {
  it('no project that shares modules holds a file that mocks one', () => {
    const shared = projects.filter((project) => project.isolate === false)
    expect(shared.map((project) => project.name).sort()).toEqual(
      ['db', 'e2e', 'print', 'renderer', 'unit'].sort()
    )
    const offenders = shared.flatMap((project) => {
      const dir = `test/${project.name}`
      const excluded = new Set(project.exclude ?? [])
      return testFiles(dir).filter((file) => !excluded.has(file) && mocking(file))
    })
    expect(offenders).toEqual([])
  })

  it('renderer-mocks holds exactly the renderer files that mock a module', () => {
    const own = projects.find((project) => project.name === 'renderer-mocks')
    expect(own?.isolate).not.toBe(false)
    expect([...(own?.include ?? [])].sort()).toEqual(
      testFiles('test/renderer').filter(mocking).sort()
    )
  })

  it('the check sees a mock, and a doMock only when it is not undone', () => {
    expect(unrestoredMocks("vi.mock('mermaid', () => ({}))")).toEqual(['mermaid'])
    expect(unrestoredMocks('const render = vi.mocked(mermaid.render)')).toEqual([])
    expect(unrestoredMocks("vi.doMock('./a', f)")).toEqual(['./a'])
    expect(unrestoredMocks("vi.doMock('./a', f); vi.doUnmock('./a')")).toEqual([])
  })
})

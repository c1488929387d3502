import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import {
  PARSED_YAML_FILE,
  parseYaml,
  withParsedYaml,
  writeParsedYaml
} from '../../src/main/core/content/yaml'

const made: string[] = []
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** A resources folder with one YAML file and one markdown file with front matter. */
function resources(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'pointbook-parsed-yaml-'))
  made.push(dir)
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, 'content', name, '..'), { recursive: true })
    writeFileSync(join(dir, 'content', name), text)
  }
  return dir
}

const write = (path: string, data: string): void => writeFileSync(path, data)

describe('parsed YAML from the build', () => {
  it('holds every YAML text and front matter, with the values yaml.parse gives', () => {
    const muscle = 'id: trapezius\nnames: [Upper, "Middle"]\ndepth: 2.5\nnotes: |\n  two\n  lines\n'
    const dir = resources({
      'muscles/trapezius.yaml': muscle,
      'articles/a.md': '---\ntitle: An article\ntags: [neck]\n---\nBody text.\n'
    })
    expect(writeParsedYaml(dir, write)).toBe(2)
    const file = JSON.parse(readFileSync(join(dir, PARSED_YAML_FILE), 'utf8')) as {
      values: Record<string, unknown>
    }
    expect(Object.values(file.values)).toEqual(
      expect.arrayContaining([parse(muscle), { title: 'An article', tags: ['neck'] }])
    )
  })

  it('answers from the file during an import, and parses a text it does not hold', () => {
    const dir = resources({ 'muscles/m.yaml': 'id: m\n' })
    writeParsedYaml(dir, write)
    // Tamper with the stored value: proves the value comes from the file when the text matches.
    const path = join(dir, PARSED_YAML_FILE)
    const file = JSON.parse(readFileSync(path, 'utf8')) as { values: Record<string, unknown> }
    for (const key of Object.keys(file.values)) file.values[key] = { id: 'from the file' }
    writeFileSync(path, JSON.stringify(file))
    withParsedYaml(dir, () => {
      expect(parseYaml('id: m\n')).toEqual({ id: 'from the file' })
      expect(parseYaml('id: other\n')).toEqual({ id: 'other' })
    })
    // Outside an import the file is not consulted.
    expect(parseYaml('id: m\n')).toEqual({ id: 'm' })
  })

  it('ignores a file written by another version of yaml or in another format', () => {
    const dir = resources({ 'muscles/m.yaml': 'id: m\n' })
    writeParsedYaml(dir, write)
    const path = join(dir, PARSED_YAML_FILE)
    const file = JSON.parse(readFileSync(path, 'utf8')) as {
      yamlVersion: string
      values: Record<string, unknown>
    }
    for (const key of Object.keys(file.values)) file.values[key] = { id: 'stale' }
    writeFileSync(path, JSON.stringify({ ...file, yamlVersion: '0.0.1' }))
    expect(withParsedYaml(dir, () => parseYaml('id: m\n'))).toEqual({ id: 'm' })
    writeFileSync(path, '{ not json')
    expect(withParsedYaml(dir, () => parseYaml('id: m\n'))).toEqual({ id: 'm' })
  })

  it('leaves out what JSON cannot carry and what does not parse cleanly', () => {
    const dir = resources({
      'a/inf.yaml': 'value: .inf\n',
      'a/negative-zero.yaml': 'value: -0.0\n',
      'a/broken.yaml': 'key: [unclosed\n',
      'a/duplicate.yaml': 'key: 1\nkey: 2\n',
      'a/fine.yaml': 'value: 1\n'
    })
    expect(writeParsedYaml(dir, write)).toBe(1)
    // The broken text still fails with the yaml package's own error.
    expect(() => withParsedYaml(dir, () => parseYaml('key: [unclosed\n'))).toThrow()
  })

  it('gives each caller its own copy', () => {
    const dir = resources({ 'a/list.yaml': 'items: [1, 2]\n' })
    writeParsedYaml(dir, write)
    withParsedYaml(dir, () => {
      const first = parseYaml('items: [1, 2]\n') as { items: number[] }
      first.items.push(3)
      expect(parseYaml('items: [1, 2]\n')).toEqual({ items: [1, 2] })
    })
  })
})

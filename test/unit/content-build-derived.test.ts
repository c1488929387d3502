import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  DERIVED_FILE,
  bundleCodeId,
  derivedKey,
  fromBuild,
  fromBuildJson,
  withBuildDerived
} from '../../src/main/core/content/build-derived'
import type { DerivedFile } from '../../src/main/core/content/build-derived'
import { sourceCodeId, writeBuildDerived } from '../../src/main/core/content/write-build-derived'
import { checkAtlasYaml } from '../../src/main/core/atlas/builtin-atlas'
import { muscleFileSchema } from '../../src/shared/atlas/content-schema'
import { markdownToSearchText } from '../../src/main/core/search/markdown-text'
import { sanitizeSvg } from '../../src/shared/markdown/sanitize-svg'

const made: string[] = []
afterEach(() => {
  vi.unstubAllGlobals()
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
})

const ARTICLE_BODY = '# Heading\n\nThe **twitch** response, see [this](article:other).\n'
const SVG = '<svg xmlns="http://www.w3.org/2000/svg"><script>x()</script><rect width="1"/></svg>'

function resources(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pointbook-derived-'))
  made.push(dir)
  mkdirSync(join(dir, 'content', 'articles'), { recursive: true })
  mkdirSync(join(dir, 'content', 'diagrams'), { recursive: true })
  writeFileSync(
    join(dir, 'content', 'articles', 'a.md'),
    `---\nid: a\ntitle: A\n---\n${ARTICLE_BODY}\n\n`
  )
  writeFileSync(join(dir, 'content', 'diagrams', `${'0'.repeat(64)}.svg`), SVG)
  return dir
}

const write = (path: string, data: string): void => writeFileSync(path, data)
const readFile = (dir: string): DerivedFile =>
  JSON.parse(readFileSync(join(dir, DERIVED_FILE), 'utf8')) as DerivedFile

describe('values the build derives from the shipped content', () => {
  it("holds the core's own outputs, keyed by input, for the code that wrote them", () => {
    const dir = resources()
    expect(writeBuildDerived(dir, 'code-1', write)).toBe(2)
    const file = readFile(dir)
    expect(file.codeId).toBe('code-1')
    expect(file.values[derivedKey('search-text', ARTICLE_BODY.trimEnd())]).toBe(
      markdownToSearchText(ARTICLE_BODY.trimEnd())
    )
    expect(file.values[derivedKey('clean-svg', SVG)]).toBe(sanitizeSvg(SVG))
  })

  it('is never used outside a build of the same code', () => {
    const dir = resources()
    writeBuildDerived(dir, 'code-1', write)
    const file = readFile(dir)
    const key = derivedKey('clean-svg', SVG)
    writeFileSync(
      join(dir, DERIVED_FILE),
      JSON.stringify({ ...file, values: { ...file.values, [key]: 'from the file' } })
    )
    const compute = (): string => 'computed'
    // Tests run the source, not a bundle: no code id, so every value is computed.
    expect(bundleCodeId()).toBeNull()
    expect(withBuildDerived(dir, () => fromBuild('clean-svg', SVG, compute))).toBe('computed')
    // A bundle of other code computes too.
    vi.stubGlobal('__POINTBOOK_CODE_ID__', 'code-2')
    expect(withBuildDerived(dir, () => fromBuild('clean-svg', SVG, compute))).toBe('computed')
    // A bundle of the same code takes the file's value during an import, and only then.
    vi.stubGlobal('__POINTBOOK_CODE_ID__', 'code-1')
    expect(withBuildDerived(dir, () => fromBuild('clean-svg', SVG, compute))).toBe('from the file')
    expect(withBuildDerived(dir, () => fromBuild('clean-svg', '<svg/>', compute))).toBe('computed')
    expect(fromBuild('clean-svg', SVG, compute)).toBe('computed')
  })

  it('holds each atlas file as its schema accepts it, and gives it back as JSON', () => {
    const dir = resources()
    const muscle = readFileSync(
      resolve(__dirname, '../../resources/content/muscles/upper-trapezius.yaml'),
      'utf8'
    )
    mkdirSync(join(dir, 'content', 'muscles'))
    writeFileSync(join(dir, 'content', 'muscles', 'upper-trapezius.yaml'), muscle)
    writeFileSync(join(dir, 'content', 'muscles', 'broken.yaml'), 'id: [unclosed\n')
    expect(writeBuildDerived(dir, 'code-1', write)).toBe(3)
    const checked = checkAtlasYaml(muscle, muscleFileSchema)
    expect(readFile(dir).values[derivedKey('atlas-muscle', muscle)]).toBe(JSON.stringify(checked))
    vi.stubGlobal('__POINTBOOK_CODE_ID__', 'code-1')
    const fail = (): never => {
      throw new Error('computed')
    }
    expect(withBuildDerived(dir, () => fromBuildJson('atlas-muscle', muscle, fail))).toEqual(
      checked
    )
  })

  it('names the source tree by its files', () => {
    const root = resolve(__dirname, '../..')
    expect(sourceCodeId(root)).toMatch(/^[0-9a-f]{64}$/)
  })
})

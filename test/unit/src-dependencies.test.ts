/**
 * src/ imports no devDependency: every bare package any file under src/ imports, in any form, must
 * be in package.json `dependencies` (electron too in the shell and the preload, which the runtime
 * provides). Independent of ESLint's parser: the TypeScript compiler reads the files here. The
 * only other packages allowed are the ones the layer table in eslint.config.mjs names as
 * `typePackages` (for `import type` only) or `buildTime` (exact specifiers a Vite plugin answers).
 */
import { readFileSync, readdirSync } from 'node:fs'
import { isBuiltin } from 'node:module'
import { extname, join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ESLint } from 'eslint'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import type { LayerTable } from '../../eslint/layer-rules.mjs'

const root = fileURLToPath(new URL('../..', import.meta.url))

interface Found {
  readonly specifier: string | undefined // undefined: not a string literal
  readonly line: number
  readonly typeOnly: boolean
}

const SCRIPT = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/

/** Every module specifier of a script, in every form, with whether it is erased at build. */
function collectImports(fileName: string, text: string): Found[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true)
  const found: Found[] = []
  const add = (node: ts.Node, expr: ts.Node | undefined, typeOnly: boolean): void => {
    const specifier =
      expr && (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr))
        ? expr.text
        : undefined
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1
    found.push({ specifier, line, typeOnly })
  }
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      add(node, node.moduleSpecifier, node.importClause?.isTypeOnly ?? false)
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
      add(node, node.moduleSpecifier, node.isTypeOnly)
    } else if (
      ts.isImportEqualsDeclaration(node) &&
      ts.isExternalModuleReference(node.moduleReference)
    ) {
      add(node, node.moduleReference.expression, node.isTypeOnly)
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node, node.argument.literal, true)
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression
      const isRequire =
        (ts.isIdentifier(callee) && callee.text === 'require') ||
        (ts.isPropertyAccessExpression(callee) &&
          callee.name.text === 'require' &&
          ts.isIdentifier(callee.expression) &&
          callee.expression.text === 'module')
      if (callee.kind === ts.SyntaxKind.ImportKeyword || isRequire) {
        add(node, node.arguments[0], false)
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  for (const ref of source.typeReferenceDirectives) {
    found.push({
      specifier: ref.fileName,
      line: source.getLineAndCharacterOfPosition(ref.pos).line + 1,
      typeOnly: true
    })
  }
  return found
}

/** `@import 'x'` / `@import url('x')` of a stylesheet (Vite resolves bare ones as packages). */
function collectCssImports(text: string): Found[] {
  return [...text.matchAll(/@import\s+(?:url\()?\s*['"]([^'"]+)['"]/g)].map((m) => ({
    specifier: m[1],
    line: text.slice(0, m.index).split('\n').length,
    typeOnly: false
  }))
}

function packageOf(specifier: string): string | undefined {
  if (/^[./]/.test(specifier) || /^[a-z][a-z0-9+.-]*:/i.test(specifier) || isBuiltin(specifier)) {
    return undefined
  }
  const parts = specifier.split(/[?#]/)[0]!.split('/')
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]
}

/** The shell (src/main outside core) and the preload run in Electron, which provides electron. */
const runsInElectron = (file: string): boolean =>
  file.startsWith('src/preload/') ||
  (file.startsWith('src/main/') && !file.startsWith('src/main/core/'))

async function layerTable(): Promise<LayerTable> {
  const eslint = new ESLint({ cwd: root })
  const config = (await eslint.calculateConfigForFile('src/shared/x.ts')) as {
    rules: Record<string, [unknown, { layers: LayerTable }]>
  }
  return config.rules['pointbook/layers']![1].layers
}

describe('src/ dependencies', { timeout: 60_000 }, () => {
  it('finds imports in every form', () => {
    const code = [
      "import a from 'a'",
      "import type { B } from 'b'",
      "export { c } from 'c'",
      "export type * from 'd'",
      "const e = import('e')",
      "const f = require('f')",
      "import g = require('g')",
      "type H = import('h').H",
      'const i = import(name)',
      "const j = module.require('j')",
      "import 'k'"
    ].join('\n')
    const found = collectImports('x.ts', `/// <reference types="l" />\n${code}`)
    expect(found.map((f) => [f.specifier, f.typeOnly])).toEqual([
      ['a', false],
      ['b', true],
      ['c', false],
      ['d', true],
      ['e', false],
      ['f', false],
      ['g', false],
      ['h', true],
      [undefined, false],
      ['j', false],
      ['k', false],
      ['l', true]
    ])
    expect(found[0]!.line).toBe(2)
  })

  it('imports only package.json dependencies (+ electron in the shell and preload)', async () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>
    }
    const dependencies = new Set(Object.keys(pkg.dependencies))
    const table = Object.values(await layerTable())
    const typePackages = new Set(table.flatMap((layer) => layer.typePackages ?? []))
    const buildTime = new Set(table.flatMap((layer) => layer.buildTime ?? []))

    const files = readdirSync(join(root, 'src'), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
    expect(files.length).toBeGreaterThan(100)

    const offenders: string[] = []
    let checked = 0
    for (const file of files) {
      const text = readFileSync(join(root, file), 'utf8')
      let found: Found[]
      if (SCRIPT.test(file)) found = collectImports(file, text)
      else if (extname(file) === '.css') found = collectCssImports(text)
      else if (extname(file) === '.html')
        found = [] // Vite resolves HTML URLs relative to the page
      else {
        offenders.push(`${file}: a file type this test cannot read for imports`)
        continue
      }
      for (const { specifier, line, typeOnly } of found) {
        checked++
        if (specifier === undefined) {
          offenders.push(`${file}:${line} a module specifier that is not a string literal`)
          continue
        }
        const name = packageOf(specifier)
        if (name === undefined || dependencies.has(name) || buildTime.has(specifier)) continue
        if (name === 'electron' && runsInElectron(file)) continue
        if (typeOnly && typePackages.has(name)) continue
        offenders.push(`${file}:${line} ${specifier}`)
      }
    }
    expect(checked).toBeGreaterThan(500)
    expect(offenders, `not in package.json dependencies:\n${offenders.join('\n')}`).toEqual([])
  })
})

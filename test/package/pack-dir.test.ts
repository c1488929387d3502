import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { listPackage, statFile } from '@electron/asar'
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

/**
 * Packs the app as `npm run dist` does (electron-builder.config.mjs), for Linux with `--dir`,
 * against a stand-in Electron folder: no Electron binary can be downloaded here. The stand-in's
 * executable carries the fuse wire of a real Electron 45 build (the sentinel, then version 1 and
 * nine fuses at Electron's defaults), so the fuses electron-builder flips are read back from a
 * file laid out as the real one is. Everything else is the real packer on the real build (out/).
 */
const ROOT = resolve(__dirname, '../..')
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
// Electron's defaults: RunAsNode on, cookie encryption off, NODE_OPTIONS on, --inspect on,
// asar integrity off, only-asar off, browser V8 snapshot off, file:// privileges on, wasm traps on.
const ELECTRON_DEFAULT_WIRE = '100100011'

let work: string
let unpacked: string
let packLog = ''

function standInElectron(dir: string): void {
  mkdirSync(dir, { recursive: true })
  const wire = Buffer.concat([
    Buffer.from(SENTINEL),
    Buffer.from([1, ELECTRON_DEFAULT_WIRE.length]),
    Buffer.from(ELECTRON_DEFAULT_WIRE)
  ])
  const padding = Buffer.alloc(64 * 1024)
  writeFileSync(join(dir, 'electron'), Buffer.concat([padding, wire, padding]))
  chmodSync(join(dir, 'electron'), 0o755)
  writeFileSync(join(dir, 'version'), '45.5.0')
  writeFileSync(join(dir, 'LICENSE'), 'stand-in')
}

function pack(electronDist: string, output: string, binding: string): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      [
        join(ROOT, 'node_modules', 'electron-builder', 'cli.js'),
        '--dir',
        '--linux',
        '--config',
        'electron-builder.config.mjs',
        `-c.electronDist=${electronDist}`,
        `-c.directories.output=${output}`
      ],
      { cwd: ROOT, env: { ...process.env, POINTBOOK_ELECTRON_BINDING: binding } }
    )
    child.stdout.on('data', (chunk: Buffer) => (packLog += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (packLog += chunk.toString()))
    child.on('error', fail)
    child.on('close', (code) =>
      code === 0 ? done() : fail(new Error(`electron-builder exited ${code}:\n${packLog}`))
    )
  })
}

function folderBytes(dir: string): number {
  let total = 0
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size
  }
  return total
}

const sha256 = (path: string): string =>
  createHash('sha256').update(readFileSync(path)).digest('hex')

/** A stand-in for the Electron build of better-sqlite3 (prepare-electron makes the real one). */
const BINDING = join(
  ROOT,
  'node_modules',
  'better-sqlite3',
  'build',
  'Release',
  'better_sqlite3.node'
)

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'out', 'main', 'index.js'))) {
    throw new Error('out/ is missing: npm test builds the app before this test (npm run build).')
  }
  work = mkdtempSync(join(tmpdir(), 'pointbook-pack-'))
  standInElectron(join(work, 'electron-dist'))
  await pack(join(work, 'electron-dist'), join(work, 'dist'), BINDING)
  unpacked = join(work, 'dist', 'linux-unpacked')
})

afterAll(() => {
  if (work !== undefined) rmSync(work, { recursive: true, force: true })
})

describe('npm run dist, packed for Linux with --dir', () => {
  it('sets every fuse the hardening needs', async () => {
    const wire = await getCurrentFuseWire(join(unpacked, 'pointbook'))
    const state = (fuse: FuseV1Options) => wire[fuse]
    expect(state(FuseV1Options.RunAsNode)).toBe(FuseState.DISABLE)
    expect(state(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe(FuseState.DISABLE)
    expect(state(FuseV1Options.EnableNodeCliInspectArguments)).toBe(FuseState.DISABLE)
    expect(state(FuseV1Options.GrantFileProtocolExtraPrivileges)).toBe(FuseState.DISABLE)
    expect(state(FuseV1Options.EnableCookieEncryption)).toBe(FuseState.ENABLE)
    expect(state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe(FuseState.ENABLE)
    expect(state(FuseV1Options.OnlyLoadAppFromAsar)).toBe(FuseState.ENABLE)
  })

  it('ships the built app and its run-time packages, and nothing of development', () => {
    const files = listPackage(join(unpacked, 'resources', 'app.asar'), { isPack: false }).map(
      (path) => path.replaceAll('\\', '/')
    )
    for (const needed of [
      '/package.json',
      '/out/main/index.js',
      '/out/preload/index.cjs',
      '/out/renderer/index.html',
      '/node_modules/better-sqlite3/lib/index.js',
      '/node_modules/@fontsource/noto-sans/400.css',
      '/node_modules/@fontsource/noto-sans-sc/700.css',
      '/node_modules/yaml/package.json'
    ]) {
      expect(files, needed).toContain(needed)
    }
    expect(files.some((path) => /^\/out\/main\/chunks\/markdown-stack-.*\.js$/.test(path))).toBe(
      true
    )
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>
    }
    const forbidden = [
      /^\/(test|docs|bench|src|scripts|\.ci)\//,
      /\.map$/,
      /^\/node_modules\/better-sqlite3\/(build|deps|src)\//,
      /^\/out\/screenshots\//,
      ...Object.keys(pkg.devDependencies).map((name) => new RegExp(`^/node_modules/${name}/`))
    ]
    const shipped = files.filter((path) => forbidden.some((rule) => rule.test(path)))
    expect(shipped).toEqual([])
  })

  it('unpacks leveldown, with its prebuilt binding for this platform, beside app.asar', () => {
    const leveldown = join(unpacked, 'resources', 'app.asar.unpacked', 'node_modules', 'leveldown')
    expect(existsSync(join(leveldown, 'prebuilds', 'linux-x64', 'node.napi.glibc.node'))).toBe(true)
    expect(existsSync(join(leveldown, 'deps'))).toBe(false)
    // Every native file the archive lists is marked unpacked (its bytes are not in app.asar).
    const archive = join(unpacked, 'resources', 'app.asar')
    const natives = listPackage(archive, { isPack: false }).filter((p) => p.endsWith('.node'))
    expect(natives.length).toBeGreaterThan(0)
    const packed = natives.filter((p) => statFile(archive, p.slice(1)).unpacked !== true)
    expect(packed).toEqual([])
  })

  it('puts the content and the Electron build of better-sqlite3 beside app.asar', () => {
    const resources = join(unpacked, 'resources')
    expect(existsSync(join(resources, 'resources', 'content'))).toBe(true)
    expect(readdirSync(join(resources, 'resources', 'content', 'articles')).length).toBeGreaterThan(
      5
    )
    // Compared by hash: a deep equality of two 2 MB buffers takes vitest half a minute.
    expect(sha256(join(resources, 'native', 'better_sqlite3.node'))).toBe(sha256(BINDING))
    const report = {
      appAsarBytes: statSync(join(resources, 'app.asar')).size,
      resourcesBytes: folderBytes(join(resources, 'resources')),
      nativeBytes: statSync(join(resources, 'native', 'better_sqlite3.node')).size
    }
    writeFileSync(join(ROOT, 'out', 'package-check.json'), `${JSON.stringify(report, null, 2)}\n`)
    expect(report.appAsarBytes).toBeGreaterThan(1_000_000)
  })
})

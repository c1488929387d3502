// @ts-check
/**
 * Installers for Windows, macOS and Linux (`npm run dist`, on a machine with internet; see
 * docs/packaging.md). The Electron build of better-sqlite3 that scripts/prepare-electron.mjs
 * keeps in .electron-native/ ships beside app.asar (resources/native), so packing never rebuilds
 * node_modules in place and `npm test` keeps its Node build (docs/toolchain.md).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = dirname(fileURLToPath(import.meta.url))
const readJson = (path) => JSON.parse(readFileSync(join(ROOT, path), 'utf8'))
const electronVersion = readJson('package.json').devDependencies.electron
const betterSqliteVersion = readJson('node_modules/better-sqlite3/package.json').version

/** The Electron build of better-sqlite3 (same path as src/main/native-binding.ts). */
const electronBinding =
  process.env.POINTBOOK_ELECTRON_BINDING ??
  join(
    ROOT,
    '.electron-native',
    'better-sqlite3',
    `${electronVersion}-${betterSqliteVersion}`,
    'better_sqlite3.node'
  )

/**
 * The packages the main process loads at run time. Everything else is bundled by electron-vite
 * (the renderer entirely, the main process but for these), so shipping all of `dependencies`
 * would add ~170 MB of node_modules the app never reads. Found in the built main bundle (its
 * literal `require("…")` calls), plus the fonts the print pipeline reads from their folders
 * (src/main/core/print/fonts.ts resolves them by a computed name), with their own dependencies.
 */
function runtimePackages() {
  const mainDir = join(ROOT, 'out', 'main')
  if (!existsSync(mainDir)) throw new Error('Build first (npm run build): out/main is missing.')
  const found = new Set(['@fontsource/noto-sans', '@fontsource/noto-sans-sc'])
  const files = readdirSync(mainDir, { recursive: true }).filter((f) => String(f).endsWith('.js'))
  for (const file of files) {
    const code = readFileSync(join(mainDir, String(file)), 'utf8')
    for (const [, spec] of code.matchAll(/require\("([^".][^"]*)"\)/g)) {
      if (spec.startsWith('node:') || spec === 'electron') continue
      found.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0])
    }
  }
  const queue = [...found]
  while (queue.length > 0) {
    const name = queue.pop()
    const manifest = join(ROOT, 'node_modules', name, 'package.json')
    const deps = Object.keys(JSON.parse(readFileSync(manifest, 'utf8')).dependencies ?? {})
    // prebuild-install downloads binaries at install time; the app never loads it.
    for (const dep of deps.filter((d) => d !== 'prebuild-install')) {
      if (!found.has(dep)) {
        found.add(dep)
        queue.push(dep)
      }
    }
  }
  return [...found].sort()
}

/** @type {import('electron-builder').Configuration} */
export default {
  appId: 'app.pointbook.desktop',
  productName: 'Pointbook',
  executableName: 'pointbook',
  copyright: 'Pointbook',
  directories: { output: 'dist', buildResources: 'build' },
  // The app is the built bundles; production dependencies are added by electron-builder.
  files: [
    'out/**',
    '!out/screenshots/**',
    'package.json',
    '!node_modules/**',
    ...runtimePackages().map((name) => `node_modules/${name}/**`),
    // The print pipeline embeds only woff2 faces, of weights 400 and 700 (STYLES in fonts.ts).
    '!node_modules/@fontsource/*/files/*.woff',
    '!node_modules/@fontsource/*/files/*-{100,200,300,500,600,800,900}-*',
    '!out/**/*.map',
    '!**/*.{md,markdown,ts,map}',
    '!**/{test,tests,__tests__,docs,example,examples,bench}/**',
    // better-sqlite3's sources and its Node build: the app opens the Electron build below.
    '!node_modules/better-sqlite3/{build,deps,src}/**',
    // leveldown (the clinic network's replica, under pouchdb-node) loads an N-API prebuild, the
    // same file for Node and Electron; its C++ sources are never compiled at a clinic.
    '!**/node_modules/leveldown/{deps,binding.cc,binding.gyp}',
    '!**/node_modules/leveldown/deps/**'
  ],
  // A native module cannot be loaded from inside app.asar: leveldown (with its prebuilds) sits
  // beside it in app.asar.unpacked. better-sqlite3's Electron build is in resources/native.
  asarUnpack: ['**/node_modules/leveldown/**'],
  extraResources: [
    { from: 'resources', to: 'resources' },
    { from: electronBinding, to: 'native/better_sqlite3.node' }
  ],
  asar: true,
  // Never rebuild node_modules in place: the Electron binding comes from .electron-native.
  npmRebuild: false,
  nodeGypRebuild: false,
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    loadBrowserProcessSpecificV8Snapshot: false,
    grantFileProtocolExtraPrivileges: false
  },
  win: { target: ['nsis'] },
  // Per-user install: no administrator rights needed at a clinic's front desk.
  nsis: {
    oneClick: false,
    perMachine: false,
    allowElevation: false,
    allowToChangeInstallationDirectory: true,
    createDesktopShortcut: true
  },
  mac: {
    // The host's architecture: the better-sqlite3 binding is built for the machine that packs.
    target: ['dmg'],
    category: 'public.app-category.medical',
    hardenedRuntime: true,
    gatekeeperAssess: false,
    entitlements: 'build/entitlements.mac.plist',
    entitlementsInherit: 'build/entitlements.mac.plist'
  },
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Education',
    maintainer: 'Pointbook',
    synopsis: 'Offline reference for acupuncture and IMS clinics'
  }
}

import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { describe, expect, it, vi } from 'vitest'
import { resolveAppPaths } from '../../src/main/app-paths'
import { electronNativeBindingPath, findElectronNativeBinding } from '../../src/main/native-binding'
import { checkNodeSqlite, npmCommand } from '../../scripts/ensure-node-sqlite.mjs'
import {
  ELECTRON_INSTALL_FAILED,
  electronBindingPath,
  electronBuildEnv,
  electronLoadCheckScript,
  installElectronBinary,
  planElectronNative,
  shouldCopyForBuild
} from '../../scripts/prepare-electron.mjs'

describe('where the Electron build of better-sqlite3 lives', () => {
  it('is computed the same way by the shell and by prepare-electron', () => {
    expect(electronNativeBindingPath('/repo', '45.5.0', '12.11.1')).toBe(
      electronBindingPath('/repo', '45.5.0', '12.11.1')
    )
    expect(electronBindingPath('/repo', '45.5.0', '12.11.1')).toBe(
      join('/repo', '.electron-native', 'better-sqlite3', '45.5.0-12.11.1', 'better_sqlite3.node')
    )
  })

  it('changes with either version, so an upgrade builds afresh', () => {
    const paths = new Set([
      electronBindingPath('/r', '45.5.0', '12.11.1'),
      electronBindingPath('/r', '45.6.0', '12.11.1'),
      electronBindingPath('/r', '45.5.0', '12.12.0')
    ])
    expect(paths.size).toBe(3)
  })
})

describe('findElectronNativeBinding (the shell)', () => {
  const manifest = JSON.stringify({ version: '12.11.1' })
  const expected = electronNativeBindingPath('/repo', '45.5.0', '12.11.1')

  it('uses the separate Electron build in development', () => {
    const found = findElectronNativeBinding({
      isPackaged: false,
      appPath: '/repo',
      resourcesPath: '/repo/resources',
      electronVersion: '45.5.0',
      readTextFile: () => manifest,
      fileExists: (path) => path === expected
    })
    expect(found).toBe(expected)
  })

  it('uses the build packed beside app.asar when packaged', () => {
    const readTextFile = vi.fn(() => manifest)
    expect(
      findElectronNativeBinding({
        isPackaged: true,
        appPath: '/opt/Pointbook/resources/app.asar',
        resourcesPath: '/opt/Pointbook/resources',
        electronVersion: '45.5.0',
        readTextFile,
        fileExists: () => true
      })
    ).toBe(join('/opt/Pointbook/resources', 'native', 'better_sqlite3.node'))
    expect(readTextFile).not.toHaveBeenCalled()
  })

  it('uses the default binary outside Electron (no process.versions.electron)', () => {
    expect(
      findElectronNativeBinding({
        isPackaged: false,
        appPath: '/repo',
        resourcesPath: '/repo/resources',
        electronVersion: '',
        readTextFile: () => manifest,
        fileExists: () => true
      })
    ).toBeUndefined()
  })

  it('warns and falls back when the build is missing', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    expect(
      findElectronNativeBinding({
        isPackaged: false,
        appPath: '/repo',
        resourcesPath: '/repo/resources',
        electronVersion: '45.5.0',
        readTextFile: () => manifest,
        fileExists: () => false
      })
    ).toBeUndefined()
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('prepare-electron'))
    warn.mockRestore()
  })
})

describe('prepare-electron (pure parts)', () => {
  it('removes npm_config_nodedir, in any spelling, and nothing else', () => {
    const env = {
      PATH: '/usr/bin',
      npm_config_nodedir: '/usr',
      NPM_CONFIG_NODEDIR: '/usr',
      npm_config_cache: '/tmp/npm'
    }
    expect(electronBuildEnv(env)).toEqual({ PATH: '/usr/bin', npm_config_cache: '/tmp/npm' })
    expect(env.npm_config_nodedir).toBe('/usr')
  })

  it('builds only when the Electron binary is missing', () => {
    const bindingPath = electronBindingPath('/repo', '45.5.0', '12.11.1')
    const base = { projectRoot: '/repo', electronVersion: '45.5.0', betterSqliteVersion: '12.11.1' }
    expect(planElectronNative({ ...base, exists: () => false })).toEqual({
      action: 'build',
      bindingPath
    })
    expect(planElectronNative({ ...base, exists: (path) => path === bindingPath })).toEqual({
      action: 'keep',
      bindingPath
    })
  })

  it('copies the sources but not the Node build folder', () => {
    const pkg = '/repo/node_modules/better-sqlite3'
    expect(shouldCopyForBuild(pkg, pkg)).toBe(true)
    expect(shouldCopyForBuild(pkg, `${pkg}/src/better_sqlite3.cpp`)).toBe(true)
    expect(shouldCopyForBuild(pkg, `${pkg}/deps/sqlite3/sqlite3.c`)).toBe(true)
    expect(shouldCopyForBuild(pkg, `${pkg}/build`)).toBe(false)
    expect(shouldCopyForBuild(pkg, `${pkg}/build/Release/better_sqlite3.node`)).toBe(false)
    expect(shouldCopyForBuild(pkg, `${pkg}/builder.js`)).toBe(true)
  })

  it('checks the result by opening SQLite with FTS5 through nativeBinding', () => {
    const script = electronLoadCheckScript('/repo/node_modules/better-sqlite3', '/b/x.node')
    expect(script).toContain('nativeBinding: "/b/x.node"')
    expect(script).toContain('fts5')
  })

  it('its load check runs in plain Node against the Node binary', () => {
    const require = createRequire(import.meta.url)
    const packageDir = join(require.resolve('better-sqlite3/package.json'), '..')
    const nodeBinary = join(packageDir, 'build', 'Release', 'better_sqlite3.node')
    const result = spawnSync(
      process.execPath,
      ['-e', electronLoadCheckScript(packageDir, nodeBinary)],
      {
        encoding: 'utf8'
      }
    )
    expect(result.status).toBe(0)
    expect(result.stdout).toMatch(/^SQLite 3\.\d+\.\d+ with FTS5/)
  })
})

describe('prepare-electron without the Electron binary and no network', () => {
  /** A stand-in for electron/install.js that fails as it does offline, or succeeds. */
  function fakeInstaller(body: string): { path: string; dispose: () => void } {
    const dir = mkdtempSync(join(tmpdir(), 'pointbook-fake-install-'))
    const path = join(dir, 'install.js')
    writeFileSync(path, body)
    return { path, dispose: () => rmSync(dir, { recursive: true, force: true }) }
  }
  const offline =
    "Promise.reject(new TypeError('fetch failed')).catch((err) => { console.error(err.stack); process.exit(1) })"

  it("prints the clear message only, not the installer's TypeError stack", () => {
    const installer = fakeInstaller(offline)
    try {
      const script = fileURLToPath(new URL('../../scripts/prepare-electron.mjs', import.meta.url))
      // The same catch as the script's entry point, around the install step alone.
      const child = [
        `const m = await import(${JSON.stringify(pathToFileURL(script).href)})`,
        `try { m.installElectronBinary(${JSON.stringify(installer.path)}) }`,
        "catch (error) { console.error('prepare-electron: ' + error.message); process.exit(1) }"
      ].join('\n')
      const result = spawnSync(process.execPath, ['--input-type=module', '-e', child], {
        encoding: 'utf8'
      })
      expect(result.status).toBe(1)
      expect(result.stderr.trim()).toBe(`prepare-electron: ${ELECTRON_INSTALL_FAILED}`)
      expect(result.stderr + result.stdout).not.toMatch(/TypeError|fetch failed|\bat /)
    } finally {
      installer.dispose()
    }
  })

  it('returns quietly when the installer succeeds', () => {
    const installer = fakeInstaller('process.exit(0)')
    try {
      expect(() => installElectronBinary(installer.path)).not.toThrow()
    } finally {
      installer.dispose()
    }
  })
})

describe('ensure-node-sqlite', () => {
  it('passes with the real better-sqlite3 in this Node', () => {
    const result = checkNodeSqlite(createRequire(import.meta.url))
    expect(result).toMatchObject({ ok: true })
  })

  it('reports a binary that fails to load instead of throwing', () => {
    const result = checkNodeSqlite(() => {
      throw new Error('The module was compiled against NODE_MODULE_VERSION 140.')
    })
    expect(result).toEqual({
      ok: false,
      reason: 'The module was compiled against NODE_MODULE_VERSION 140.'
    })
  })

  it('reports a SQLite without FTS5', () => {
    class NoFts {
      exec(): void {
        throw new Error('no such module: fts5')
      }
      close(): void {}
    }
    expect(checkNodeSqlite(() => NoFts)).toEqual({ ok: false, reason: 'no such module: fts5' })
  })

  it('calls npm.cmd on Windows', () => {
    expect(npmCommand('win32')).toBe('npm.cmd')
    expect(npmCommand('linux')).toBe('npm')
  })

  it('exits 0 with --check-only when better-sqlite3 loads', () => {
    const script = fileURLToPath(new URL('../../scripts/ensure-node-sqlite.mjs', import.meta.url))
    const result = spawnSync(process.execPath, [script, '--check-only'], { encoding: 'utf8' })
    expect(result.status).toBe(0)
    expect(result.stdout).toContain('FTS5 ok')
  })
})

describe('resolveAppPaths', () => {
  it('finds resources in the repository during development', () => {
    expect(
      resolveAppPaths({
        isPackaged: false,
        appPath: '/repo',
        resourcesPath: '/electron/resources',
        mainDir: '/repo/out/main'
      })
    ).toEqual({
      resourcesDir: '/repo/resources',
      rendererDir: '/repo/out/renderer',
      preloadPath: '/repo/out/preload/index.cjs'
    })
  })

  it('finds resources next to app.asar when packaged', () => {
    const paths = resolveAppPaths({
      isPackaged: true,
      appPath: '/opt/Pointbook/resources/app.asar',
      resourcesPath: '/opt/Pointbook/resources',
      mainDir: '/opt/Pointbook/resources/app.asar/out/main'
    })
    expect(paths.resourcesDir).toBe('/opt/Pointbook/resources/resources')
    expect(paths.rendererDir).toBe('/opt/Pointbook/resources/app.asar/out/renderer')
    expect(paths.preloadPath).toBe('/opt/Pointbook/resources/app.asar/out/preload/index.cjs')
  })
})

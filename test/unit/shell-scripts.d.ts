/**
 * Types for the two Node scripts the shell tests import (scripts/*.mjs are plain JavaScript that
 * npm runs directly, so they carry no types of their own).
 */
declare module '*/scripts/prepare-electron.mjs' {
  export function electronBindingPath(
    projectRoot: string,
    electronVersion: string,
    betterSqliteVersion: string
  ): string
  export function electronBuildEnv(
    env: Readonly<Record<string, string | undefined>>
  ): Record<string, string | undefined>
  export function planElectronNative(options: {
    projectRoot: string
    electronVersion: string
    betterSqliteVersion: string
    exists: (path: string) => boolean
  }): { action: 'keep' | 'build'; bindingPath: string }
  export function shouldCopyForBuild(packageDir: string, path: string): boolean
  export function electronLoadCheckScript(betterSqliteDir: string, bindingPath: string): string
  export const ELECTRON_INSTALL_FAILED: string
  export function installElectronBinary(installer: string): void
}

declare module '*/scripts/ensure-node-sqlite.mjs' {
  export function checkNodeSqlite(
    requireModule: (id: string) => unknown
  ): { ok: true; sqliteVersion: string } | { ok: false; reason: string }
  export function npmCommand(platform?: string): string
}

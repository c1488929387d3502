// Types of layer-rules.mjs for the tests that import it (test/unit/lint-layers.test.ts).
import type { ESLint } from 'eslint'

export interface Layer {
  files: string[]
  ignores?: string[]
  packages: string[]
  typePackages?: string[]
  buildTime?: string[]
  names?: Record<string, string[]>
  builtins: string[]
  layers: string[]
  entry?: string
}
export type LayerTable = Record<string, Layer>

export function globToRegExp(glob: string): RegExp
export function layersOf(table: LayerTable, relPath: string): string[]
export function packageName(specifier: string): string
export function builtinName(specifier: string): string | undefined
export function checkLayerTable(
  table: LayerTable,
  packageJson: { dependencies?: Record<string, string>; devDependencies?: Record<string, string> },
  runtimeProvided?: Record<string, string[]>
): LayerTable
export const layerPlugin: ESLint.Plugin

/**
 * Splits a V8 CPU profile (`node --cpu-prof`) of one start-up into the steps of docs/bench.md.
 * Each sample goes to the innermost frame on its stack that names a step; frames from the probe's
 * bundle (its folder: the entry and its chunks) only, so Node's own functions of the same name
 * never count.
 */

interface ProfileNode {
  readonly id: number
  readonly callFrame: { readonly functionName: string; readonly url: string }
  readonly children?: readonly number[]
}

export interface CpuProfile {
  readonly nodes: readonly ProfileNode[]
  readonly samples: readonly number[]
}

/** A step and the functions (of the core, as esbuild names them: `name` or `name2`) that mark it. */
const STEPS: readonly (readonly [string, RegExp])[] = [
  ['quick_check (full integrity check)', /^quickCheck\d*$/],
  ['built-in import', /^(import\w*Builtin\w*|loadBuiltin\w*)\d*$/],
  ['backups (daily backup due?)', /^(createBackup|isDailyBackupDue|listBackups)\d*$/],
  ['migrations', /^runMigrations\d*$/],
  ['close (pragma optimize)', /^closeDatabase\d*$/],
  ['openDatabase: the rest (header, pragmas)', /^openDatabase\d*$/],
  ['openLibrary: the rest (modules, services)', /^openLibrary\d*$/]
]
const LOADING = 'loading the code (compile, module init)'
const GC = 'garbage collection'
const OTHER = 'Node start-up and the rest'

export const PROFILE_STEPS: readonly string[] = [...STEPS.map(([step]) => step), LOADING, GC, OTHER]

/** The share (0–1) of the profile's time in each step, for a probe bundled into `bundleDirUrl`. */
export function profileShares(profile: CpuProfile, bundleDirUrl: string): Record<string, number> {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const parentOf = new Map<number, number>()
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) parentOf.set(child, node.id)
  }
  const stepOf = new Map<number, string>()
  const classify = (id: number): string => {
    const known = stepOf.get(id)
    if (known !== undefined) return known
    const frame = byId.get(id)?.callFrame
    let step: string | undefined
    if (frame?.functionName === '(garbage collector)') step = GC
    else if (frame?.url.startsWith(`${bundleDirUrl}/`) === true) {
      step = STEPS.find(([, marker]) => marker.test(frame.functionName))?.[0]
    } else if (frame?.functionName === 'Module._compile') step = LOADING
    const parent = parentOf.get(id)
    const result = step ?? (parent === undefined ? OTHER : classify(parent))
    stepOf.set(id, result)
    return result
  }
  const totals: Record<string, number> = Object.fromEntries(PROFILE_STEPS.map((s) => [s, 0]))
  // Samples are counted, not weighted by the time since the previous one: on a busy machine a
  // process that was not running leaves a long gap, which would go to whatever ran next.
  for (const id of profile.samples) totals[classify(id)]! += 1
  const all = profile.samples.length
  for (const step of PROFILE_STEPS) totals[step] = all > 0 ? totals[step]! / all : 0
  return totals
}

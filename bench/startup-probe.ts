/**
 * One start of the core as its own process (bench/startup-bench.ts bundles this file and runs
 * it): opens the library in argv[2] with the built-ins of argv[3], closes it, and prints one JSON
 * line with the process's CPU time so far. The floor it is compared with is startup-floor.ts.
 */
import { openLibrary } from '../src/main/core'
import { printProbeResult } from './probe-result'

const [dataDir = '', resourcesDir = ''] = process.argv.slice(2)
const warnings: string[] = []
const started = performance.now()
const library = openLibrary({ dataDir, resourcesDir, warn: (message) => warnings.push(message) })
const opened = performance.now()
library.close()
printProbeResult({ openMs: opened - started, closeMs: performance.now() - opened, warnings })

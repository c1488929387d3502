// `npm test`: the build, then vitest beside lint, the Prettier check and the type check.
// The e2e and package tests need the build; nothing else reads what another step writes (lint,
// Prettier and tsc ignore out/), so the checks run while the tests do: CI has two cores and a
// 15-minute limit, and vitest leaves about a third of the CPU idle (measured: docs/design-notes.md
// §14). Each check's output is printed whole when it ends; any failure fails the run.
import { spawn } from 'node:child_process'

const CHECKS = ['lint', 'format:check', 'typecheck']

function run(step) {
  const started = Date.now()
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', step], { stdio: ['ignore', 'pipe', 'pipe'] })
    const output = []
    child.stdout.on('data', (chunk) => output.push(chunk))
    child.stderr.on('data', (chunk) => output.push(chunk))
    child.on('error', (error) => output.push(Buffer.from(`${error.message}\n`)))
    child.on('close', (code) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1)
      const text = Buffer.concat(output).toString('utf8').trimEnd()
      console.log(`\n── npm run ${step}: ${code === 0 ? 'ok' : `failed (${code})`} in ${seconds} s`)
      if (text !== '') console.log(text)
      resolve(code === 0)
    })
  })
}

/** vitest with the terminal as its own (its output as it goes), resolving to whether it passed. */
function vitest() {
  return new Promise((resolve) => {
    const child = spawn('npx', ['vitest', 'run'], { stdio: 'inherit' })
    child.on('error', () => resolve(false))
    child.on('close', (code) => resolve(code === 0))
  })
}

if (!(await run('build'))) {
  console.error('\nFailed: npm run build (the tests were not run)')
  process.exit(1)
}
const [testsPassed, ...checksPassed] = await Promise.all([vitest(), ...CHECKS.map(run)])
const failed = [
  ...(testsPassed ? [] : ['vitest run']),
  ...CHECKS.filter((_, index) => !checksPassed[index]).map((step) => `npm run ${step}`)
]
if (failed.length > 0) {
  console.error(`\nFailed: ${failed.join(', ')}`)
  process.exit(1)
}

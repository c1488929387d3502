// `npm test`: lint, the Prettier check, the type check and the build side by side, then vitest.
// None of the four reads what another writes (lint, Prettier and tsc ignore out/): on CI's two
// cores this takes about half as long as one after another, and CI has a 15-minute limit. The
// checks are not run beside vitest: measured, that made the crash test 2.3x slower and the whole
// CI 980 s (docs/design-notes.md §14). Each step's output is printed whole when it ends; any
// failure fails the run, and vitest runs only when all four pass.
import { spawn } from 'node:child_process'

const STEPS = ['lint', 'format:check', 'typecheck', 'build']

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

const results = await Promise.all(STEPS.map(run))
const failed = STEPS.filter((_, index) => !results[index])
if (failed.length > 0) {
  console.error(`\nFailed: ${failed.map((step) => `npm run ${step}`).join(', ')}`)
  process.exit(1)
}

const tests = spawn('npx', ['vitest', 'run'], { stdio: 'inherit' })
tests.on('close', (code) => process.exit(code ?? 1))

/** What a start-up probe process reports (one JSON line on stdout). */
export interface ProbeResult {
  /** User + system CPU time of the whole process when it is done (process.cpuUsage()). */
  readonly cpuMs: number
  /** Wall time from the process's start (performance.timeOrigin) to the end of its work. */
  readonly processMs: number
  readonly openMs: number
  readonly closeMs: number
  readonly warnings: readonly string[]
}

export function printProbeResult(result: Omit<ProbeResult, 'cpuMs' | 'processMs'>): void {
  const cpu = process.cpuUsage()
  const report: ProbeResult = {
    cpuMs: (cpu.user + cpu.system) / 1000,
    processMs: performance.now(),
    ...result
  }
  process.stdout.write(`${JSON.stringify(report)}\n`)
}

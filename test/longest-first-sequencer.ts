import { readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { BaseSequencer } from 'vitest/node'
import type { TestSpecification } from 'vitest/node'

/** Seconds each file took in a recorded CI run, by `<project>:<path>` (test/file-durations.json). */
function recordedSeconds(root: string): ReadonlyMap<string, number> {
  const file = JSON.parse(readFileSync(join(root, 'test', 'file-durations.json'), 'utf8')) as {
    seconds: Record<string, number>
  }
  return new Map(Object.entries(file.seconds))
}

/**
 * Runs the longest files first, across the projects that share the two workers. vitest's own
 * order runs the projects one after another by name and, on a clean clone (no results cache, as
 * in CI), each project's files by size, so a long file could start last and leave one of CI's two
 * cores idle while it finishes. A project with file parallelism off (print) is still run by vitest
 * after all of these. A file with no recorded time (a new one) is run first: it may be long.
 */
export default class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root
    const seconds = recordedSeconds(root)
    const estimate = (spec: TestSpecification): number =>
      seconds.get(`${spec.project.name}:${relative(root, spec.moduleId)}`) ?? Infinity
    return [...files].sort((a, b) => estimate(b) - estimate(a))
  }
}

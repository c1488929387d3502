import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'

/**
 * Renderer tests that replace a module with vi.mock: they keep a fresh module graph per file (a
 * mock must not leak into, or miss because of, another file's copy of the module).
 */
const RENDERER_MOCKING = [
  'test/renderer/article-view.test.tsx',
  'test/renderer/front-desk-role.test.tsx',
  'test/renderer/handout-preview.test.tsx',
  'test/renderer/handouts-screens.test.tsx',
  'test/renderer/sync-conflict-notices.test.tsx'
]

/**
 * Files of a project share a worker's module graph (vitest's default gives every file a fresh
 * one): the core, PouchDB and React were imported again for each of 160 files, 2.6 s each in the
 * db project, a third of CI's time (docs/design-notes.md §14). Tests hold no module state: each
 * opens its own library in its own folder and closes it. Where a file mocks a module (the shell's
 * electron, pdf.js, mermaid), its project keeps vitest's isolation.
 */
const SHARED_MODULES = { isolate: false } as const

const RENDERER: { environment: 'jsdom' } & Record<'include' | 'setupFiles', string[]> &
  Record<'testTimeout' | 'hookTimeout', number> = {
  environment: 'jsdom',
  include: ['test/renderer/**/*.test.{ts,tsx}'],
  setupFiles: ['test/renderer/setup.ts'],
  // Each test opens a real library and renders the whole app: seconds on an idle machine, over
  // 40 s at load 20 on 2 cores (a stress run beside five other jobs, session 5). The limit only
  // stops a test that would never pass.
  testTimeout: 180_000,
  hookTimeout: 180_000
}

/**
 * One config, seven projects (the layers of docs/design-notes.md §6; the renderer's in two). `npm test` runs them all;
 * e2e expects `npm run build` to have produced out/renderer first.
 *
 * No test measures speed (that is `npm run bench`): every limit below, and the longer ones set on
 * the tests that do much work, is far above what the work takes on a loaded machine, so a slow
 * machine makes the run slower, never red. Waits are on events, never on time.
 */
export default defineConfig({
  test: {
    // Two files at a time on CI's 2 cores (vitest's default there is one): much of a file's time
    // is spent waiting on Chromium, poppler or the disk. Measured in docs/design-notes.md.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          ...SHARED_MODULES,
          environment: 'node',
          include: ['test/unit/**/*.test.ts'],
          // vitest's 5 s: the tests that load all the shipped atlas took 6 to 20 s at load 25.
          testTimeout: 60_000,
          hookTimeout: 60_000
        }
      },
      {
        test: {
          name: 'db',
          ...SHARED_MODULES,
          environment: 'node',
          include: ['test/db/**/*.test.ts'],
          // A real library on disk: at most ~6 s a test at load 12 (crash-kill sets its own).
          testTimeout: 120_000,
          hookTimeout: 120_000
        }
      },
      {
        test: {
          name: 'ipc',
          environment: 'node',
          include: ['test/ipc/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000
        }
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          ...SHARED_MODULES,
          ...RENDERER,
          exclude: RENDERER_MOCKING
        }
      },
      {
        plugins: [react()],
        test: { name: 'renderer-mocks', ...RENDERER, include: RENDERER_MOCKING }
      },
      {
        // Print documents through Chromium's page.pdf(), checked with poppler (P1, P4, H2, H3).
        // One file at a time, after every other file (vitest runs such a project last, on one
        // worker). Measured in the shared queue, longest files first (session 6, clean-clone CI):
        // the print matrix and the crash test started together and each took twice as long (155
        // and 149 s against 92 and 66), and vitest's run went from 707 to 774 s.
        test: {
          name: 'print',
          ...SHARED_MODULES,
          environment: 'node',
          include: ['test/print/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          // After every other project's files (a project of one worker must be in a group of
          // its own: vitest refuses two worker counts in one group).
          sequence: { groupOrder: 1 }
        }
      },
      {
        // Packs the app with electron-builder against a stand-in Electron (docs/packaging.md).
        test: {
          name: 'package',
          environment: 'node',
          include: ['test/package/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 600_000
        }
      },
      {
        test: {
          name: 'e2e',
          ...SHARED_MODULES,
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/temp-root.ts'],
          // TEST_TIMEOUT_MS and STEP_TIMEOUT_MS of test/e2e/timeouts.ts (a .ts import here makes
          // Vite warn on every run). A poll waits on the page like a Playwright step: vitest's
          // default gives up after 1 s.
          testTimeout: 600_000,
          hookTimeout: 600_000,
          expect: { poll: { timeout: 180_000 } }
        }
      }
    ]
  }
})

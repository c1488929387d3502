import '@testing-library/jest-dom/vitest'
import { cleanup, configure } from '@testing-library/react'
import { afterEach, beforeEach } from 'vitest'
import { resetRouterForTests } from '../../src/renderer/src/lib/router'
import { disposeTestLibraries } from './real-core'

// findBy*/waitFor wait for what they look for; how long that takes depends on the machine (a
// real library answers, lazy chunks load), so the limit only stops a test that would never pass.
configure({ asyncUtilTimeout: 90_000 })

// jsdom has no canvas; axe-core probes it for icon ligatures and copes with null.
HTMLCanvasElement.prototype.getContext = (() =>
  null) as typeof HTMLCanvasElement.prototype.getContext

beforeEach(() => {
  // As in src/renderer/index.html.
  document.documentElement.lang = 'en'
  window.history.replaceState(null, '', '/')
  resetRouterForTests()
})

afterEach(() => {
  cleanup()
  disposeTestLibraries()
  document.body.innerHTML = ''
  document.title = ''
})

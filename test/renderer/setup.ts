import '@testing-library/jest-dom/vitest'
import { cleanup } from '@testing-library/react'
import { afterEach, beforeEach } from 'vitest'
import { resetRouterForTests } from '../../src/renderer/src/lib/router'
import { removeBridge } from './fake-api'

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
  removeBridge()
  document.body.innerHTML = ''
  document.title = ''
})

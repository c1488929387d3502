import { contextBridge, ipcRenderer } from 'electron'
import { exposeApi } from './expose-api'

// Runs sandboxed in every page of the main window, before the page's own scripts. Bundled into
// one CommonJS file (out/preload/index.cjs) because a sandboxed preload cannot load modules.
exposeApi(contextBridge, ipcRenderer)

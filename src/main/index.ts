import { bootstrap } from './bootstrap'

// The entry electron-vite builds to out/main/index.js. Everything happens in bootstrap(), so every
// other module can be imported (with a mocked electron) without starting the app.
bootstrap()

/**
 * The http origin the built renderer runs at in Chromium (electron-adapter/page-origin.ts maps it
 * to app://pointbook). Kept under its old name for bench/first-screen.ts.
 */
export { PAGE_ORIGIN as APP_ORIGIN } from './electron-adapter/page-origin'

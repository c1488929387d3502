// Imported first by main.tsx, before React: the start screen's data is requested while the rest
// of the start-up chunk is still being evaluated and rendered.
import { startEarlyRequests } from './app/start-requests'

startEarlyRequests(window.location.hash)

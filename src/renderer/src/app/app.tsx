import { ConfirmProvider } from '../components/confirm'
import { ToastProvider } from '../components/toast'
import { AppInfoProvider } from './app-info'
import { Shell } from './shell'

export function App() {
  return (
    <AppInfoProvider>
      <ConfirmProvider>
        <ToastProvider>
          <Shell />
        </ToastProvider>
      </ConfirmProvider>
    </AppInfoProvider>
  )
}

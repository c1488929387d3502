import { ConfirmProvider } from '../components/confirm'
import { ToastProvider } from '../components/toast'
import { RoleProvider } from '../features/role/role-context'
import { AppInfoProvider } from './app-info'
import { Shell } from './shell'

export function App() {
  return (
    <RoleProvider>
      <AppInfoProvider>
        <ConfirmProvider>
          <ToastProvider>
            <Shell />
          </ToastProvider>
        </ConfirmProvider>
      </AppInfoProvider>
    </RoleProvider>
  )
}

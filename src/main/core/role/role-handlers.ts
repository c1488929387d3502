import type { HandlerGroup } from '../api/handlers'
import type { RoleService } from './role-service'

export type RoleChannel =
  'role:status' | 'role:setPin' | 'role:enterFrontDesk' | 'role:leaveFrontDesk'

export const roleHandlers = (role: RoleService): HandlerGroup<RoleChannel> => ({
  'role:status': () => role.status(),
  'role:setPin': ({ pin }) => role.setPin(pin),
  'role:enterFrontDesk': () => role.enterFrontDesk(),
  'role:leaveFrontDesk': ({ pin }) => role.leaveFrontDesk(pin)
})

import { defineModule } from '../module'
import { roleHandlers } from './role-handlers'
import { RoleService } from './role-service'

/** This computer's role (practitioner or front desk) and the practitioner PIN. */
export const roleModule = defineModule({
  name: 'role',
  needs: [],
  create: ({ dataDir, clock, guard, warn }) => new RoleService({ dataDir, clock, guard, warn }),
  handlers: roleHandlers
})

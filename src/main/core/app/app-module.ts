import { defineModule } from '../module'

/** What the About screen and the read-only banner show: version, data folder, schema. */
export const appModule = defineModule({
  name: 'app',
  needs: [],
  create: (context) => ({ info: context.appInfo }),
  handlers: (app) => ({ 'app:info': () => app.info() })
})

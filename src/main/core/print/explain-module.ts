import type { HandlerGroup } from '../api/handlers'
import type { AtlasService } from '../atlas/atlas-service'
import { defineModule } from '../module'
import type { SettingsService } from '../settings/settings-service'
import { ExplainService } from './explain-service'

/** Explain mode's printed sheet (one page per muscle), through the print pipeline's ports. */
export const explainModule = defineModule({
  name: 'explain',
  needs: ['atlas', 'settings'],
  create: (
    { clock, platform },
    needs: { readonly atlas: AtlasService; readonly settings: SettingsService }
  ) =>
    new ExplainService({
      clock,
      atlas: needs.atlas,
      settings: needs.settings,
      ports: {
        pdf: platform.pdf,
        printer: platform.printer,
        chooseSavePath: platform.chooseSavePath
      }
    }),
  handlers: (explain: ExplainService): HandlerGroup<'explain:print' | 'explain:savePdf'> => ({
    'explain:print': (input) => explain.print(input),
    'explain:savePdf': (input) => explain.savePdf(input)
  })
})

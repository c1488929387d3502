import type { DiagramCache } from '../diagrams/diagram-cache'
import type { HandoutService } from '../handouts/handout-service'
import { defineModule } from '../module'
import type { SettingsService } from '../settings/settings-service'
import { printHandlers } from './print-handlers'
import { PrintService } from './print-service'

/** The one print pipeline: preview, print, save as PDF, and the print log. */
export const printModule = defineModule({
  name: 'print',
  needs: ['handouts', 'settings', 'diagrams'],
  create: (
    { db, clock, guard, warn, platform },
    needs: {
      readonly handouts: HandoutService
      readonly settings: SettingsService
      readonly diagrams: DiagramCache
    }
  ) =>
    new PrintService({
      db,
      clock,
      guard,
      warn,
      handouts: needs.handouts,
      settings: needs.settings,
      diagramSvg: (source) => needs.diagrams.get(source),
      ports: {
        pdf: platform.pdf,
        printer: platform.printer,
        chooseSavePath: platform.chooseSavePath,
        openPath: platform.openPath,
        showInFolder: platform.showInFolder
      }
    }),
  handlers: printHandlers
})

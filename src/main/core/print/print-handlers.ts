import type { HandlerGroup } from '../api/handlers'
import type { PrintService } from './print-service'

export type PrintChannel =
  | 'handouts:preview'
  | 'handouts:print'
  | 'handouts:savePdf'
  | 'handouts:openSaved'
  | 'printLog:list'
  | 'printLog:reprint'
  | 'settings:printers'

/** Preview, print, save as PDF, the print log and the printer list. */
export const printHandlers = (print: PrintService): HandlerGroup<PrintChannel> => ({
  'handouts:preview': (input) => print.preview(input),
  'handouts:print': (input) => print.print(input),
  'handouts:savePdf': (input) => print.savePdf(input),
  'handouts:openSaved': (input) => print.openSaved(input),
  'printLog:list': ({ limit }) => print.listLog(limit),
  'printLog:reprint': (input) => print.reprint(input),
  'settings:printers': () => print.listPrinters()
})

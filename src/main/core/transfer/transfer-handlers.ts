import type { HandlerGroup } from '../api/handlers'
import type { TransferService } from './transfer-service'

export type TransferChannel =
  'transfer:exportLibrary' | 'transfer:previewImport' | 'transfer:applyImport'

/** File → Export library…, Import library…. */
export const transferHandlers = (transfer: TransferService): HandlerGroup<TransferChannel> => ({
  'transfer:exportLibrary': () => transfer.exportLibrary(),
  'transfer:previewImport': () => transfer.previewImport(),
  'transfer:applyImport': ({ token }) => transfer.apply(token)
})

import type { Channel } from '../../../shared/api'

/**
 * What the front desk may call: the one table (docs/front-desk-role.md explains each choice).
 *
 * - `read`: reads only; open to everyone. The front desk reads the whole library.
 * - `front-desk`: writes the front desk needs: printing and saving PDFs (they write the print
 *   log), making a backup now (it only adds a safety copy), the diagram cache (drawing a diagram
 *   to read an article stores its picture, not content), and switching this computer's role.
 * - `practitioner`: every change to the clinic's content or settings; refused in front-desk mode.
 *
 * Fails closed: a channel missing here does not compile (`Unclassified` below), and at run time
 * anything not listed is treated as `practitioner` (role-guard.ts).
 */
export type ChannelAccess = 'read' | 'front-desk' | 'practitioner'

export const CHANNEL_POLICY = {
  'app:info': 'read',

  'articles:list': 'read',
  'articles:get': 'read',
  'articles:revisions': 'read',
  'articles:revision': 'read',
  'articles:tags': 'read',
  'articles:create': 'practitioner',
  'articles:update': 'practitioner',
  'articles:delete': 'practitioner',
  'articles:undelete': 'practitioner',
  'articles:restoreRevision': 'practitioner',
  'articles:resetToBuiltin': 'practitioner',

  'diagrams:get': 'read',
  'diagrams:put': 'front-desk',

  'atlas:map': 'read',
  'atlas:muscles': 'read',
  'atlas:muscle': 'read',
  'atlas:fromPain': 'read',
  'atlas:byRoots': 'read',
  'acupoints:list': 'read',
  'acupoints:get': 'read',
  'acupoints:find': 'read',

  'search:query': 'read',

  'handouts:list': 'read',
  'handouts:frontDesk': 'read',
  'handouts:get': 'read',
  'handouts:versions': 'read',
  'handouts:preview': 'read',
  'handouts:print': 'front-desk',
  'handouts:savePdf': 'front-desk',
  'handouts:openSaved': 'front-desk',
  'handouts:setHidden': 'practitioner',
  'handouts:create': 'practitioner',
  'handouts:save': 'practitioner',
  'handouts:addLanguage': 'practitioner',
  'handouts:approve': 'practitioner',
  'handouts:resetToBuiltin': 'practitioner',
  'printLog:list': 'read',
  'printLog:reprint': 'front-desk',
  // The patient's one-page "where your pain may come from" sheet: printing, like a handout.
  'explain:print': 'front-desk',
  'explain:savePdf': 'front-desk',

  'notes:list': 'read',
  'notes:get': 'read',
  'notes:revisions': 'read',
  'notes:getDraft': 'read',
  'notes:drafts': 'read',
  'notes:create': 'practitioner',
  'notes:update': 'practitioner',
  'notes:setTarget': 'practitioner',
  'notes:setPinned': 'practitioner',
  'notes:delete': 'practitioner',
  'notes:undelete': 'practitioner',
  'notes:restoreRevision': 'practitioner',
  'notes:saveDraft': 'practitioner',
  'notes:discardDraft': 'practitioner',

  'settings:getProfile': 'read',
  'settings:profileAt': 'read',
  'settings:printers': 'read',
  'settings:saveProfile': 'practitioner',
  'settings:setLogo': 'practitioner',
  'settings:clearLogo': 'practitioner',
  'settings:skipFirstStart': 'practitioner',

  'backups:status': 'read',
  'backups:create': 'front-desk',
  'backups:restore': 'practitioner',
  'backups:saveCopy': 'practitioner',
  'backups:chooseSecondFolder': 'practitioner',
  'backups:clearSecondFolder': 'practitioner',

  'transfer:exportLibrary': 'practitioner',
  'transfer:previewImport': 'practitioner',
  'transfer:applyImport': 'practitioner',

  'role:status': 'read',
  'role:enterFrontDesk': 'front-desk',
  'role:leaveFrontDesk': 'front-desk',
  'role:setPin': 'practitioner',

  'sync:status': 'read',
  'sync:conflicts': 'read',
  'sync:markSeen': 'practitioner',

  'network:status': 'read',
  'network:discover': 'read',
  'network:checkHub': 'read',
  'network:share': 'practitioner',
  'network:setHubPort': 'practitioner',
  'network:stopSharing': 'practitioner',
  'network:removeComputer': 'practitioner',
  'network:join': 'practitioner',
  'network:joinCouchDb': 'practitioner',
  'network:leave': 'practitioner'
} as const satisfies Readonly<Record<string, ChannelAccess>>

// A contract channel with no line above is a compile error here: classify it.
type Unclassified = Exclude<Channel, keyof typeof CHANNEL_POLICY>
const everyChannelClassified: [Unclassified] extends [never] ? true : Unclassified = true
void everyChannelClassified

/** The access a channel needs; anything unknown needs a practitioner (fail closed). */
export function accessOf(channel: string): ChannelAccess {
  return Object.prototype.hasOwnProperty.call(CHANNEL_POLICY, channel)
    ? ((CHANNEL_POLICY as Readonly<Record<string, ChannelAccess>>)[channel] ?? 'practitioner')
    : 'practitioner'
}

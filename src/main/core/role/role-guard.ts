import { ApiError } from '../../../shared/api/errors'
import type { ApiParsedInput, Channel } from '../../../shared/api'
import type { Handlers } from '../api/handlers'
import type { HandoutService } from '../handouts/handout-service'
import type { PrintService } from '../print/print-service'
import { accessOf } from './channel-policy'
import { FrontDeskVersions } from './front-desk-versions'
import type { RoleService } from './role-service'

export interface RoleGuardDeps {
  readonly role: RoleService
  readonly handouts: HandoutService
  readonly print: PrintService
}

export const FRONT_DESK_REFUSAL =
  'This computer is in front-desk mode, so only a practitioner can make this change. Switch to practitioner mode in Settings (the PIN is needed).'

type AnyHandler = (input: unknown) => unknown

/**
 * The role check on every channel (docs/front-desk-role.md): wraps the whole handler map once,
 * when the library opens, so the IPC handlers, the e2e harness and the tests all go through it.
 * In front-desk mode a `practitioner` channel is refused before its service runs (nothing is
 * read or written), and the handout channels see the approved versions only.
 */
export function guardByRole(handlers: Handlers, deps: RoleGuardDeps): Handlers {
  const views = frontDeskViews(handlers, deps)
  const guarded: Record<string, AnyHandler> = {}
  for (const channel of Object.keys(handlers) as Channel[]) {
    const handler = handlers[channel] as AnyHandler
    const access = accessOf(channel)
    const view = views[channel] as AnyHandler | undefined
    guarded[channel] = (input) => {
      if (!deps.role.frontDesk) return handler(input)
      if (access === 'practitioner') throw new ApiError('forbidden_role', FRONT_DESK_REFUSAL)
      return (view ?? handler)(input)
    }
  }
  return guarded as Handlers
}

type Views = { readonly [C in Channel]?: Handlers[C] }

/** The handout channels as the front desk sees them: approved versions first (FrontDeskVersions). */
function frontDeskViews(handlers: Handlers, deps: RoleGuardDeps): Views {
  const versions = new FrontDeskVersions(deps.handouts)
  const printed = <I extends { items: ApiParsedInput<'handouts:print'>['items'] }>(
    input: I
  ): I => ({
    ...input,
    items: versions.items(input.items)
  })
  return {
    'handouts:list': () => versions.summaries(deps.handouts.list()),
    'handouts:frontDesk': () => {
      const desk = deps.handouts.frontDesk()
      return { ...desk, handouts: versions.summaries(desk.handouts) }
    },
    'handouts:get': ({ id, lang, version }) => versions.get(id, lang, version),
    'handouts:versions': ({ id, lang }) =>
      versions.versions(id, lang, deps.handouts.versions(id, lang)),
    'handouts:preview': (input) => {
      if (input.draft !== undefined) throw new ApiError('forbidden_role', FRONT_DESK_REFUSAL)
      return handlers['handouts:preview'](printed(input))
    },
    'handouts:print': (input) => handlers['handouts:print'](printed(input)),
    'handouts:savePdf': (input) => handlers['handouts:savePdf'](printed(input)),
    'printLog:reprint': (input) => {
      for (const item of deps.print.log.get(input.id)?.items ?? []) {
        versions.assertAllowed(item.id, item.lang, item.version)
      }
      return handlers['printLog:reprint'](input)
    }
  }
}

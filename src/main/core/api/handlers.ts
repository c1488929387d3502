import type { ApiOutput, ApiParsedInput, Channel } from '../../../shared/api'

/** One service function per contract channel; inputs arrive already parsed by zod. */
export type Handlers = {
  readonly [C in Channel]: (input: ApiParsedInput<C>) => ApiOutput<C> | Promise<ApiOutput<C>>
}

/** A feature's share of the handler map. */
export type HandlerGroup<C extends Channel> = Pick<Handlers, C>

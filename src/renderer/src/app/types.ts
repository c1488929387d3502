import type { ComponentType, ReactNode } from 'react'
import type { SearchHit, SearchKind } from '../../../shared/api/search'
import type { RouteLocation, RouteMatch } from '../lib/router'

/** One screen: a path pattern ('/articles/:id') and what to draw for it. */
export interface RouteDef {
  readonly pattern: string
  readonly render: (match: RouteMatch) => ReactNode
}

export interface CommandContext {
  readonly readOnly: boolean
  readonly location: RouteLocation
}

/** An entry of the command palette. */
export interface Command {
  readonly id: string
  readonly label: string
  /** Extra words the palette filter matches ("create", "write"). */
  readonly keywords?: string
  /** Shown on the right ("Ctrl+S"). */
  readonly hint?: string
  /** Why it is unavailable, when it is (read-only library). */
  readonly disabledReason?: string
  readonly run: () => void | Promise<unknown>
}

/**
 * A top-level area of the app (Knowledge base today; Handouts, Atlas, Acupoints and Notes later).
 * Adding a feature is one entry in SECTIONS: its sidebar link, screens, palette commands and the
 * search-hit kinds it can open.
 */
export interface Section {
  readonly id: string
  readonly label: string
  readonly icon: ComponentType
  /** Where the sidebar link goes ('/articles'). */
  readonly path: string
  /** Paths under this prefix highlight the sidebar link. */
  readonly prefix: string
  readonly routes: readonly RouteDef[]
  readonly commands?: (context: CommandContext) => readonly Command[]
  /** Where a search hit of each kind this section owns opens. */
  readonly searchKinds?: Partial<Record<SearchKind, (hit: SearchHit) => string>>
}

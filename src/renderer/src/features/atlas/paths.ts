import { hrefWith } from '../../lib/router'

const enc = encodeURIComponent

export type AtlasMode = 'muscles' | 'pain' | 'roots'

export interface AtlasQuery {
  mode?: AtlasMode
  region?: string | null
  roots?: readonly string[]
  /** "front,115,215" */
  spot?: string | null
  zones?: boolean
  points?: boolean
}

/** Every address of the atlas, the acupoints and notes, in one place. */
export const atlasPaths = {
  atlas: (q: AtlasQuery = {}) =>
    hrefWith('/atlas', {
      mode: q.mode && q.mode !== 'muscles' ? q.mode : undefined,
      region: q.region ?? undefined,
      roots: q.roots && q.roots.length > 0 ? q.roots.join(',') : undefined,
      spot: q.spot ?? undefined,
      zones: q.zones ? 'all' : undefined,
      points: q.points ? '1' : undefined
    }),
  muscle: (id: string, tp?: string) =>
    tp ? `/atlas/muscles/${enc(id)}?tp=${enc(tp)}` : `/atlas/muscles/${enc(id)}`,
  roots: (roots: readonly string[]) => atlasPaths.atlas({ mode: 'roots', roots }),
  acupoints: (q: { meridian?: string; q?: string } = {}) => hrefWith('/acupoints', q),
  acupoint: (code: string) => `/acupoints/${enc(code)}`,
  notes: (filter?: string) => (filter ? hrefWith('/notes', { show: filter }) : '/notes'),
  note: (id: string) => `/notes/${enc(id)}`,
  /** The note's page with one version opened in its history. */
  noteRevision: (id: string, revision: number) => `/notes/${enc(id)}?revision=${revision}`,
  article: (id: string) => `/articles/${enc(id)}`
}

/** The article the atlas links to for the caveat about contested referral maps. */
export const CAVEAT_ARTICLE_ID = 'trigger-point-model-and-its-limits'

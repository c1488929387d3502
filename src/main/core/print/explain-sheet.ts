import type { MapMuscle } from '../../../shared/api/atlas'
import { silhouettePath } from '../../../shared/atlas/figure'
import { BACK_DETAILS, FRONT_DETAILS } from '../../../shared/atlas/figure-details'
import type { BodyView } from '../../../shared/atlas/landmarks'
import {
  EXPLAIN_NOTE,
  explainViews,
  LEGEND_SPOT,
  LEGEND_ZONE,
  patientMuscleName,
  SHEET_TITLE,
  VIEW_WORDS
} from '../../../shared/atlas/patient-words'
import type { PaperSize } from '../../../shared/handouts/paper'
import { buildPrintDocument } from './document'
import type { PrintProfile } from './document'
import { escapeHtml } from './escape'

/**
 * Explain mode's one-page sheet, "Where your pain may come from": the handouts' print document
 * (document.ts: the clinic header, fonts, footer, CSP) with a body of our own, the body map
 * drawn for paper with one muscle's trigger points and referred pain, and the plain words the
 * patient saw on the screen (shared/atlas/patient-words.ts). Every number in the drawing comes
 * from the atlas's checked content and every text is escaped.
 */
export interface ExplainSheetInput {
  readonly profile: PrintProfile
  readonly muscle: MapMuscle
  /** Shown in the footer like a handout's version (the muscle's content version). */
  readonly version: number
  readonly paper: PaperSize
  readonly printedAt: Date
}

/** Tall enough to read from across a desk, short enough to keep the sheet to one page. */
const FIGURE_HEIGHT_MM = 148
const FIGURE_WIDTH_MM = FIGURE_HEIGHT_MM * 0.4
const RED = '#b3261e'

export function buildExplainSheet(input: ExplainSheetInput): string {
  const { muscle } = input
  const body = explainBody(muscle)
  return buildPrintDocument(
    {
      profile: input.profile,
      items: [
        {
          id: `explain-${muscle.id}`,
          lang: 'en',
          title: SHEET_TITLE,
          body: '',
          version: input.version,
          approval: null
        }
      ],
      paper: input.paper,
      largePrint: false,
      printedAt: input.printedAt
    },
    // The body is ours, built and escaped here: no markdown is involved.
    () => body
  )
}

function explainBody(muscle: MapMuscle): string {
  const name = escapeHtml(patientMuscleName(muscle))
  const figures = explainViews(muscle)
    .map((view) => {
      const words = VIEW_WORDS[view]
      return (
        `<figure style="margin:0;width:${FIGURE_WIDTH_MM}mm">` +
        `<figcaption style="display:flex;justify-content:space-between;align-items:baseline;font-size:10pt">` +
        `<span>${words.left}</span><strong style="font-size:12pt">${words.title}</strong><span>${words.right}</span>` +
        `</figcaption>${figureSvg(muscle, view)}</figure>`
      )
    })
    .join('')
  return (
    `<p style="font-size:18pt;margin:0 0 4mm"><strong>${name}</strong></p>` +
    `<div style="display:flex;justify-content:center;gap:18mm;break-inside:avoid">${figures}</div>` +
    `<ul style="list-style:none;padding:0;margin:5mm 0 2mm;display:flex;justify-content:center;gap:10mm;font-size:12pt">` +
    `<li>${SPOT_KEY} ${LEGEND_SPOT}</li><li>${ZONE_KEY} ${LEGEND_ZONE}</li></ul>` +
    `<p style="text-align:center;font-size:12pt">${EXPLAIN_NOTE}</p>`
  )
}

const SPOT_KEY =
  `<svg viewBox="0 0 20 20" width="14" height="14" style="vertical-align:-2px" aria-hidden="true">` +
  `<circle cx="10" cy="10" r="8" fill="#fff" stroke="${RED}" stroke-width="2"/><circle cx="10" cy="10" r="5" fill="${RED}"/></svg>`
const ZONE_KEY =
  `<svg viewBox="0 0 30 20" width="21" height="14" style="vertical-align:-2px" aria-hidden="true">` +
  `<ellipse cx="15" cy="10" rx="14" ry="9" fill="${RED}" fill-opacity="0.45"/></svg>`

const num = (n: number): string => String(Math.round(n * 10) / 10)

/**
 * One view for paper: the silhouette and landmark lines as the screen draws them
 * (features/body-map), the zones as flat washes (gradients print unevenly), the trigger points as
 * red dots with a white ring. Colours are attributes, not CSS, so they survive any print setting.
 */
function figureSvg(muscle: MapMuscle, view: BodyView): string {
  const details = (view === 'front' ? FRONT_DETAILS : BACK_DETAILS)
    .map(
      (d) =>
        `<path d="${escapeHtml(d.d)}" fill="none" stroke="${d.weight === 'line' ? '#8d9aa0' : '#b9c3c7'}" stroke-width="1.6" stroke-linecap="round"/>`
    )
    .join('')
  const zones = muscle.triggerPoints
    .flatMap((tp) => tp.zones.filter((z) => z.view === view))
    .map(
      (z) =>
        `<ellipse cx="${num(z.cx)}" cy="${num(z.cy)}" rx="${num(z.rx)}" ry="${num(z.ry)}" fill="${RED}" fill-opacity="0.42"` +
        (z.rotate ? ` transform="rotate(${num(z.rotate)} ${num(z.cx)} ${num(z.cy)})"` : '') +
        '/>'
    )
    .join('')
  const spots = muscle.triggerPoints
    .flatMap((tp) => tp.markers.filter((m) => m.view === view))
    .map(
      (m) =>
        `<circle cx="${num(m.x)}" cy="${num(m.y)}" r="10" fill="#fff" stroke="${RED}" stroke-width="3"/>` +
        `<circle cx="${num(m.x)}" cy="${num(m.y)}" r="6.5" fill="${RED}"/>`
    )
    .join('')
  return (
    `<svg viewBox="0 0 400 1000" style="display:block;width:${FIGURE_WIDTH_MM}mm;height:${FIGURE_HEIGHT_MM}mm" role="img" aria-label="${escapeHtml(`${VIEW_WORDS[view].title} of the body`)}">` +
    `<path d="${silhouettePath(view)}" fill="#eef2f3" stroke="#5f6d73" stroke-width="2.2" stroke-linejoin="round"/>` +
    details +
    zones +
    spots +
    `</svg>`
  )
}

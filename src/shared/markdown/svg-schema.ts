import type { Schema } from 'hast-util-sanitize'

/**
 * What a rendered diagram may contain: the shapes, text and paint servers mermaid draws with
 * `htmlLabels: false` (labels as <text>/<tspan>), and nothing that can run, fetch or embed.
 * Property names are hast's (camelCase): `strokeWidth` is the `stroke-width` attribute.
 */

const PRESENTATION = [
  'className',
  'style',
  'transform',
  'opacity',
  'display',
  'visibility',
  'color',
  'fill',
  'fillOpacity',
  'fillRule',
  'stroke',
  'strokeWidth',
  'strokeDashArray',
  'strokeDashOffset',
  'strokeLineCap',
  'strokeLineJoin',
  'strokeMiterLimit',
  'strokeOpacity',
  'vectorEffect',
  'clipPath',
  'clipRule',
  'markerStart',
  'markerMid',
  'markerEnd',
  'fontFamily',
  'fontSize',
  'fontStyle',
  'fontWeight',
  'textAnchor',
  'textDecoration',
  'dominantBaseline',
  'alignmentBaseline',
  'letterSpacing',
  'wordSpacing'
]

const GEOMETRY = [
  'x',
  'y',
  'dx',
  'dy',
  'width',
  'height',
  'rx',
  'ry',
  'r',
  'cx',
  'cy',
  'x1',
  'y1',
  'x2',
  'y2',
  'd',
  'points',
  'pathLength',
  'textLength',
  'lengthAdjust',
  'rotate'
]

const ACCESSIBILITY = [
  'role',
  'ariaLabel',
  'ariaLabelledBy',
  'ariaDescribedBy',
  'ariaRoleDescription',
  'ariaHidden'
]

/** Elements that are dropped with everything inside them (not unwrapped). */
const DROPPED_WITH_CONTENT = [
  'script',
  'foreignObject',
  'iframe',
  'object',
  'embed',
  'noscript',
  'template',
  'math',
  'image',
  'animate',
  'animateMotion',
  'animateTransform',
  'set',
  'handler',
  'listener'
]

export const svgSchema: Schema = {
  tagNames: [
    'svg',
    'g',
    'path',
    'rect',
    'circle',
    'ellipse',
    'line',
    'polyline',
    'polygon',
    'text',
    'tspan',
    'defs',
    'marker',
    'style',
    'title',
    'desc',
    'linearGradient',
    'stop',
    'clipPath',
    'use'
  ],
  attributes: {
    '*': ['id', 'data*', 'lang', ...PRESENTATION, ...GEOMETRY, ...ACCESSIBILITY],
    svg: ['xmlns', 'xmlnsXLink', 'viewBox', 'preserveAspectRatio', 'version'],
    marker: [
      'viewBox',
      'preserveAspectRatio',
      'refX',
      'refY',
      'markerUnits',
      'markerWidth',
      'markerHeight',
      'orient'
    ],
    linearGradient: ['gradientUnits', 'gradientTransform', 'spreadMethod', 'href', 'xLinkHref'],
    stop: ['offset', 'stopColor', 'stopOpacity'],
    clipPath: ['clipPathUnits'],
    // Only fragment references survive (enforced after sanitizing, in sanitize-svg.ts).
    use: ['href', 'xLinkHref']
  },
  // Ids stay as they are: markers, gradients and the diagram's own <style> refer to them.
  clobber: [],
  clobberPrefix: '',
  protocols: {},
  strip: DROPPED_WITH_CONTENT,
  allowComments: false,
  allowDoctypes: false
}

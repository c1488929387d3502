import { paperLabel } from '../../../shared/handouts/paper'
import type { PaperSize } from '../../../shared/handouts/paper'
import { cssString } from './escape'

/**
 * Print CSS. Sizes in pt so the PDF matches what we assert: body 12 pt (large print 16 pt, H2),
 * margins wide enough for the footer, boxes/tables/figures never split (P4), no orphans or widows,
 * and CJK line breaking by the strict rules (no line starts with 。or ，). An empty table cell is a
 * box to write in (the consent form's signature rows): tall enough for a signature, and a blank
 * profile or patient field inside a cell draws no extra rule.
 */
export interface PageFooter {
  /** The named page this footer belongs to (one per handout in the document). */
  readonly pageName: string
  readonly lines: readonly string[]
  readonly pageLabel: readonly [string, string, string]
  readonly fontFamily: string
  /**
   * In a pack: the document page this handout starts on and how many pages it has, so its pages
   * read "Page 1 of 2" on their own (a counter style maps document pages onto the handout's).
   */
  readonly ownPages?: { readonly first: number; readonly count: number }
}

export const BODY_PT = 12
export const LARGE_BODY_PT = 16

export function printCss(options: {
  paper: PaperSize
  largePrint: boolean
  fontFamily: string
  footers: readonly PageFooter[]
}): string {
  const body = options.largePrint ? LARGE_BODY_PT : BODY_PT
  const small = options.largePrint ? 11 : 8.5
  const size = paperLabel(options.paper)
  const pages = options.footers
    .map((f) => {
      const [before, middle, after] = f.pageLabel
      const own = f.ownPages
      const counterStyle =
        own === undefined
          ? ''
          : `@counter-style pb-${f.pageName}{system:fixed ${own.first};symbols:${Array.from(
              { length: own.count },
              (_v, n) => `"${n + 1}"`
            ).join(' ')};}\n`
      const numbers =
        own === undefined
          ? `counter(page) ${cssString(middle)} counter(pages)`
          : `counter(page, pb-${f.pageName}) ${cssString(`${middle}${own.count}`)}`
      return (
        counterStyle +
        `@page ${f.pageName}{` +
        `@bottom-left{content:${cssString(f.lines.join('\n'))};white-space:pre-wrap;` +
        `font-family:${f.fontFamily};font-size:${small}pt;line-height:1.35;color:#333;` +
        `vertical-align:top;padding-top:3mm;}` +
        `@bottom-right{content:${cssString(before)} ${numbers} ${cssString(after)};` +
        `font-family:${f.fontFamily};font-size:${small + 1}pt;color:#111;vertical-align:top;` +
        `padding-top:3mm;white-space:nowrap;}}\n` +
        `.${f.pageName}{page:${f.pageName};}`
      )
    })
    .join('\n')
  return `
@page{size:${size};margin:15mm 17mm ${options.largePrint ? 28 : 23}mm 17mm;}
${pages}
*{box-sizing:border-box;}
html{font-family:${options.fontFamily};color:#111;-webkit-print-color-adjust:exact;print-color-adjust:exact;}
body{margin:0;font-size:${body}pt;line-height:1.4;orphans:3;widows:3;overflow-wrap:break-word;}
.handout{break-before:page;}
.handout:first-child{break-before:auto;}
.clinic{display:flex;align-items:center;gap:5mm;border-bottom:1.5pt solid #1f4e79;padding-bottom:3mm;margin-bottom:5mm;break-inside:avoid;}
.clinic .logo{max-height:${options.largePrint ? 22 : 18}mm;max-width:50mm;object-fit:contain;flex:none;}
.clinic-name{font-size:${body + 3}pt;font-weight:700;margin:0;color:#1f4e79;}
.clinic-contact{font-size:${Math.max(body - 2, 10)}pt;margin:1mm 0 0;}
.clinic-contact span{display:inline-block;max-width:100%;overflow-wrap:anywhere;}
.patient{font-size:${body}pt;margin:0 0 3mm;}
h1{font-size:${body + 9}pt;line-height:1.2;margin:0 0 4mm;break-after:avoid;}
h2{font-size:${body + 4}pt;line-height:1.25;margin:5mm 0 1.5mm;break-after:avoid;}
h3,h4,h5,h6{font-size:${body + 1}pt;margin:4mm 0 1.5mm;break-after:avoid;}
p{margin:0 0 2mm;}
ul,ol{margin:0 0 3mm;padding-left:7mm;}
li{margin:0 0 1mm;break-inside:avoid;}
a{color:inherit;text-decoration:none;}
blockquote{margin:4mm 0;padding:3mm 4mm;border:1.5pt solid #1f4e79;border-radius:2mm;background:#eef3f8;break-inside:avoid;}
blockquote>:last-child{margin-bottom:0;}
blockquote.urgent{margin:4mm 0 5mm;padding:2mm 3.5mm 2.5mm;border:3pt solid #000;border-left-width:8pt;border-radius:0;background:#fff;color:#000;}
.urgent h2,.urgent h3{display:flex;align-items:center;gap:2mm;font-size:${body + 4}pt;line-height:1.2;margin:0 0 1.5mm;}
.urgent-icon{display:block;flex:none;width:1.3em;height:1.2em;}
blockquote.urgent>.urgent-icon{float:left;width:${body * 2}pt;height:${body * 1.85}pt;margin:0 3mm 1mm 0;}
.urgent p,.urgent ul{margin-bottom:1.5mm;}
.urgent li{margin-bottom:0.5mm;}
table{border-collapse:collapse;width:100%;margin:3mm 0;break-inside:avoid;}
th,td{border:0.75pt solid #777;padding:1.5mm 2mm;text-align:left;vertical-align:top;}
td:empty{height:${options.largePrint ? 16 : 13}mm;}
table:has(td:empty){table-layout:fixed;background:#fff;}
table:has(td:empty) tr>:first-child{width:30%;}
table:has(td:empty) tr>:nth-child(2){width:26%;}
table:has(td:empty) tr>:last-child{width:16%;}
td .blank{display:none;}
figure,.diagram,pre{break-inside:avoid;margin:4mm 0;}
figure svg,.diagram svg,img{max-width:100%;}
.diagram svg{max-height:190mm;height:auto;}
pre{white-space:pre-wrap;font-family:inherit;}
.nowrap{white-space:nowrap;}
.blank{display:inline-block;min-width:45mm;border-bottom:0.75pt solid #111;}
.handout:lang(zh){line-break:strict;word-break:normal;line-height:1.6;}
`
}

/**
 * Mermaid's colours from the app's own (styles/base.css): teal-edged pale nodes on white, the
 * app's text colour, muted lines, notes in the warning yellow. Mermaid needs literal colours, so
 * they are read from the CSS custom properties when mermaid first loads; the fallbacks are the
 * same values, for a page without the stylesheet.
 */
const APP_COLOURS = {
  '--color-surface': '#ffffff',
  '--color-bg': '#f6f7f7',
  '--color-sunken': '#eef1f1',
  '--color-text': '#1c2428',
  '--color-muted': '#4e5a60',
  '--color-border-strong': '#9aa6ab',
  '--color-accent': '#0b5f66',
  '--color-accent-soft': '#e3f0f0',
  '--color-warning-soft': '#fff4d8',
  '--color-warning-text': '#5a4100'
} as const

type AppColour = keyof typeof APP_COLOURS

/** `read` gives a custom property's value ('' when unset). */
export function diagramThemeVariables(
  read: (property: AppColour) => string = readFromDocument
): Record<string, string> {
  const c = (property: AppColour) => read(property).trim() || APP_COLOURS[property]
  return {
    background: c('--color-surface'),
    primaryColor: c('--color-accent-soft'),
    primaryBorderColor: c('--color-accent'),
    primaryTextColor: c('--color-text'),
    secondaryColor: c('--color-sunken'),
    secondaryBorderColor: c('--color-border-strong'),
    secondaryTextColor: c('--color-text'),
    tertiaryColor: c('--color-surface'),
    tertiaryBorderColor: c('--color-border-strong'),
    tertiaryTextColor: c('--color-text'),
    mainBkg: c('--color-accent-soft'),
    nodeBorder: c('--color-accent'),
    nodeTextColor: c('--color-text'),
    lineColor: c('--color-muted'),
    textColor: c('--color-text'),
    titleColor: c('--color-text'),
    edgeLabelBackground: c('--color-surface'),
    clusterBkg: c('--color-bg'),
    clusterBorder: c('--color-border-strong'),
    noteBkgColor: c('--color-warning-soft'),
    noteTextColor: c('--color-warning-text'),
    noteBorderColor: c('--color-warning-text')
  }
}

function readFromDocument(property: AppColour): string {
  return getComputedStyle(document.documentElement).getPropertyValue(property)
}

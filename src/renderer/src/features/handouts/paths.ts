const enc = encodeURIComponent

/** On a handout's address: its versions list is opened and brought into view. */
export const VERSIONS_QUERY = 'versions'

/** Every handout-related address in one place. */
export const handoutPaths = {
  list: () => '/handouts',
  handout: (id: string, lang: string) => `/handouts/${enc(id)}/${enc(lang)}`,
  versions: (id: string, lang: string) =>
    `/handouts/${enc(id)}/${enc(lang)}?${VERSIONS_QUERY}=open`,
  edit: (id: string, lang: string) => `/handouts/${enc(id)}/${enc(lang)}/edit`,
  addLanguage: (id: string) => `/handouts/${enc(id)}/add-language`,
  create: () => '/handouts/new',
  log: () => '/print-log',
  frontDesk: () => '/front-desk',
  settings: () => '/settings',
  backups: () => '/settings/backups'
}

const enc = encodeURIComponent

/** Every handout-related address in one place. */
export const handoutPaths = {
  list: () => '/handouts',
  handout: (id: string, lang: string) => `/handouts/${enc(id)}/${enc(lang)}`,
  edit: (id: string, lang: string) => `/handouts/${enc(id)}/${enc(lang)}/edit`,
  addLanguage: (id: string) => `/handouts/${enc(id)}/add-language`,
  create: () => '/handouts/new',
  log: () => '/print-log',
  frontDesk: () => '/front-desk',
  settings: () => '/settings',
  backups: () => '/settings/backups'
}

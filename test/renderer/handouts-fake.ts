import { buildBridge } from '../../src/shared/api'
import type { ApiResult, Channel } from '../../src/shared/api'
import type { HandoutSummary, PrintLogEntry } from '../../src/shared/api/handouts'
import type { ClinicProfile } from '../../src/shared/api/settings'

/** A tiny stand-in core for the handout screens: canned answers, every call recorded. */
export function installHandoutBridge(
  overrides: Partial<Record<Channel, (input: never) => unknown>> = {}
) {
  const calls: Array<{ channel: Channel; input: unknown }> = []
  const answers: Partial<Record<Channel, (input: never) => unknown>> = {
    'settings:getProfile': () => PROFILE,
    'settings:printers': () => [],
    'handouts:list': () => HANDOUTS,
    'handouts:preview': () => ({ pdfBase64: 'JVBERi0xLjQK', pageCount: 2 }),
    'handouts:savePdf': () => ({ status: 'saved', path: '/tmp/x.pdf', logId: 1, pageCount: 4 }),
    'handouts:print': () => ({ status: 'printed', path: null, logId: 2, pageCount: 0 }),
    'printLog:list': () => LOG,
    'printLog:reprint': () => ({ status: 'printed', path: null, logId: 3, pageCount: 0 }),
    ...overrides
  }
  const bridge = buildBridge(async (channel, input): Promise<ApiResult<unknown>> => {
    calls.push({ channel, input })
    const answer = answers[channel]
    if (!answer)
      return { ok: false, error: { code: 'not_found', message: `No fake for ${channel}` } }
    try {
      return { ok: true, value: await answer(input as never) }
    } catch (error) {
      const data = error as { code?: string; message?: string }
      return {
        ok: false,
        error: { code: (data.code ?? 'internal') as 'internal', message: data.message ?? 'failed' }
      }
    }
  })
  Object.defineProperty(window, 'pointbook', { value: bridge, configurable: true, writable: true })
  return { calls }
}

export const PROFILE: ClinicProfile = {
  name: 'Harbourview Physio',
  address: '',
  phone: '604-555-0142',
  email: '',
  website: '',
  practitioners: ['Dr. A. Chen'],
  defaultPaper: 'a4',
  defaultLang: 'en',
  footerLine: '',
  printerName: null,
  startScreen: 'front-desk',
  logo: null,
  revision: 3,
  isSet: true
}

const lang = (l: string, title: string, reviewStatus: 'approved' | 'needs-review') => ({
  lang: l,
  title,
  version: 1,
  reviewStatus,
  isBuiltin: true,
  isModified: false
})

const handout = (id: string, en: string, fr: string, zh: boolean): HandoutSummary => ({
  id,
  title: en,
  summary: '',
  isBuiltin: true,
  langs: [
    lang('en', en, 'approved'),
    lang('fr-CA', fr, 'needs-review'),
    ...(zh ? [lang('zh-Hans', `${en} (zh)`, 'needs-review' as const)] : [])
  ]
})

export const HANDOUTS: HandoutSummary[] = [
  handout(
    'acupuncture-vs-ims',
    'Acupuncture and IMS: what is the difference?',
    'Acupuncture et IMS',
    true
  ),
  handout('first-ims-visit', 'Your first IMS visit', 'Votre première séance d’IMS', true),
  handout('after-ims', 'After your IMS treatment', 'Après votre traitement d’IMS', true),
  handout(
    'first-acupuncture-visit',
    'Your first acupuncture visit',
    'Première séance d’acupuncture',
    false
  ),
  handout('after-acupuncture', 'After your acupuncture treatment', 'Après l’acupuncture', true),
  handout('before-your-treatment', 'Before your treatment', 'Avant votre traitement', true)
]

export const LOG: PrintLogEntry[] = [
  {
    id: 7,
    printedAt: '2026-03-14T15:00:00.000Z',
    output: 'pdf',
    paper: 'a4',
    copies: 2,
    largePrint: true,
    pageCount: 5,
    items: [{ id: 'after-ims', lang: 'fr-CA', version: 1, title: 'Après votre traitement d’IMS' }]
  }
]

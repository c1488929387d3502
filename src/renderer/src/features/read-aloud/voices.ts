/** A voice as the reader needs it: the Web Speech API's SpeechSynthesisVoice, minus the browser. */
export interface VoiceInfo {
  /** voiceURI: unique among the computer's voices. */
  readonly id: string
  readonly name: string
  /** BCP 47 tag as the system gives it: `en-US`, `fr-FR`, `cmn`, `zh-CN`… */
  readonly lang: string
  /** Speaks on this computer. A remote voice would send the handout's text over the network. */
  readonly localService: boolean
  readonly isDefault: boolean
}

/**
 * Voice tags that read each handout language well, best first (lower case). A Canadian French
 * handout is read by any French voice; Simplified Chinese by a Mandarin one (espeak-ng calls it
 * `cmn`), never a Cantonese (`yue`, `zh-HK`) one, which would read the characters in another
 * spoken language.
 */
const PREFERRED: Record<string, readonly string[]> = {
  en: ['en-ca', 'en-us', 'en-gb', 'en'],
  fr: ['fr-ca', 'fr-fr', 'fr'],
  zh: ['zh-cn', 'cmn-cn', 'cmn', 'zh-hans', 'zh-sg', 'cmn-hans', 'zh', 'zh-tw', 'cmn-tw']
}
const SPOKEN_AS: Record<string, readonly string[]> = { zh: ['zh', 'cmn'] }
const NOT_FOR: Record<string, RegExp> = { zh: /^(yue|zh-(hk|mo|yue))/ }

const normalize = (tag: string): string => tag.replace(/_/g, '-').toLowerCase()
const primaryOf = (lang: string): string => normalize(lang).split('-')[0] ?? ''

/**
 * The voice to read a handout in `lang`: only voices that speak on this computer (never a remote
 * one), best match by tag, then the system's default among equals, then the list's order.
 * Null when no local voice speaks the language.
 */
export function chooseVoice(voices: readonly VoiceInfo[], lang: string): VoiceInfo | null {
  const primary = primaryOf(lang)
  const preferred = [normalize(lang), ...(PREFERRED[primary] ?? [primary])]
  const spokenAs = SPOKEN_AS[primary] ?? [primary]
  const excluded = NOT_FOR[primary]
  let best: { voice: VoiceInfo; rank: number } | null = null
  for (const voice of voices) {
    if (!voice.localService) continue
    const tag = normalize(voice.lang)
    if (excluded?.test(tag) === true || !spokenAs.includes(primaryOf(tag))) continue
    const exact = preferred.indexOf(tag)
    const rank = (exact === -1 ? preferred.length : exact) * 2 + (voice.isDefault ? 0 : 1)
    if (best === null || rank < best.rank) best = { voice, rank }
  }
  return best?.voice ?? null
}

const LANGUAGE_NAMES: Record<string, string> = {
  en: 'English',
  fr: 'French',
  zh: 'Chinese (Mandarin)'
}

/** What to tell the clinic when no voice reads this language, and how to add one. */
export function noVoiceMessage(lang: string): { title: string; help: string } {
  const name = LANGUAGE_NAMES[primaryOf(lang)] ?? `“${lang}”`
  return {
    title: `No ${name} voice is installed on this computer.`,
    help:
      `To add one: on Windows, Settings → Time & language → Speech → Add voices; on a Mac, ` +
      `System Settings → Accessibility → Spoken Content → System voice → Manage voices; on ` +
      `Linux, install speech-dispatcher and espeak-ng. Then restart Pointbook.`
  }
}

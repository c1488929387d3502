import type { VoiceInfo } from './voices'

export interface UtteranceEvents {
  /** The voice began this text (the moment to highlight it). */
  readonly onStart: () => void
  readonly onEnd: () => void
  /** `error` is the Web Speech API's code ("synthesis-failed", "interrupted"…). */
  readonly onError: (error: string) => void
}

/**
 * What the reader needs of a speech synthesizer. The browser's speechSynthesis is one
 * (browserSpeechEngine); tests give the reader their own, so its logic runs without a voice.
 */
export interface SpeechEngine {
  /** The same array until the list changes (a store for React's useSyncExternalStore). */
  readonly voices: () => readonly VoiceInfo[]
  /** Calls `listener` when the list of voices changes; returns the unsubscribe. */
  readonly onVoicesChanged: (listener: () => void) => () => void
  /** Speaks one text in the voice with this id; the reader queues one sentence at a time. */
  speak(text: string, voiceId: string, rate: number, events: UtteranceEvents): void
  /** Stops speaking and drops whatever is queued. */
  cancel(): void
}

/**
 * The Web Speech API's speechSynthesis: the operating system's voices, in the renderer, with no
 * network (only voices with `localService` are ever chosen, see chooseVoice). Null where the
 * page has no speechSynthesis.
 */
export function browserSpeechEngine(): SpeechEngine | null {
  const synth = globalThis.speechSynthesis as SpeechSynthesis | undefined
  if (synth === undefined || typeof globalThis.SpeechSynthesisUtterance !== 'function') return null
  // Chromium can collect an utterance that nothing references before its events fire.
  let current: SpeechSynthesisUtterance | null = null
  const toInfo = (voice: SpeechSynthesisVoice): VoiceInfo => ({
    id: voice.voiceURI,
    name: voice.name,
    lang: voice.lang,
    localService: voice.localService,
    isDefault: voice.default
  })
  let voices: readonly VoiceInfo[] | null = null
  synth.addEventListener('voiceschanged', () => (voices = null))
  return {
    voices: () => (voices ??= synth.getVoices().map(toInfo)),
    onVoicesChanged: (listener) => {
      synth.addEventListener('voiceschanged', listener)
      return () => synth.removeEventListener('voiceschanged', listener)
    },
    speak(text, voiceId, rate, events) {
      const utterance = new SpeechSynthesisUtterance(text)
      const system = synth.getVoices().find((v) => v.voiceURI === voiceId)
      if (system === undefined || !system.localService) {
        events.onError('voice-unavailable')
        return
      }
      utterance.voice = system
      utterance.lang = system.lang
      utterance.rate = rate
      utterance.onstart = () => events.onStart()
      utterance.onend = () => {
        if (current === utterance) current = null
        events.onEnd()
      }
      utterance.onerror = (event) => {
        if (current === utterance) current = null
        events.onError(event.error)
      }
      current = utterance
      synth.speak(utterance)
    },
    cancel: () => {
      current = null
      synth.cancel()
    }
  }
}

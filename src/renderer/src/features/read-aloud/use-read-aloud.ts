import { useEffect, useMemo, useState, useSyncExternalStore } from 'react'
import { INITIAL_READER_STATE, Reader } from './reader'
import type { ReaderState } from './reader'
import type { SpeechEngine } from './speech-engine'
import type { VoiceInfo } from './voices'

/**
 * How long an empty voice list may still be the system loading its voices (Chromium lists them
 * after a 'voiceschanged') before the screen says none is installed. Only the message waits: the
 * Play button works at once.
 */
const VOICES_GRACE_MS = 5000

const NO_VOICES: readonly VoiceInfo[] = []
const noSubscription = () => () => undefined

/** The computer's voices, kept current; `settled` once the list can be trusted to be complete. */
export function useVoices(engine: SpeechEngine | null): {
  voices: readonly VoiceInfo[]
  settled: boolean
} {
  const voices = useSyncExternalStore(
    engine === null ? noSubscription : engine.onVoicesChanged,
    engine === null ? () => NO_VOICES : engine.voices
  )
  const [waited, setWaited] = useState(false)
  useEffect(() => {
    const timer = window.setTimeout(() => setWaited(true), VOICES_GRACE_MS)
    return () => window.clearTimeout(timer)
  }, [])
  return { voices, settled: engine === null || voices.length > 0 || waited }
}

/** A Reader for these sentences in this voice, and its state; silence when any of them changes. */
export function useReader(
  engine: SpeechEngine | null,
  sentences: readonly string[],
  voiceId: string | null,
  rate: number
): { reader: Reader | null; state: ReaderState } {
  // The state is kept with the reader it came from: a new reader starts from the initial state.
  const [reported, setReported] = useState<{ from: Reader; state: ReaderState } | null>(null)
  const reader = useMemo(() => {
    if (engine === null || voiceId === null) return null
    const made: Reader = new Reader(engine, sentences, voiceId, (state) =>
      setReported({ from: made, state })
    )
    return made
  }, [engine, sentences, voiceId])
  useEffect(() => () => reader?.dispose(), [reader])
  useEffect(() => reader?.setRate(rate), [reader, rate])
  const state =
    reported !== null && reported.from === reader ? reported.state : INITIAL_READER_STATE
  return { reader, state }
}

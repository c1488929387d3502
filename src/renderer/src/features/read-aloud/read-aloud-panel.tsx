import { useEffect, useMemo, useRef, useState } from 'react'
import { browserSpeechEngine } from './speech-engine'
import { readingScript, spokenFields } from './script'
import type { FieldValues, ReadingScript } from './script'
import { chooseVoice, noVoiceMessage } from './voices'
import { useReader, useVoices } from './use-read-aloud'
import type { ReaderState } from './reader'
import type { ClinicProfile } from '../../../../shared/api/settings'
import './read-aloud.css'

const SPEEDS = [
  { rate: 0.8, label: 'Slower' },
  { rate: 1, label: 'Normal' },
  { rate: 1.25, label: 'Faster' }
] as const

interface ReadAloudPanelProps {
  readonly handout: { readonly title: string; readonly body: string; readonly lang: string }
  readonly profile: ClinicProfile
  /** As chosen for printing: read where the handout names them. */
  readonly practitioner: string
  readonly patientName: string
}

/** What a handout says for the clinic's name until the clinic profile is saved with one. */
const UNNAMED_CLINIC: Record<string, string> = { en: 'the clinic', fr: 'la clinique', zh: '诊所' }

/**
 * "Read aloud": the handout in its language in one of the computer's own voices, sentence by
 * sentence, with the sentence being read highlighted in a text view of the handout (the preview
 * is drawn pages, which cannot show a highlight).
 */
export function ReadAloudPanel({
  handout,
  profile,
  practitioner,
  patientName
}: ReadAloudPanelProps) {
  const engine = useMemo(() => browserSpeechEngine(), [])
  const { voices, settled } = useVoices(engine)
  const voice = chooseVoice(voices, handout.lang)
  const [rate, setRate] = useState(1)
  const script = useMemo(() => {
    const unnamed = !profile.isSet || profile.name.trim() === ''
    const fields: FieldValues = {
      clinicName: unnamed
        ? (UNNAMED_CLINIC[handout.lang.split('-')[0] ?? ''] ?? UNNAMED_CLINIC.en ?? '')
        : profile.name,
      address: profile.address.split(/\r?\n/).filter(Boolean).join(', '),
      phone: profile.phone,
      email: profile.email,
      website: profile.website,
      practitioner: practitioner.trim(),
      patientName: patientName.trim(),
      date: new Date()
    }
    return readingScript(handout, spokenFields(fields, handout.lang))
  }, [handout, profile, practitioner, patientName])
  const { reader, state } = useReader(engine, script.sentences, voice?.id ?? null, rate)
  const [tried, setTried] = useState(false)
  const missing = reader === null && (settled || tried)
  const active = state.status === 'reading' || state.status === 'paused'
  const total = script.sentences.length

  const primary = () => {
    setTried(true)
    if (reader === null) return
    if (state.status === 'reading') reader.pause()
    else if (state.status === 'paused') reader.resume()
    else reader.play()
  }

  return (
    <section className="panel read-aloud" aria-labelledby="read-aloud-title">
      <h2 id="read-aloud-title">Read aloud</h2>
      {missing ? (
        <MissingVoice lang={handout.lang} noEngine={engine === null} />
      ) : (
        <p className="muted read-aloud__voice">
          {voice === null ? 'Looking for the voices on this computer…' : `Voice: ${voice.name}`}
        </p>
      )}
      <div className="toolbar read-aloud__controls">
        <button
          type="button"
          className="button button--primary"
          onClick={primary}
          disabled={missing}
        >
          {state.status === 'reading' ? 'Pause' : state.status === 'paused' ? 'Resume' : 'Play'}
        </button>
        <button type="button" className="button" onClick={() => reader?.stop()} disabled={!active}>
          Stop
        </button>
        <button
          type="button"
          className="button"
          onClick={() => reader?.skip(-1)}
          disabled={!active || (state.current ?? state.next) === 0}
          aria-label="Back one sentence"
        >
          ← Back
        </button>
        <button
          type="button"
          className="button"
          onClick={() => reader?.skip(1)}
          disabled={!active || (state.current ?? state.next) >= total - 1}
          aria-label="Next sentence"
        >
          Next →
        </button>
      </div>
      <div className="field read-aloud__speed">
        <label htmlFor="read-aloud-speed">Speed</label>
        <select
          id="read-aloud-speed"
          value={rate}
          onChange={(event) => setRate(Number(event.target.value))}
        >
          {SPEEDS.map((speed) => (
            <option key={speed.rate} value={speed.rate}>
              {speed.label}
            </option>
          ))}
        </select>
      </div>
      <div className="read-aloud__progress">
        <p className="read-aloud__status" role="status">
          {statusText(state)}
        </p>
        <p className="muted read-aloud__position">
          {active && state.current !== null ? `Sentence ${state.current + 1} of ${total}` : ''}
        </p>
      </div>
      <ScriptView script={script} state={state} />
    </section>
  )
}

function MissingVoice({ lang, noEngine }: { lang: string; noEngine: boolean }) {
  const message = noVoiceMessage(lang)
  return (
    <div className="notice notice--warning" role="note">
      <p>
        <strong>
          {noEngine ? 'This window cannot read aloud (it has no speech engine).' : message.title}
        </strong>
      </p>
      {!noEngine && <p>{message.help}</p>}
    </div>
  )
}

/**
 * Announced politely when reading starts, pauses, stops or ends; the sentence count changes every
 * few seconds and stays out of the live region, or a screen reader would talk over the voice.
 */
function statusText(state: ReaderState): string {
  switch (state.status) {
    case 'reading':
      return 'Reading aloud.'
    case 'paused':
      return 'Paused.'
    case 'finished':
      return 'Finished reading.'
    case 'failed':
      return `The voice stopped with an error (${state.error ?? 'unknown'}). Press Play to try again.`
    case 'idle':
      return ''
  }
}

/** The handout's text, the sentence being read marked and kept in view inside the box. */
function ScriptView({ script, state }: { script: ReadingScript; state: ReaderState }) {
  const box = useRef<HTMLDivElement>(null)
  const active = state.status === 'reading' || state.status === 'paused'
  const current = active ? state.current : null
  useEffect(() => {
    const container = box.current
    const mark = container?.querySelector<HTMLElement>('mark')
    if (!container || !mark) return
    // Scroll the box only, never the page: the controls stay where the hand is.
    const top = mark.offsetTop - container.offsetTop
    if (
      top < container.scrollTop ||
      top + mark.offsetHeight > container.scrollTop + container.clientHeight
    ) {
      container.scrollTop = Math.max(0, top - container.clientHeight / 3)
    }
  }, [current])
  return (
    <div
      ref={box}
      className="read-aloud__text"
      lang={script.lang}
      role="region"
      aria-label="Text read aloud"
      // Focusable so the box can be scrolled from the keyboard.
      tabIndex={0}
    >
      {script.blocks.map((block, b) => (
        <p key={b} className={`read-aloud__block read-aloud__block--${block.kind}`}>
          {block.sentences.map((sentence, s) => (
            <span key={sentence.index}>
              {s > 0 && (script.lang.startsWith('zh') ? '' : ' ')}
              {sentence.index === current ? (
                <mark className="read-aloud__current" data-sentence={sentence.index}>
                  {sentence.text}
                </mark>
              ) : (
                <span data-sentence={sentence.index}>{sentence.text}</span>
              )}
            </span>
          ))}
        </p>
      ))}
    </div>
  )
}

import { describe, expect, it } from 'vitest'
import { Reader } from '../../src/renderer/src/features/read-aloud/reader'
import type { ReaderState } from '../../src/renderer/src/features/read-aloud/reader'
import type {
  SpeechEngine,
  UtteranceEvents
} from '../../src/renderer/src/features/read-aloud/speech-engine'
import { chooseVoice, noVoiceMessage } from '../../src/renderer/src/features/read-aloud/voices'
import type { VoiceInfo } from '../../src/renderer/src/features/read-aloud/voices'

/**
 * A speech engine driven by the test: it records what it is asked, and the test decides when an
 * utterance starts, ends or fails, in the order a real synthesizer would.
 */
class ScriptedEngine implements SpeechEngine {
  readonly calls: string[] = []
  readonly spoken: { text: string; voiceId: string; rate: number; events: UtteranceEvents }[] = []
  voices = (): readonly VoiceInfo[] => []
  onVoicesChanged = () => () => undefined
  speak(text: string, voiceId: string, rate: number, events: UtteranceEvents): void {
    this.calls.push(`speak ${text}`)
    this.spoken.push({ text, voiceId, rate, events })
  }
  cancel(): void {
    this.calls.push('cancel')
  }
  get last() {
    const utterance = this.spoken.at(-1)
    if (utterance === undefined) throw new Error('nothing spoken')
    return utterance
  }
  /** The last utterance starts and ends. */
  finishLast(): void {
    this.last.events.onStart()
    this.last.events.onEnd()
  }
}

const SENTENCES = ['One.', 'Two.', 'Three.']

function setUp() {
  const engine = new ScriptedEngine()
  const states: ReaderState[] = []
  const reader = new Reader(engine, SENTENCES, 'voice-en', (s) => states.push(s))
  return { engine, reader, states }
}

describe('Reader', () => {
  it('speaks one sentence at a time, marks it when the voice starts it, and finishes', () => {
    const { engine, reader } = setUp()
    reader.play()
    expect(engine.last.text).toBe('One.')
    expect(engine.last.voiceId).toBe('voice-en')
    expect(reader.snapshot).toMatchObject({ status: 'reading', current: null })
    engine.last.events.onStart()
    expect(reader.snapshot).toMatchObject({ status: 'reading', current: 0 })
    engine.last.events.onEnd()
    expect(engine.last.text).toBe('Two.')
    engine.finishLast()
    engine.finishLast()
    expect(reader.snapshot).toMatchObject({ status: 'finished', current: null, next: 0 })
    expect(engine.spoken.map((u) => u.text)).toEqual(SENTENCES)
  })

  it('pauses by silencing the voice and keeping the place; resume reads that sentence again', () => {
    const { engine, reader } = setUp()
    reader.pause()
    expect(engine.calls).toEqual([])
    reader.play()
    engine.finishLast()
    const second = engine.last
    second.events.onStart()
    reader.pause()
    expect(reader.snapshot).toMatchObject({ status: 'paused', current: 1, next: 1 })
    expect(engine.calls.at(-1)).toBe('cancel')
    // The cancelled sentence reports its end late: reading must not go on by itself.
    second.events.onEnd()
    expect(reader.snapshot.status).toBe('paused')
    reader.pause()
    reader.resume()
    expect(reader.snapshot.status).toBe('reading')
    expect(engine.calls.slice(-2)).toEqual(['cancel', 'speak Two.'])
    reader.resume()
    expect(engine.spoken).toHaveLength(3)
  })

  it('stops at once and ignores what the cancelled utterance reports afterwards', () => {
    const { engine, reader } = setUp()
    reader.play()
    const first = engine.last
    first.events.onStart()
    reader.stop()
    expect(reader.snapshot).toMatchObject({ status: 'idle', current: null, next: 0 })
    first.events.onError('interrupted')
    first.events.onEnd()
    expect(reader.snapshot.status).toBe('idle')
    expect(engine.spoken).toHaveLength(1)
    // Play carries on from the sentence it stopped on.
    reader.play()
    expect(engine.last.text).toBe('One.')
  })

  it('skips forward and back while reading; while paused the mark moves and resume starts there', () => {
    const { engine, reader } = setUp()
    reader.play()
    engine.last.events.onStart()
    reader.skip(1)
    expect(engine.calls.slice(-2)).toEqual(['cancel', 'speak Two.'])
    engine.last.events.onStart()
    reader.pause()
    reader.skip(1)
    expect(reader.snapshot).toMatchObject({ status: 'paused', current: 2 })
    expect(engine.spoken).toHaveLength(2)
    reader.resume()
    expect(engine.last.text).toBe('Three.')
    engine.last.events.onStart()
    reader.skip(-5)
    expect(engine.last.text).toBe('One.')
  })

  it('moves the starting point without speaking when idle, within the text', () => {
    const { engine, reader } = setUp()
    reader.skip(5)
    expect(reader.snapshot).toMatchObject({ status: 'idle', next: 2 })
    expect(engine.spoken).toHaveLength(0)
    reader.play()
    expect(engine.last.text).toBe('Three.')
  })

  it('reports a synthesis error and can be played again from that sentence', () => {
    const { engine, reader } = setUp()
    reader.play()
    engine.finishLast()
    engine.last.events.onError('synthesis-failed')
    expect(reader.snapshot).toMatchObject({ status: 'failed', next: 1, error: 'synthesis-failed' })
    reader.play()
    expect(engine.last.text).toBe('Two.')
  })

  it('uses a new speed from the next sentence', () => {
    const { engine, reader } = setUp()
    reader.play()
    reader.setRate(1.25)
    engine.finishLast()
    expect(engine.spoken.map((u) => u.rate)).toEqual([1, 1.25])
  })

  it('does nothing with no sentences', () => {
    const engine = new ScriptedEngine()
    const reader = new Reader(engine, [], 'v', () => undefined)
    reader.play()
    expect(engine.calls).toEqual([])
  })
})

const voice = (lang: string, name = lang, extra: Partial<VoiceInfo> = {}): VoiceInfo => ({
  id: `${name}-${lang}`,
  name,
  lang,
  localService: true,
  isDefault: false,
  ...extra
})

describe('chooseVoice', () => {
  // What espeak-ng lists through speech-dispatcher (a sample), and what Windows and macOS name.
  const espeak = [
    voice('yue', 'Chinese (Cantonese)'),
    voice('cmn-LATN-PINYIN', 'Chinese (Mandarin, latin as Pinyin)'),
    voice('cmn', 'Chinese (Mandarin, latin as English)'),
    voice('en-GB', 'English (Great Britain)'),
    voice('en-US', 'English (America)'),
    voice('fr-BE', 'French (Belgium)'),
    voice('fr-FR', 'French (France)')
  ]

  it('reads fr-CA with a Canadian voice first, else any French one', () => {
    expect(chooseVoice(espeak, 'fr-CA')?.name).toBe('French (France)')
    expect(chooseVoice([...espeak, voice('fr-CA', 'Amélie')], 'fr-CA')?.name).toBe('Amélie')
    expect(chooseVoice([voice('fr-CH', 'Suisse')], 'fr-CA')?.name).toBe('Suisse')
  })

  it('reads zh-Hans with Mandarin, never Cantonese', () => {
    expect(chooseVoice(espeak, 'zh-Hans')?.lang).toBe('cmn')
    expect(chooseVoice([voice('zh_CN', 'Tingting'), ...espeak], 'zh-Hans')?.name).toBe('Tingting')
    expect(chooseVoice([voice('yue'), voice('zh-HK')], 'zh-Hans')).toBeNull()
    expect(chooseVoice([voice('zh-TW', 'Meijia')], 'zh-Hans')?.name).toBe('Meijia')
  })

  it('reads English in a North American voice first, and prefers the system default among equals', () => {
    expect(chooseVoice(espeak, 'en')?.lang).toBe('en-US')
    expect(
      chooseVoice([voice('en-US', 'A'), voice('en-US', 'B', { isDefault: true })], 'en')?.name
    ).toBe('B')
  })

  it('never chooses a voice that is not on this computer', () => {
    expect(chooseVoice([voice('fr-CA', 'Cloud', { localService: false })], 'fr-CA')).toBeNull()
    expect(chooseVoice([], 'en')).toBeNull()
  })

  it('says which language has no voice and how to add one', () => {
    expect(noVoiceMessage('fr-CA').title).toBe('No French voice is installed on this computer.')
    expect(noVoiceMessage('zh-Hans').title).toBe(
      'No Chinese (Mandarin) voice is installed on this computer.'
    )
    expect(noVoiceMessage('fr-CA').help).toMatch(/Windows.*Mac.*Linux/s)
  })
})

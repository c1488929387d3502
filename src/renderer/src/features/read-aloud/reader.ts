import type { SpeechEngine } from './speech-engine'

export type ReaderStatus = 'idle' | 'reading' | 'paused' | 'finished' | 'failed'

export interface ReaderState {
  readonly status: ReaderStatus
  /** The sentence the voice is on (set when the voice starts it), or null before any. */
  readonly current: number | null
  /** Where play or resume carries on from. */
  readonly next: number
  /** Why reading stopped, when status is 'failed'. */
  readonly error: string | null
}

export const INITIAL_READER_STATE: ReaderState = {
  status: 'idle',
  current: null,
  next: 0,
  error: null
}

/**
 * Reads sentences one utterance at a time, so that each utterance's start event says which
 * sentence to highlight and its end event moves to the next. A state machine:
 * idle/finished/failed —play→ reading —pause→ paused —resume→ reading; any —stop→ idle.
 * Only speak and cancel are asked of the engine.
 * Events of an utterance that was cancelled (stop, skip) are ignored: each speak has a turn number.
 */
export class Reader {
  private state: ReaderState = INITIAL_READER_STATE
  private turn = 0

  constructor(
    private readonly engine: SpeechEngine,
    private readonly sentences: readonly string[],
    /** The voice's id (VoiceInfo.id), chosen with chooseVoice. */
    private readonly voiceId: string,
    private readonly onChange: (state: ReaderState) => void,
    private rate = 1
  ) {}

  get snapshot(): ReaderState {
    return this.state
  }

  /** Reads from sentence `from` (default: where it stopped, or the start once finished). */
  play(from?: number): void {
    const start = from ?? (this.state.status === 'finished' ? 0 : this.state.next)
    if (this.sentences.length === 0) return
    this.silence()
    this.speakFrom(Math.min(Math.max(start, 0), this.sentences.length - 1))
  }

  /**
   * Stops the voice but keeps the place: resume reads the paused sentence again from its start.
   * The Web Speech API's own pause is not used: Chromium with speech-dispatcher (Linux) did not
   * pause (speechSynthesis.paused stayed false in our e2e run), and a cancel does not undo
   * a pause on engines where it works; a sentence said again whole is also easier to follow.
   */
  pause(): void {
    if (this.state.status !== 'reading') return
    this.silence()
    this.set({ status: 'paused', next: this.state.current ?? this.state.next })
  }

  resume(): void {
    if (this.state.status !== 'paused') return
    this.speakFrom(this.state.next)
  }

  stop(): void {
    this.silence()
    this.set({ ...INITIAL_READER_STATE, next: this.state.current ?? this.state.next })
  }

  /**
   * Moves by `step` sentences: while reading the voice goes there at once; while paused the mark
   * moves and resume starts there; otherwise play will.
   */
  skip(step: number): void {
    const from = this.state.current ?? this.state.next
    const target = Math.min(Math.max(from + step, 0), this.sentences.length - 1)
    if (this.state.status === 'reading') {
      this.silence()
      this.speakFrom(target)
    } else if (this.state.status === 'paused') {
      this.set({ current: target, next: target })
    } else {
      this.set({ current: null, next: target })
    }
  }

  /** A new speed applies from the next sentence. */
  setRate(rate: number): void {
    this.rate = rate
  }

  /** Silences the voice for good (the screen is closing). */
  dispose(): void {
    this.silence()
  }

  /** Cancels what is queued; events still to come from it are ignored. */
  private silence(): void {
    this.turn += 1
    this.engine.cancel()
  }

  private speakFrom(index: number): void {
    this.turn += 1
    const turn = this.turn
    this.set({ status: 'reading', next: index, error: null })
    const text = this.sentences[index] ?? ''
    this.engine.speak(text, this.voiceId, this.rate, {
      onStart: () => {
        if (turn === this.turn) this.set({ current: index, next: index })
      },
      onEnd: () => {
        if (turn !== this.turn) return
        if (index + 1 < this.sentences.length) this.speakFrom(index + 1)
        else this.set({ status: 'finished', current: null, next: 0 })
      },
      onError: (error) => {
        // 'interrupted' and 'canceled' are what our own cancel causes.
        if (turn !== this.turn || error === 'interrupted' || error === 'canceled') return
        this.turn += 1
        this.set({ status: 'failed', current: null, next: index, error })
      }
    })
  }

  private set(patch: Partial<ReaderState>): void {
    this.state = { ...this.state, ...patch }
    this.onChange(this.state)
  }
}

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { splitSentences } from '../../src/renderer/src/features/read-aloud/sentences'
import { readingScript, spokenFields } from '../../src/renderer/src/features/read-aloud/script'
import { handoutPlainText } from '../../src/shared/handouts/plain-text'

describe('splitSentences', () => {
  it('splits English at . ! ? but not after a title, an initial or e.g.', () => {
    expect(
      splitSentences(
        'Call Dr. Lee at 604-555-0142. It is 3.5 cm, e.g. the arm! Is it fine? Then J. R. Smith came. Say no. Stop.',
        'en'
      )
    ).toEqual([
      'Call Dr. Lee at 604-555-0142.',
      'It is 3.5 cm, e.g. the arm!',
      'Is it fine?',
      'Then J. R. Smith came.',
      'Say no.',
      'Stop.'
    ])
  })

  it('splits French with its spaced ! and ? and keeps M. and p. ex. inside the sentence', () => {
    expect(
      splitSentences(
        'Appelez M. Tremblay au 555. C’est normal ! Ça va ? Oui, p. ex. le bras.',
        'fr-CA'
      )
    ).toEqual(['Appelez M. Tremblay au 555.', 'C’est normal !', 'Ça va ?', 'Oui, p. ex. le bras.'])
  })

  it('splits Chinese at 。！？ without spaces, and an opening quote starts the next sentence', () => {
    expect(
      splitSentences(
        '针灸后多数人感觉良好。很多人会觉得放松！有问题吗？请拨打911，或者去医院。“好。”然后休息',
        'zh-Hans'
      )
    ).toEqual([
      '针灸后多数人感觉良好。',
      '很多人会觉得放松！',
      '有问题吗？',
      '请拨打911，或者去医院。',
      '“好。”',
      '然后休息'
    ])
  })

  it('has nothing to read in punctuation alone, and keeps a lone ellipsis with its sentence', () => {
    expect(splitSentences('…', 'en')).toEqual([])
    expect(splitSentences('', 'zh-Hans')).toEqual([])
    expect(splitSentences('Wait. …', 'en')).toEqual(['Wait.…'])
  })
})

describe('readingScript', () => {
  const fields = spokenFields(
    {
      clinicName: 'Harbourview Clinic',
      address: '1234 West Broadway, Vancouver BC',
      phone: '604-555-0142',
      email: '',
      website: '',
      practitioner: '',
      patientName: '',
      date: new Date(2026, 11, 4)
    },
    'en'
  )

  it('reads the title, then headings, items and paragraphs in order, with fields filled', () => {
    const script = readingScript(
      {
        lang: 'en',
        title: 'After your visit',
        body: '> [!URGENT]\n> ## Get help right away\n>\n> - **Call 911** if you faint.\n\nCall {{clinic.name}} at {{clinic.phone}}. Rest today.\n\n```mermaid\ngraph TD\n```\n\nSeen on {{date}}.'
      },
      fields
    )
    expect(script.blocks.map((b) => [b.kind, b.sentences.map((s) => s.text)])).toEqual([
      ['heading', ['After your visit']],
      ['heading', ['Get help right away']],
      ['item', ['Call 911 if you faint.']],
      ['text', ['Call Harbourview Clinic at 604-555-0142.', 'Rest today.']],
      ['text', ['Seen on December 4, 2026.']]
    ])
    expect(script.sentences).toHaveLength(6)
    // An empty field goes with the space before it.
    const blank = readingScript(
      {
        lang: 'zh-Hans',
        title: '注意',
        body: '请致电 {{clinic.email}}。或者 {{practitioner}}, 去医院。'
      },
      fields
    )
    expect(blank.sentences).toEqual(['注意', '请致电。', '或者, 去医院。'])
    expect(script.blocks.flatMap((b) => b.sentences.map((s) => s.index))).toEqual([
      0, 1, 2, 3, 4, 5
    ])
  })

  it('splits every shipped handout in every language into readable sentences', () => {
    const root = join(__dirname, '../../resources/content/handouts')
    for (const [id, lang] of [
      ['after-acupuncture', 'en'],
      ['after-acupuncture', 'fr-CA'],
      ['after-acupuncture', 'zh-Hans'],
      ['consent-form', 'zh-Hans']
    ] as const) {
      const body = readFileSync(join(root, id, `${lang}.md`), 'utf8')
      const script = readingScript({ lang, title: id, body }, () => '')
      expect(script.sentences.length, `${id}/${lang}`).toBeGreaterThan(20)
      for (const sentence of script.sentences) {
        expect(sentence, `${id}/${lang}`).toMatch(/[\p{L}\p{N}]/u)
        expect(sentence, `${id}/${lang}`).not.toMatch(/[*#|>[\]{}]/)
      }
      if (lang === 'zh-Hans') {
        // No Chinese sentence runs on past its full stop.
        for (const sentence of script.sentences)
          expect(sentence.slice(0, -1)).not.toMatch(/[。！？]/)
      }
    }
  })

  it('leaves the readability text as it was (one sentence-ending line per block)', () => {
    expect(
      handoutPlainText('## Care\n\n- Rest\n- Drink water:\n\nCall {{clinic.phone}}', 'en')
    ).toBe('Care.\nRest.\nDrink water.\nCall clinic.')
  })
})

/**
 * Issue 10 (patient safety): the shipped atlas content carries its safety flags and the
 * corrections of the clinical review. These read the real files in resources/content, with the
 * importer's own schemas, so a flag removed or a correction undone fails here.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { AcupointFileEntry, MuscleFile } from '../../src/shared/atlas/content-schema'
import { DEEP_BLEEDING_MUSCLES } from '../db/atlas-fixtures'
import { CONTENT_DIR as CONTENT, mustGet, shippedAcupoints, shippedMuscles } from './shipped-atlas'

const muscles = shippedMuscles()
const points = shippedAcupoints()
const muscle = (id: string): MuscleFile => mustGet(muscles, id)
const point = (code: string): AcupointFileEntry => mustGet(points, code)

describe('acupoints over vessels and nerves', () => {
  it('flags HT4–HT7 for the ulnar artery and nerve beneath', () => {
    for (const code of ['HT4', 'HT5', 'HT6', 'HT7']) {
      const p = point(code)
      expect(p.flags, code).toEqual(expect.arrayContaining(['vessel', 'nerve']))
      expect(p.flagNotes, code).toMatch(/ulnar artery/)
      expect(p.flagNotes, code).toMatch(/ulnar nerve/)
    }
  })

  it('flags LR3 like ST42, for the dorsalis pedis artery (and the deep fibular nerve)', () => {
    for (const code of ['LR3', 'ST42', 'ST41']) {
      const p = point(code)
      expect(p.flags, code).toEqual(expect.arrayContaining(['vessel', 'nerve']))
      expect(p.flagNotes, code).toMatch(/dorsalis pedis artery/)
      expect(p.flagNotes, code).toMatch(/deep fibular nerve/)
    }
  })

  it('flags the wrist, ankle, neck and groin points found on re-checking', () => {
    const expected: Record<string, string[]> = {
      LI5: ['vessel', 'nerve'],
      LU7: ['nerve'],
      HT2: ['vessel', 'nerve'],
      PC3: ['vessel', 'nerve'],
      PC4: ['nerve'],
      KI3: ['vessel', 'nerve'],
      KI5: ['vessel', 'nerve'],
      LR4: ['vessel', 'nerve'],
      BL60: ['vessel', 'nerve'],
      LI17: ['vessel', 'nerve'],
      SI16: ['vessel', 'nerve'],
      TE16: ['vessel', 'nerve'],
      ST11: ['vessel'],
      ST12: ['vessel', 'nerve'],
      BL10: ['vessel', 'nerve'],
      GV14: ['nerve'],
      SP12: ['vessel', 'nerve'],
      ST31: ['nerve'],
      GB28: ['nerve']
    }
    for (const [code, flags] of Object.entries(expected)) {
      expect(point(code).flags, code).toEqual(expect.arrayContaining(flags))
    }
  })

  it('explains every flag in the point’s note, and flags what the note warns of', () => {
    const vesselWords = /arter|vein|vessel|carotid|jugular/i
    const nerveWords = /nerve|medulla|spinal cord|plexus/i
    for (const p of points.values()) {
      if (p.flags.length > 0) expect(p.flagNotes, p.code).toBeTruthy()
      const note = p.flagNotes ?? ''
      if (p.flags.includes('vessel')) expect(note, p.code).toMatch(vesselWords)
      if (p.flags.includes('nerve')) expect(note, p.code).toMatch(nerveWords)
      // A note that names an artery or a nerve to avoid comes with the flag that shows it.
      if (/\barter(y|ies)\b|\bveins?\b/i.test(note)) expect(p.flags, p.code).toContain('vessel')
      if (/\bnerves?\b|plexus|medulla|spinal cord/i.test(note)) {
        expect(p.flags, p.code).toContain('nerve')
      }
    }
  })
})

describe('muscle safety flags', () => {
  it('puts the deep-bleeding flag on every deep muscle, with the plain warning', () => {
    for (const id of DEEP_BLEEDING_MUSCLES) {
      const note = muscle(id).safety.find((s) => s.flag === 'deep-bleeding')
      expect(note, id).toBeDefined()
      expect(note?.text, id).toMatch(/bleeding here cannot be controlled by pressure/)
      expect(note?.text, id).toMatch(/anticoagulants and antiplatelets/)
    }
  })

  it('says where to needle iliopsoas without the ambiguous "lateral to it"', () => {
    const { approach } = muscle('iliopsoas').needling
    expect(approach).not.toMatch(/lateral to it\b/)
    expect(approach).toMatch(/insert lateral to the nerve/)
    expect(approach).toMatch(/at least 2 cm lateral to the pulse/)
    expect(approach).toMatch(/[Ee]lectric or shooting pain down the front of the thigh/)
    expect(approach).toMatch(/stop/)
    for (const s of muscle('iliopsoas').safety) expect(s.text).not.toMatch(/keep lateral\.$/)
  })

  it('flags iliopsoas for pregnancy and rectus abdominis for the chest wall', () => {
    const iliopsoas = muscle('iliopsoas').safety.find((s) => s.flag === 'pregnancy')
    expect(iliopsoas?.text).toMatch(/abdominal wall/)
    const rectus = muscle('rectus-abdominis').safety.find((s) => s.flag === 'pneumothorax')
    expect(rectus?.text).toMatch(/pleura/)
  })

  it('bumps the content version of every corrected muscle, so unedited copies update', () => {
    for (const id of DEEP_BLEEDING_MUSCLES) {
      expect(muscle(id).contentVersion, id).toBeGreaterThanOrEqual(2)
    }
  })
})

describe('names and locations', () => {
  it('uses the standard pinyin, one word per name, with the variant readings as aliases', () => {
    expect(point('ST31').pinyin).toBe('Biguan')
    expect(point('BL32').pinyin).toBe('Ciliao')
    expect(point('KI23').pinyin).toBe('Shenfeng')
    // Aliases also hold the traditional characters (issue 9): the variant reading is among them.
    expect(point('BL2').pinyin).toBe('Cuanzhu')
    expect(point('BL2').aliases).toContain('Zanzhu')
    expect(point('CV17').pinyin).toBe('Danzhong')
    expect(point('CV17').aliases).toContain('Tanzhong')
    expect(point('ST1').pinyin).toBe('Chengqi')
    expect(point('ST2').pinyin).toBe('Sibai')
    const notOneWord = [...points.values()].filter((p) => !/^[A-Z][a-z]+$/.test(p.pinyin))
    expect(notOneWord.map((p) => `${p.code} ${p.pinyin}`)).toEqual([])
  })

  it('locates LU7 and GB21 as the WHO 2008 standard does', () => {
    expect(point('LU7').location).toMatch(
      /between the tendons of abductor pollicis longus and extensor pollicis brevis/
    )
    expect(point('LU7').location).toMatch(/groove in which the abductor pollicis longus tendon/)
    expect(point('GB21').location).toMatch(/spinous process of C7/)
    expect(point('GB21').location).not.toMatch(/GV14/)
  })

  it('reports the twitch figure of Ga et al. 2007 as covering both trial arms', () => {
    const article = readFileSync(join(CONTENT, 'articles', 'what-is-ims.md'), 'utf8')
    expect(article).not.toMatch(/In one small IMS trial a twitch was elicited in 42 of 43/)
    expect(article).toMatch(/42 of the 43: that figure covers both\s+groups together/)
    expect(article).toMatch(/^contentVersion: 2$/m)
  })
})

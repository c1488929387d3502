/**
 * The atlas, acupoints and notes channels for renderer tests, added to the FakeLibrary's handler
 * map (so calls still go through the real dispatch and zod). Small, made-up fixtures.
 */
import { ApiError } from '../../src/shared/api'
import type { Handlers } from '../../src/main/core/api/handlers'
import type { Acupoint, AcupointSummary, MapMuscle, Muscle } from '../../src/shared/api/atlas'
import { toMapMuscle } from '../../src/shared/atlas/map-muscle'
import type { Note, NoteDraft, NoteRevision, NoteTarget } from '../../src/shared/api/notes'
import { findAcupoints, parseAcupointCode } from '../../src/shared/atlas/acupoint-code'
import { searchFromPain } from '../../src/shared/atlas/pain-search'
import { lookupByRoots } from '../../src/shared/atlas/segmental'
import type { FakeLibrary } from './fake-api'

const REF = [{ authors: 'Simons DG', title: 'Trigger Point Manual', year: 1999, source: 'W&W' }]

function muscle(partial: Partial<Muscle> & Pick<Muscle, 'id' | 'name'>): Muscle {
  return {
    aliases: [],
    region: 'shoulder',
    action: 'Moves the arm.',
    innervation: { nerve: 'A nerve', roots: ['C5', 'C6'] },
    triggerPoints: [],
    needling: { position: 'Prone.', approach: 'Perpendicular.', cautions: 'Stay over bone.' },
    safety: [],
    references: REF,
    flags: [],
    contentVersion: 1,
    isBuiltin: true,
    updatedAt: '2025-03-01T09:00:00.000Z',
    ...partial
  }
}

export const MUSCLES: Muscle[] = [
  muscle({
    id: 'infraspinatus',
    name: 'Infraspinatus',
    innervation: { nerve: 'Suprascapular nerve', roots: ['C5', 'C6'] },
    triggerPoints: [
      {
        id: 'infraspinatus-1',
        name: 'Infraspinatus, medial point',
        location: 'Below the spine of the scapula.',
        markers: [{ view: 'back', x: 245, y: 255 }],
        referral: {
          description: 'Deep in the front of the shoulder.',
          zones: [{ view: 'front', cx: 115, cy: 215, rx: 16, ry: 18 }]
        },
        symptoms: ['Cannot reach behind the back.']
      }
    ],
    safety: [{ flag: 'nerve', text: 'Suprascapular nerve at the spinoglenoid notch.' }],
    flags: ['nerve']
  }),
  muscle({
    id: 'upper-trapezius',
    name: 'Upper trapezius',
    region: 'head-neck',
    innervation: { nerve: 'Spinal accessory nerve', roots: ['C3', 'C4'] },
    triggerPoints: [
      {
        id: 'upper-trapezius-1',
        name: 'Upper trapezius, mid-fibres',
        location: 'Upper border.',
        markers: [
          { view: 'back', x: 240, y: 190 },
          { view: 'back', x: 160, y: 190 }
        ],
        referral: {
          description: 'Side of the neck to the temple.',
          zones: [{ view: 'back', cx: 225, cy: 130, rx: 18, ry: 35 }]
        },
        symptoms: []
      }
    ],
    safety: [{ flag: 'pneumothorax', text: 'Lung apex lies beneath.' }],
    flags: ['pneumothorax']
  }),
  muscle({
    id: 'gluteus-medius',
    name: 'Gluteus medius',
    region: 'hip',
    innervation: { nerve: 'Superior gluteal nerve', roots: ['L4', 'L5', 'S1'] },
    triggerPoints: [
      {
        id: 'gluteus-medius-1',
        name: 'Gluteus medius, posterior',
        location: 'Below the iliac crest.',
        markers: [{ view: 'back', x: 235, y: 445 }],
        referral: {
          description: 'Sacrum and buttock.',
          zones: [{ view: 'back', cx: 215, cy: 470, rx: 25, ry: 20 }]
        },
        symptoms: []
      }
    ]
  })
]

const point = (p: Partial<Acupoint> & Pick<Acupoint, 'code' | 'pinyin' | 'english'>): Acupoint => {
  const parsed = parseAcupointCode(p.code)!
  return {
    meridian: parsed.meridian,
    number: parsed.number,
    region: 'hand',
    location: `Where ${p.code} is.`,
    flags: [],
    flagNotes: null,
    marker: null,
    references: REF,
    contentVersion: 1,
    isBuiltin: true,
    ...p
  }
}

export const POINTS: Acupoint[] = [
  point({
    code: 'LI4',
    pinyin: 'Hegu',
    english: 'Joining Valley',
    flags: ['pregnancy'],
    flagNotes: 'Traditionally avoided in pregnancy.',
    marker: { view: 'front', x: 66, y: 528 }
  }),
  point({ code: 'LI11', pinyin: 'Quchi', english: 'Pool at the Crook', region: 'arm' }),
  point({
    code: 'ST36',
    pinyin: 'Zusanli',
    english: 'Leg Three Miles',
    region: 'leg',
    marker: { view: 'front', x: 150, y: 730 }
  })
]

const toMapOf = (m: Muscle): MapMuscle => toMapMuscle(m, m.flags)

const summary = (p: Acupoint): AcupointSummary => ({
  code: p.code,
  pinyin: p.pinyin,
  english: p.english,
  meridian: p.meridian,
  number: p.number,
  region: p.region,
  flags: p.flags,
  marker: p.marker
})

const draftKey = (ref: { noteId?: string; target?: NoteTarget | null }) =>
  ref.noteId ? `note:${ref.noteId}` : ref.target ? `new:${ref.target.kind}:${ref.target.id}` : 'new'

/** Adds the atlas, acupoint and note channels to a FakeLibrary; returns the notes store. */
export function installAtlas(library: FakeLibrary) {
  const notes = new Map<string, Note & { deleted: boolean; revisions: NoteRevision[] }>()
  const drafts = new Map<string, NoteDraft>()
  let next = 1
  const title = (body: string) =>
    body
      .trim()
      .split('\n')[0]!
      .replace(/^[#>*\-\s]+/, '')
      .trim()
  const targetOf = (t: NoteTarget | null): Note['target'] => {
    if (!t) return null
    const m = MUSCLES.find((x) => x.id === t.id)
    const tp = MUSCLES.flatMap((x) => x.triggerPoints.map((y) => ({ ...y, parent: x.id }))).find(
      (y) => y.id === t.id
    )
    const p = POINTS.find((x) => x.code === t.id)
    const found =
      t.kind === 'muscle'
        ? m?.name
        : t.kind === 'trigger-point'
          ? tp?.name
          : p
            ? `${p.code} ${p.pinyin}`
            : null
    return {
      ...t,
      title: found ?? t.id,
      parentId: t.kind === 'trigger-point' ? (tp?.parent ?? null) : null,
      exists: found != null
    }
  }
  const live = (id: string) => {
    const n = notes.get(id)
    if (!n || n.deleted) throw new ApiError('not_found', 'This note does not exist.')
    return n
  }
  const out = (n: Note & { deleted: boolean; revisions: NoteRevision[] }): Note => {
    const { deleted: _d, revisions: _r, ...note } = n
    return note
  }
  const handlers: Partial<Handlers> = {
    'atlas:map': () => ({
      muscles: MUSCLES.map(toMapOf),
      acupoints: POINTS.filter((p) => p.marker).map((p) => ({ ...summary(p), marker: p.marker! }))
    }),
    'atlas:muscles': () => [],
    'atlas:muscle': ({ id }) => {
      const m = MUSCLES.find((x) => x.id === id)
      if (!m) throw new ApiError('not_found', 'This muscle is not in the atlas.')
      return m
    },
    'atlas:fromPain': (spot) =>
      searchFromPain(spot, MUSCLES.map(toMapOf)).map((c) => ({
        muscleId: c.muscle.id,
        muscleName: c.muscle.name,
        region: c.muscle.region,
        flags: c.muscle.flags,
        distance: c.distance,
        zonesCovering: c.zonesCovering,
        mirrored: c.mirrored,
        triggerPointIds: [...c.triggerPointIds]
      })),
    'atlas:byRoots': ({ roots }) => {
      const r = lookupByRoots(roots, MUSCLES.map(toMapOf))
      return {
        roots: [...r.roots],
        muscles: r.muscles.map((m) => ({
          muscleId: m.muscle.id,
          muscleName: m.muscle.name,
          region: m.muscle.region,
          flags: m.muscle.flags,
          roots: m.muscle.roots,
          matched: [...m.matched]
        })),
        paraspinal: r.paraspinal.map((b) => ({ ...b }))
      }
    },
    'acupoints:list': ({ meridian }) =>
      POINTS.filter((p) => !meridian || p.meridian === meridian).map(summary),
    'acupoints:get': ({ code }) => {
      const parsed = parseAcupointCode(code)
      const p = POINTS.find((x) => x.code === parsed?.code)
      if (!p) throw new ApiError('not_found', `There is no acupoint "${code}" in the library.`)
      return p
    },
    'acupoints:find': ({ q }) => findAcupoints(q, POINTS).map(summary),
    'notes:list': ({ targets, standalone }) =>
      [...notes.values()]
        .filter((n) => !n.deleted)
        .filter((n) => !standalone || n.target === null)
        .filter(
          (n) =>
            !targets ||
            targets.some((t) => n.target && t.kind === n.target.kind && t.id === n.target.id)
        )
        .map(out),
    'notes:get': ({ id }) => out(live(id)),
    'notes:create': ({ target, body, pinned }) => {
      const id = `note-${next++}`
      const now = library.now()
      const note = {
        id,
        target: targetOf(target),
        title: title(body),
        body,
        pinned: pinned ?? false,
        revision: 1,
        createdAt: now,
        updatedAt: now,
        deleted: false,
        revisions: [
          { revision: 1, title: title(body), body, source: 'user' as const, savedAt: now }
        ]
      }
      notes.set(id, note)
      drafts.delete(draftKey({ target }))
      return out(note)
    },
    'notes:update': ({ id, body, baseRevision }) => {
      const n = live(id)
      if (n.revision !== baseRevision) throw new ApiError('conflict', 'Saved elsewhere.')
      const now = library.now()
      Object.assign(n, { body, title: title(body), revision: n.revision + 1, updatedAt: now })
      n.revisions.unshift({
        revision: n.revision,
        title: n.title,
        body,
        source: 'user',
        savedAt: now
      })
      drafts.delete(draftKey({ noteId: id }))
      return out(n)
    },
    'notes:setPinned': ({ id, pinned }) => {
      const n = live(id)
      n.pinned = pinned
      return out(n)
    },
    'notes:delete': ({ id }) => {
      live(id).deleted = true
      return { id, deletedAt: library.now() }
    },
    'notes:undelete': ({ id }) => {
      const n = notes.get(id)!
      n.deleted = false
      return out(n)
    },
    'notes:revisions': ({ id }) => live(id).revisions,
    'notes:restoreRevision': ({ id }) => out(live(id)),
    'notes:saveDraft': ({ noteId, target, body, baseRevision }) => {
      const savedAt = library.now()
      drafts.set(draftKey({ noteId, target }), {
        noteId: noteId ?? null,
        target: noteId ? null : (target ?? null),
        body,
        baseRevision: baseRevision ?? null,
        savedAt
      })
      return { savedAt }
    },
    'notes:getDraft': (ref) => drafts.get(draftKey(ref)) ?? null,
    'notes:discardDraft': (ref) => {
      drafts.delete(draftKey(ref))
      return { ok: true as const }
    },
    'notes:drafts': () => [...drafts.values()]
  }
  Object.assign(library.handlers, handlers)
  return { notes, drafts }
}

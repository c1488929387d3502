import { ApiError, cutInput } from '../../../shared/api/errors'
import type {
  Acupoint,
  AcupointSummary,
  MapMuscle,
  Muscle,
  MuscleRegion,
  MuscleSummary,
  PainCandidate,
  SegmentalResult
} from '../../../shared/api/atlas'
import type { BodyView } from '../../../shared/atlas/landmarks'
import {
  compareAcupoints,
  findAcupoints,
  parseAcupointCode
} from '../../../shared/atlas/acupoint-code'
import type { AcupointFileEntry, MuscleFile } from '../../../shared/atlas/content-schema'
import type { MeridianCode } from '../../../shared/atlas/meridians'
import type { NerveRoot } from '../../../shared/atlas/nerve-roots'
import { searchFromPain } from '../../../shared/atlas/pain-search'
import { lookupByRoots } from '../../../shared/atlas/segmental'
import * as needling from '../../../shared/atlas/needling'
import { isoNow } from '../clock'
import type { Clock } from '../clock'
import { builtinStatus } from '../content/builtin-tracking'
import type { BuiltinItemWriter, BuiltinTracking } from '../content/builtin-tracking'
import type { Db } from '../db/sqlite'
import type { WarningLogger } from '../logger'
import type { SearchIndex } from '../search/search-index'
import type { WriteGuard } from '../write-guard'
import { AtlasRepo } from './atlas-repo'
import type { AcupointRow, MuscleRow } from './atlas-repo'
import { toMapMuscle } from '../../../shared/atlas/map-muscle'
import { acupointDocument, muscleDocuments, muscleFlags } from './atlas-search'
import {
  ACUPOINT_KIND,
  MUSCLE_KIND,
  acupointHash,
  loadBuiltinAtlas,
  muscleHash
} from './builtin-atlas'

export interface AtlasServiceDeps {
  readonly db: Db
  readonly clock: Clock
  readonly guard: WriteGuard
  readonly tracking: BuiltinTracking
  readonly search: SearchIndex
}

interface Snapshot {
  readonly muscles: readonly MuscleRow[]
  readonly map: readonly MapMuscle[]
  readonly points: readonly AcupointFileEntry[]
}

/**
 * Muscles, trigger points and acupoints: imported from the built-in files, read by the atlas, the
 * body map and the acupoint screens. The whole atlas is small (≈50 muscles, 361 points), so it is
 * read once into memory after each import and every lookup runs on that snapshot.
 */
export class AtlasService {
  readonly repo: AtlasRepo
  private snapshot: Snapshot | null = null

  constructor(private readonly deps: AtlasServiceDeps) {
    this.repo = new AtlasRepo(deps.db)
  }

  /** First run and every upgrade: shipped content in, in one transaction. */
  importBuiltins(
    resourcesDir: string,
    warn: WarningLogger,
    beforeChangingExisting?: () => void
  ): void {
    const loaded = loadBuiltinAtlas(resourcesDir)
    loaded.problems.forEach(warn)
    this.snapshot = null
    if (this.deps.guard.readOnly) return
    const muscleWriter = this.muscleWriter()
    const pointWriter = this.pointWriter()
    const plans = [
      ...loaded.muscles.map((item) => this.deps.tracking.plan(item, muscleWriter)),
      ...loaded.acupoints.map((item) => this.deps.tracking.plan(item, pointWriter))
    ]
    if (plans.every((p) => p === 'unchanged' || p === 'skipped-older')) return
    if (plans.includes('updated')) beforeChangingExisting?.()
    this.deps.db.transaction(() => {
      for (const item of loaded.muscles) this.deps.tracking.sync(item, muscleWriter)
      for (const item of loaded.acupoints) this.deps.tracking.sync(item, pointWriter)
    })()
  }

  private muscleWriter(): BuiltinItemWriter<MuscleFile> {
    const write = (content: MuscleFile) => {
      const removed = this.repo.putMuscle(content, muscleHash(content), isoNow(this.deps.clock))
      for (const id of removed) this.deps.search.remove('trigger-point', id)
      for (const doc of muscleDocuments(content)) this.deps.search.upsert(doc)
    }
    return { currentTextHash: (id) => this.repo.muscleHash(id), create: write, update: write }
  }

  private pointWriter(): BuiltinItemWriter<AcupointFileEntry> {
    const write = (content: AcupointFileEntry) => {
      this.repo.putAcupoint(content, acupointHash(content), isoNow(this.deps.clock))
      this.deps.search.upsert(acupointDocument(content))
    }
    return { currentTextHash: (code) => this.repo.acupointHash(code), create: write, update: write }
  }

  private data(): Snapshot {
    if (this.snapshot) return this.snapshot
    const muscles = this.repo.allMuscles()
    const map: MapMuscle[] = muscles.map(({ content }) =>
      toMapMuscle(content, muscleFlags(content))
    )
    const points = this.repo
      .allAcupoints()
      .map((row) => row.content)
      .sort(compareAcupoints)
    this.snapshot = { muscles, map, points }
    return this.snapshot
  }

  map(): { muscles: MapMuscle[]; acupoints: (AcupointSummary & { marker: Marker })[] } {
    const { map, points } = this.data()
    return {
      muscles: [...map],
      acupoints: points
        .filter((p): p is AcupointFileEntry & { marker: Marker } => p.marker !== undefined)
        .map((p) => ({ ...pointSummary(p), marker: p.marker }))
    }
  }

  muscles(region?: MuscleRegion): MuscleSummary[] {
    return this.data()
      .muscles.filter((m) => region === undefined || m.content.region === region)
      .map(({ content }) => ({
        id: content.id,
        name: content.name,
        aliases: content.aliases,
        region: content.region,
        roots: content.innervation.roots,
        flags: muscleFlags(content),
        triggerPointCount: content.triggerPoints.length
      }))
  }

  muscle(id: string): Muscle {
    const row = this.repo.muscle(id)
    if (!row) throw new ApiError('not_found', 'This muscle is not in the atlas.')
    const { content } = row
    const status = builtinStatus(this.deps.tracking.get(MUSCLE_KIND, id), row.textHash)
    return {
      id: content.id,
      name: content.name,
      patientName: content.patientName ?? null,
      aliases: content.aliases,
      region: content.region,
      action: content.action,
      innervation: content.innervation,
      triggerPoints: content.triggerPoints,
      needling: content.needling,
      safety: content.safety,
      references: content.references,
      flags: muscleFlags(content),
      contentVersion: row.contentVersion,
      isBuiltin: status.isBuiltin,
      updatedAt: row.updatedAt
    }
  }

  fromPain(spot: { view: BodyView; x: number; y: number; region?: MuscleRegion }): PainCandidate[] {
    const muscles = this.data().map.filter(
      (m) => spot.region === undefined || m.region === spot.region
    )
    return searchFromPain(spot, muscles).map((match) => ({
      muscleId: match.muscle.id,
      muscleName: match.muscle.name,
      region: match.muscle.region,
      flags: match.muscle.flags,
      distance: match.distance,
      zonesCovering: match.zonesCovering,
      mirrored: match.mirrored,
      triggerPointIds: [...match.triggerPointIds]
    }))
  }

  byRoots(roots: readonly NerveRoot[]): SegmentalResult {
    // The root index narrows the candidates; the pure lookup orders them and adds the bands.
    const ids = new Set(this.repo.muscleIdsByRoots(roots))
    const candidates = this.data().map.filter((m) => ids.has(m.id))
    const result = lookupByRoots(roots, candidates)
    return {
      roots: [...result.roots],
      muscles: result.muscles.map(({ muscle, matched }) => ({
        muscleId: muscle.id,
        muscleName: muscle.name,
        region: muscle.region,
        flags: muscle.flags,
        roots: muscle.roots,
        matched: [...matched]
      })),
      paraspinal: result.paraspinal.map((b) => ({ root: b.root, y0: b.y0, y1: b.y1 }))
    }
  }

  acupoints(meridian?: MeridianCode): AcupointSummary[] {
    return this.data()
      .points.filter((p) => meridian === undefined || p.meridian === meridian)
      .map(pointSummary)
  }

  /** A point by its code written any way ("li 4", "LI-4", "Co4"). */
  acupoint(codeText: string): Acupoint {
    const code = parseAcupointCode(codeText)
    const row: AcupointRow | null = code ? this.repo.acupoint(code.code) : null
    if (!row)
      throw new ApiError(
        'not_found',
        `There is no acupoint "${cutInput(codeText)}" in the library.`
      )
    const p = row.content
    const status = builtinStatus(this.deps.tracking.get(ACUPOINT_KIND, p.code), row.textHash)
    return {
      ...pointSummary(p),
      pinyinTones: p.pinyinTones ?? null,
      aliases: p.aliases ?? [],
      location: p.location,
      cun: p.cun ?? [],
      needling: p.needling ? needling.toNeedlingView(p.needling) : null,
      flagNotes: p.flagNotes ?? null,
      references: p.references,
      contentVersion: row.contentVersion,
      isBuiltin: status.isBuiltin
    }
  }

  findAcupoints(q: string, limit = 50): AcupointSummary[] {
    return findAcupoints(q, this.data().points).slice(0, limit).map(pointSummary)
  }

  /** Title of a muscle, trigger point or point (for notes); null when it does not exist. */
  titleOf(
    kind: 'muscle' | 'trigger-point' | 'acupoint',
    id: string
  ): { title: string; parentId: string | null } | null {
    if (kind === 'muscle') {
      const m = this.data().muscles.find((row) => row.id === id)
      return m ? { title: m.content.name, parentId: null } : null
    }
    if (kind === 'trigger-point') {
      const owner = this.repo.triggerPointOwner(id)
      return owner ? { title: owner.name, parentId: owner.muscleId } : null
    }
    const p = this.data().points.find((point) => point.code === id)
    return p ? { title: `${p.code} ${p.pinyin} (${p.english})`, parentId: null } : null
  }
}

type Marker = NonNullable<AcupointFileEntry['marker']>

const pointSummary = (p: AcupointFileEntry): AcupointSummary => ({
  code: p.code,
  pinyin: p.pinyin,
  hanzi: p.hanzi ?? null,
  english: p.english,
  meridian: p.meridian,
  number: p.number,
  region: p.region,
  flags: p.flags,
  marker: p.marker ?? null
})

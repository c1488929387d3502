import type { MapMuscle } from '../api/atlas'

/** What the map needs of a muscle: the shipped content file and the API's Muscle both fit. */
export interface MapMuscleSource {
  readonly id: MapMuscle['id']
  readonly name: string
  readonly patientName?: string | null | undefined
  readonly region: MapMuscle['region']
  readonly innervation: { readonly roots: MapMuscle['roots'] }
  readonly triggerPoints: readonly {
    readonly id: string
    readonly name: string
    readonly markers: MapMuscle['triggerPoints'][number]['markers']
    readonly referral: { readonly zones: MapMuscle['triggerPoints'][number]['zones'] }
  }[]
}

/** The body map's view of a muscle: its markers and referral zones, without the text. */
export const toMapMuscle = (muscle: MapMuscleSource, flags: MapMuscle['flags']): MapMuscle => ({
  id: muscle.id,
  name: muscle.name,
  patientName: muscle.patientName ?? null,
  region: muscle.region,
  roots: muscle.innervation.roots,
  flags,
  triggerPoints: muscle.triggerPoints.map((tp) => ({
    id: tp.id,
    name: tp.name,
    markers: tp.markers,
    zones: tp.referral.zones
  }))
})

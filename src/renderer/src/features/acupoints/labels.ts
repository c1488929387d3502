export const REGION_LABELS: Readonly<Record<string, string>> = {
  head: 'Head and face',
  neck: 'Neck',
  chest: 'Chest',
  abdomen: 'Abdomen',
  back: 'Back',
  arm: 'Arm',
  hand: 'Hand',
  leg: 'Leg',
  foot: 'Foot'
}

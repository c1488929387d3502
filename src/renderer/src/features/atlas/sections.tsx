import type { Section } from '../../app/types'
import { lazyScreen } from '../../lib/lazy-screen'
import { navigate } from '../../lib/router'
import { BodyIcon, NoteIcon, PointIcon } from '../../components/icons'
import { atlasPaths } from './paths'

// Each screen is its own chunk: the body map and the notes editor load on first use.
const AtlasScreen = lazyScreen(() => import('./atlas-screen').then((m) => m.AtlasScreen))
const MuscleScreen = lazyScreen(() => import('./muscle-screen').then((m) => m.MuscleScreen))
const AcupointsScreen = lazyScreen(() =>
  import('../acupoints/acupoints-screen').then((m) => m.AcupointsScreen)
)
const AcupointScreen = lazyScreen(() =>
  import('../acupoints/acupoint-screen').then((m) => m.AcupointScreen)
)
const NotesScreen = lazyScreen(() => import('../notes/notes-screen').then((m) => m.NotesScreen))
const NoteScreen = lazyScreen(() => import('../notes/note-screen').then((m) => m.NoteScreen))

/** The trigger-point atlas on the body map (issue 4). */
export const atlasSection: Section = {
  id: 'atlas',
  label: 'Atlas',
  icon: BodyIcon,
  path: '/atlas',
  prefix: '/atlas',
  routes: [
    { pattern: '/atlas', render: ({ location }) => <AtlasScreen query={location.query} /> },
    {
      pattern: '/atlas/muscles/:id',
      render: ({ params, location }) => (
        <MuscleScreen key={params.id} id={params.id ?? ''} tp={location.query.get('tp')} />
      )
    }
  ],
  commands: () => [
    {
      id: 'atlas:open',
      label: 'Go to the trigger-point atlas',
      keywords: 'body map muscles trigger points',
      run: () => navigate(atlasPaths.atlas())
    },
    {
      id: 'atlas:pain',
      label: 'Search from pain (where it hurts)',
      keywords: 'referred pain referral zone body map',
      run: () => navigate(atlasPaths.atlas({ mode: 'pain' }))
    },
    {
      id: 'atlas:roots',
      label: 'Look up muscles by nerve root (IMS)',
      keywords: 'segmental segment myotome root level paraspinal',
      run: () => navigate(atlasPaths.atlas({ mode: 'roots' }))
    }
  ],
  searchKinds: {
    muscle: (hit) => atlasPaths.muscle(hit.id),
    'trigger-point': (hit) =>
      hit.parent ? atlasPaths.muscle(hit.parent.id, hit.id) : atlasPaths.atlas()
  }
}

export const acupointsSection: Section = {
  id: 'acupoints',
  label: 'Acupoints',
  icon: PointIcon,
  path: '/acupoints',
  prefix: '/acupoints',
  routes: [
    { pattern: '/acupoints', render: ({ location }) => <AcupointsScreen query={location.query} /> },
    {
      pattern: '/acupoints/:code',
      render: ({ params }) => <AcupointScreen key={params.code} code={params.code ?? ''} />
    }
  ],
  commands: () => [
    {
      id: 'acupoints:open',
      label: 'Browse acupoints by channel',
      keywords: 'meridian points acupuncture',
      run: () => navigate(atlasPaths.acupoints())
    }
  ],
  searchKinds: { acupoint: (hit) => atlasPaths.acupoint(hit.id) }
}

export const notesSection: Section = {
  id: 'notes',
  label: 'Notes',
  icon: NoteIcon,
  path: '/notes',
  prefix: '/notes',
  routes: [
    { pattern: '/notes', render: ({ location }) => <NotesScreen query={location.query} /> },
    {
      pattern: '/notes/:id',
      render: ({ params }) => <NoteScreen key={params.id} id={params.id ?? ''} />
    }
  ],
  commands: () => [
    {
      id: 'notes:open',
      label: 'Go to your notes',
      keywords: 'notes practitioner pinned drafts',
      run: () => navigate(atlasPaths.notes())
    }
  ],
  searchKinds: { note: (hit) => atlasPaths.note(hit.id) }
}

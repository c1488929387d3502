import type { Section } from '../../app/types'
import { lazyScreen } from '../../lib/lazy-screen'
import { navigate } from '../../lib/router'
import { DeskIcon, GearIcon, HandoutIcon } from '../../components/icons'
import { handoutPaths } from './paths'

// Each screen is its own chunk; pdf.js loads only when pages are drawn.
const HandoutsScreen = lazyScreen(() => import('./handouts-screen').then((m) => m.HandoutsScreen))
const HandoutScreen = lazyScreen(() => import('./handout-screen').then((m) => m.HandoutScreen))
const HandoutEditorScreen = lazyScreen(() =>
  import('./handout-editor').then((m) => m.HandoutEditorScreen)
)
const PrintLogScreen = lazyScreen(() => import('./print-log-screen').then((m) => m.PrintLogScreen))
const FrontDeskScreen = lazyScreen(() =>
  import('../front-desk/front-desk-screen').then((m) => m.FrontDeskScreen)
)
const SettingsScreen = lazyScreen(() =>
  import('../settings/settings-screen').then((m) => m.SettingsScreen)
)
const BackupsScreen = lazyScreen(() =>
  import('../backups/backups-screen').then((m) => m.BackupsScreen)
)
const ClinicNetworkScreen = lazyScreen(() =>
  import('../clinic-network/clinic-network-screen').then((m) => m.ClinicNetworkScreen)
)

const READ_ONLY_REASON =
  'Editing is off here: the library is read-only, or this computer is in front-desk mode.'

/** The front desk: packs and handouts printed in a few clicks (issue 3). */
export const frontDeskSection: Section = {
  id: 'front-desk',
  label: 'Front desk',
  icon: DeskIcon,
  path: handoutPaths.frontDesk(),
  prefix: '/front-desk',
  routes: [{ pattern: '/front-desk', render: () => <FrontDeskScreen /> }],
  commands: () => [
    {
      id: 'front-desk:open',
      label: 'Open the front desk (print handouts)',
      keywords: 'print handout pack patient',
      run: () => navigate(handoutPaths.frontDesk())
    }
  ]
}

/** Patient handouts: texts, translations, versions, preview and the print log. */
export const handoutsSection: Section = {
  id: 'handouts',
  label: 'Handouts',
  icon: HandoutIcon,
  path: handoutPaths.list(),
  prefix: '/handouts',
  routes: [
    { pattern: '/handouts', render: () => <HandoutsScreen /> },
    { pattern: '/handouts/new', render: () => <HandoutEditorScreen mode={{ kind: 'create' }} /> },
    {
      pattern: '/handouts/:id/add-language',
      render: ({ params }) => (
        <HandoutEditorScreen key={params.id} mode={{ kind: 'add-language', id: params.id ?? '' }} />
      )
    },
    {
      pattern: '/handouts/:id/:lang',
      render: ({ params }) => (
        <HandoutScreen
          key={`${params.id}/${params.lang}`}
          id={params.id ?? ''}
          lang={params.lang ?? ''}
        />
      )
    },
    {
      pattern: '/handouts/:id/:lang/edit',
      render: ({ params }) => (
        <HandoutEditorScreen
          key={`${params.id}/${params.lang}`}
          mode={{ kind: 'edit', id: params.id ?? '', lang: params.lang ?? '' }}
        />
      )
    },
    { pattern: '/print-log', render: () => <PrintLogScreen /> }
  ],
  commands: ({ readOnly }) => [
    {
      id: 'handouts:open',
      label: 'Go to Handouts',
      keywords: 'patient sheets translations',
      run: () => navigate(handoutPaths.list())
    },
    {
      id: 'handouts:new',
      label: 'New handout',
      keywords: 'create write patient sheet',
      disabledReason: readOnly ? READ_ONLY_REASON : undefined,
      run: () => navigate(handoutPaths.create())
    },
    {
      id: 'print-log:open',
      label: 'Open the print log',
      keywords: 'printed history reprint',
      run: () => navigate(handoutPaths.log())
    }
  ],
  searchKinds: {
    handout: (hit) => {
      const [id = hit.id, lang = 'en'] = hit.id.split('/')
      return handoutPaths.handout(id, lang)
    }
  }
}

/** The clinic profile and print settings. */
export const settingsSection: Section = {
  id: 'settings',
  label: 'Settings',
  icon: GearIcon,
  path: handoutPaths.settings(),
  prefix: '/settings',
  routes: [
    { pattern: '/settings', render: () => <SettingsScreen /> },
    { pattern: '/settings/backups', render: () => <BackupsScreen /> },
    { pattern: '/settings/clinic-network', render: () => <ClinicNetworkScreen /> }
  ],
  commands: () => [
    {
      id: 'settings:open',
      label: 'Open the settings (clinic profile)',
      keywords: 'clinic name phone logo paper printer preferences',
      run: () => navigate(handoutPaths.settings())
    },
    {
      id: 'backups:open',
      label: 'Open Backups (back up now, restore, save a copy)',
      keywords: 'backup restore copy usb safety recover',
      run: () => navigate(handoutPaths.backups())
    },
    {
      id: 'library:export-import',
      label: 'Export or import the library (move to a new computer, share)',
      keywords: 'export import move transfer share computer file',
      run: () => navigate(handoutPaths.backups())
    }
  ]
}

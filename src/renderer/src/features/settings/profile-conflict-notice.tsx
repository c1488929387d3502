import { useState } from 'react'
import type { ClinicProfile } from '../../../../shared/api/settings'
import type { SyncConflict } from '../../../../shared/api/sync'
import { useToast } from '../../components/toast'
import { api } from '../../lib/api'
import { errorMessage } from '../../lib/errors'
import { useAsync } from '../../lib/use-async'
import { otherVersionDraft, profileDifferences } from './profile-versions'

/** The clinic profile is one item of the clinic network (docs/clinic-network.md, "Conflicts"). */
const ITEM = { kind: 'profile', itemId: 'clinic' } as const

interface OtherVersion {
  readonly conflict: SyncConflict
  /** Null when this computer no longer has the version (it is not offered then). */
  readonly profile: ClinicProfile | null
}

async function unseenVersions(): Promise<OtherVersion[]> {
  const conflicts = await api.sync.conflicts(ITEM)
  const unseen = conflicts.filter((conflict) => conflict.seenAt === null)
  return Promise.all(
    unseen.map(async (conflict) => ({
      conflict,
      profile:
        conflict.revision === null
          ? null
          : await api.settings.profileAt({ revision: conflict.revision })
    }))
  )
}

/** Moves focus to the clinic name once the notice has gone (it held the focus). */
const focusForm = (): void => {
  requestAnimationFrame(() => document.getElementById('profile-name')?.focus())
}

/**
 * Settings → the clinic profile, saved on two computers at the same time: the other version's
 * fields that differ from the shown profile, "Keep this profile" (looked at: the notice goes) and
 * "Use the other version" (saved as the profile through the usual saves; the one it replaces stays
 * a profile version). Shown until someone chooses; each computer keeps its own notice.
 */
export function ProfileConflictNotice(props: {
  readonly shown: ClinicProfile
  readonly readOnly: boolean
  readonly onReplaced: (saved: ClinicProfile) => void
}) {
  const toast = useToast()
  const { state, setData } = useAsync(unseenVersions, 'profile-conflicts')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  if (state.status !== 'ready' || state.data.length === 0) return null
  const { shown } = props

  const act = async (work: () => Promise<string>): Promise<void> => {
    setBusy(true)
    setError(null)
    try {
      const message = await work()
      await api.sync.markSeen(ITEM)
      setData([])
      toast({ message })
      focusForm()
    } catch (failure) {
      setError(errorMessage(failure))
    } finally {
      setBusy(false)
    }
  }

  const adopt = (other: ClinicProfile) =>
    act(async () => {
      let saved = await api.settings.saveProfile(otherVersionDraft(shown, other))
      const logo = other.logo?.dataBase64 ?? null
      if (logo !== (saved.logo?.dataBase64 ?? null)) {
        saved =
          logo === null
            ? await api.settings.clearLogo({})
            : await api.settings.setLogo({ fileName: 'logo', dataBase64: logo })
      }
      props.onReplaced(saved)
      return 'The other version is now the clinic profile. The one it replaced is kept.'
    })

  const versions = state.data
  const many = versions.length > 1
  const adoptButton = (other: ClinicProfile, label: string) => (
    <button
      type="button"
      className="button button--small"
      disabled={props.readOnly || busy}
      onClick={() => void adopt(other)}
    >
      {label}
    </button>
  )
  const only = many ? null : (versions[0]?.profile ?? null)
  return (
    <section
      className="notice notice--warning profile-conflict"
      aria-labelledby="profile-conflict-title"
    >
      <h2 id="profile-conflict-title">Also changed on another computer at the same time</h2>
      <p>
        The clinic profile was saved on two computers while they could not reach each other. The
        clinic profile form below shows one version; {many ? 'the others are' : 'the other is'} kept
        too.
      </p>
      {versions.map(({ conflict, profile }) => (
        <div
          className="profile-conflict__version"
          key={conflict.foundAt + String(conflict.revision)}
        >
          {many && <h3>Version {conflict.revision ?? ''}</h3>}
          {profile === null ? (
            <p>This computer no longer has the other version.</p>
          ) : (
            <>
              <OtherVersionDifferences shown={shown} other={profile} />
              {many && adoptButton(profile, `Use version ${profile.revision}`)}
            </>
          )}
        </div>
      ))}
      {error !== null && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <div className="notice__actions">
        {only !== null && adoptButton(only, 'Use the other version')}
        <button
          type="button"
          className="button button--small"
          disabled={props.readOnly || busy}
          onClick={() => void act(async () => 'The clinic profile stays as it is.')}
        >
          Keep this profile
        </button>
      </div>
    </section>
  )
}

function OtherVersionDifferences(props: { shown: ClinicProfile; other: ClinicProfile }) {
  const differences = profileDifferences(props.shown, props.other)
  if (differences.length === 0) {
    return <p>The other version has the same details as the form below.</p>
  }
  return (
    <>
      <p>What the other version has that is different:</p>
      <dl className="profile-conflict__differences">
        {differences.map((difference) => (
          <div key={difference.label}>
            <dt>{difference.label}</dt>
            <dd>
              Other version: {difference.other}. In the form below: {difference.shown}.
            </dd>
          </div>
        ))}
      </dl>
    </>
  )
}

import { useEffect, useRef, useState } from 'react'
import type { NetworkStatus } from '../../../../shared/api/network'
import { api } from '../../lib/api'
import { navigate } from '../../lib/router'
import {
  CLINIC_NETWORK_PATH,
  LIBRARY_SYNCED_EVENT,
  NETWORK_CHANGED_EVENT,
  statusLine
} from './status-text'
import './clinic-network.css'

/** How often the top bar asks (no push channel exists; asking is one cheap call). */
const POLL_MS = 5_000

/**
 * The clinic network in the top bar: connected / offline / last synced / items waiting. Asked
 * every few seconds, when the window gets focus and when the clinic network screen changes
 * something. Shows nothing on a computer that is not on a clinic network.
 */
export function NetworkIndicator() {
  const [status, setStatus] = useState<NetworkStatus | null>(null)
  const [now, setNow] = useState(() => new Date())
  const lastSynced = useRef<string | null | undefined>(undefined)
  useEffect(() => {
    let active = true
    const ask = () => {
      api.network.status({}).then(
        (next) => {
          if (!active) return
          const synced = next.sync.lastSyncedAt
          if (lastSynced.current !== undefined && synced !== lastSynced.current) {
            window.dispatchEvent(new Event(LIBRARY_SYNCED_EVENT))
          }
          lastSynced.current = synced
          setStatus(next)
          setNow(new Date())
        },
        () => undefined // the next ask tries again; the top bar never shows an error
      )
    }
    ask()
    const timer = window.setInterval(ask, POLL_MS)
    window.addEventListener('focus', ask)
    window.addEventListener(NETWORK_CHANGED_EVENT, ask)
    return () => {
      active = false
      window.clearInterval(timer)
      window.removeEventListener('focus', ask)
      window.removeEventListener(NETWORK_CHANGED_EVENT, ask)
    }
  }, [])
  const line = status === null ? null : statusLine(status, now)
  if (line === null) return null
  return (
    <button
      type="button"
      className={`network-indicator network-indicator--${line.tone}`}
      title={line.detail}
      onClick={() => navigate(CLINIC_NETWORK_PATH)}
    >
      <span className="network-indicator__dot" aria-hidden="true" />
      <span className="network-indicator__label">{line.label}</span>
      <span className="visually-hidden">: {line.detail} Open the clinic network settings.</span>
    </button>
  )
}

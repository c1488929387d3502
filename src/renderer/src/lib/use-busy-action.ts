import { useState } from 'react'
import { useToast } from '../components/toast'
import { errorMessage } from './errors'

/**
 * Runs one action at a time: `busy` while it runs (buttons disable themselves), and a failure
 * shown as an error toast in the core's own words.
 */
export function useBusyAction(): {
  readonly busy: boolean
  readonly run: (work: () => Promise<void>) => Promise<void>
} {
  const toast = useToast()
  const [busy, setBusy] = useState(false)
  const run = async (work: () => Promise<void>): Promise<void> => {
    setBusy(true)
    try {
      await work()
    } catch (error) {
      toast({ message: errorMessage(error), tone: 'error' })
    } finally {
      setBusy(false)
    }
  }
  return { busy, run }
}

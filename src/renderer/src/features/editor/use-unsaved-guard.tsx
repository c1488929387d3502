import { useCallback, useEffect, useRef } from 'react'
import { useConfirm } from '../../components/confirm'
import { setNavigationGuard } from '../../lib/router'

/**
 * While `dirty`, leaving the screen in the app asks first, and closing or reloading the window is
 * held back (`beforeunload`; the shell turns that into its own "leave?" dialog). `what` names the
 * thing being edited in the question ("this handout").
 */
export function useUnsavedGuard(dirty: boolean, what = 'this article') {
  const confirm = useConfirm()
  const dirtyRef = useRef(dirty)
  const whatRef = useRef(what)
  const bypassRef = useRef(false)

  useEffect(() => {
    dirtyRef.current = dirty
    whatRef.current = what
  }, [dirty, what])

  useEffect(
    () =>
      setNavigationGuard(async () => {
        if (!dirtyRef.current || bypassRef.current) return true
        return confirm({
          title: 'Leave without saving?',
          message: <p>Your changes to {whatRef.current} have not been saved. They will be lost.</p>,
          confirmLabel: 'Discard changes',
          cancelLabel: 'Keep editing',
          danger: true
        })
      }),
    [confirm]
  )

  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!dirtyRef.current || bypassRef.current) return
      event.preventDefault()
      event.returnValue = ''
    }
    window.addEventListener('beforeunload', onBeforeUnload)
    return () => window.removeEventListener('beforeunload', onBeforeUnload)
  }, [])

  /** Runs `work` (a save that then navigates) with the guard off. */
  const withoutGuard = useCallback(async <T,>(work: () => Promise<T>): Promise<T> => {
    bypassRef.current = true
    try {
      return await work()
    } finally {
      bypassRef.current = false
    }
  }, [])

  return { withoutGuard }
}

import { useEffect } from 'react'

/** Window title: "Neck pain · Pointbook". */
export function useDocumentTitle(title: string | null): void {
  useEffect(() => {
    document.title = title ? `${title} · Pointbook` : 'Pointbook'
  }, [title])
}

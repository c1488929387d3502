import { useLayoutEffect, useRef, useState } from 'react'
import type { RefObject } from 'react'
import { noteLinkText, openLinkQuery } from '../../../../shared/api/notes-text'
import type { SearchHit } from '../../../../shared/api/search'
import { useItemChooser } from './item-chooser'

interface OpenLink {
  /** Where the `[[` starts, and where the caret is (the end of what was typed after it). */
  readonly start: number
  readonly end: number
  readonly query: string
}

/**
 * Typing `[[` in a note opens a list of items from the one search; choosing one replaces what
 * was typed with `[[kind:id|Title]]` (notes-text.ts). Escape closes the list for that `[[`.
 */
export function useLinkAutocomplete(
  textRef: RefObject<HTMLTextAreaElement | null>,
  body: string,
  setBody: (value: string) => void
) {
  const [open, setOpen] = useState<OpenLink | null>(null)
  const [dismissed, setDismissed] = useState<number | null>(null)
  /** Where the caret goes once the chosen link is in the textarea. */
  const caretAfterLink = useRef<number | null>(null)
  // In the commit that puts the link in the textarea, before anything else can be typed: a key
  // pressed before a later frame landed after the link, then the caret jumped back before it.
  useLayoutEffect(() => {
    const caret = caretAfterLink.current
    const el = textRef.current
    if (caret === null || el === null || el.value.length < caret) return
    caretAfterLink.current = null
    el.focus()
    el.setSelectionRange(caret, caret)
  })

  /** Reads the text before the caret (after each change and caret move). */
  const update = () => {
    const el = textRef.current
    if (!el) return
    const caret = el.selectionStart
    const found = el.selectionEnd === caret ? openLinkQuery(el.value.slice(0, caret)) : null
    setOpen(found && found.start !== dismissed ? { ...found, end: caret } : null)
  }

  const choose = (hit: SearchHit) => {
    if (!open) return
    const link = noteLinkText(hit.kind, hit.id, hit.title)
    setBody(body.slice(0, open.start) + link + body.slice(open.end))
    setOpen(null)
    caretAfterLink.current = open.start + link.length
  }

  const chooser = useItemChooser(open ? open.query : null, choose, () => {
    setDismissed(open?.start ?? null)
    setOpen(null)
  })
  /** Leaving the text box closes the list (typing there again reopens it). */
  const close = () => setOpen(null)
  return { open: open !== null, chooser, update, choose, close }
}

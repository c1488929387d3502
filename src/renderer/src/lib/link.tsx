import type { AnchorHTMLAttributes, MouseEvent, ReactNode } from 'react'
import { navigate, toHref } from './router'

interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  /** '/articles/abc' or '#/articles/abc' */
  to: string
  children: ReactNode
}

/** An in-app link: a real anchor (so it can be focused and read as a link) that goes through the
 * router, so the unsaved-changes guard is asked first. */
export function Link({ to, onClick, children, ...rest }: LinkProps) {
  const href = toHref(to)
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event)
    // No new windows in this app: a modified click is treated as a plain one.
    if (event.defaultPrevented || event.button !== 0) return
    event.preventDefault()
    void navigate(href)
  }
  return (
    <a href={href} onClick={handleClick} {...rest}>
      {children}
    </a>
  )
}

import type { ReactNode } from 'react'
import { Link } from '../lib/link'

export interface Crumb {
  readonly to: string
  readonly label: ReactNode
}

/** The way back up from a screen: one labelled navigation landmark, the same on every screen. */
export function Breadcrumb({ items }: { items: readonly Crumb[] }) {
  return (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      <ol>
        {items.map((item) => (
          <li key={item.to}>
            <Link to={item.to}>{item.label}</Link>
          </li>
        ))}
      </ol>
    </nav>
  )
}

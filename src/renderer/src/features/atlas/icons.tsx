import type { ReactNode } from 'react'

function Icon({ children }: { children: ReactNode }) {
  return (
    <svg
      viewBox="0 0 24 24"
      width="18"
      height="18"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  )
}

/** A standing figure with a marked point. */
export const BodyIcon = () => (
  <Icon>
    <circle cx="12" cy="4.2" r="2.2" />
    <path d="M7 8.5h10M12 8.5v6.5M12 15l-3 6.5M12 15l3 6.5M7 8.5 5.5 14M17 8.5l1.5 5.5" />
    <circle cx="15" cy="11" r="1" fill="currentColor" />
  </Icon>
)

/** A point with rings: an acupoint. */
export const PointIcon = () => (
  <Icon>
    <circle cx="12" cy="12" r="2" fill="currentColor" />
    <circle cx="12" cy="12" r="6" />
    <path d="M12 2.5v3M12 18.5v3M2.5 12h3M18.5 12h3" />
  </Icon>
)

/** A page with a folded corner: notes. */
export const NoteIcon = () => (
  <Icon>
    <path d="M5 3.5h10l4 4v13H5z" />
    <path d="M15 3.5v4h4M8.5 12h7M8.5 15.5h7M8.5 8.5h3" />
  </Icon>
)

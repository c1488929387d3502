import { Link } from '../lib/link'
import { useLocation } from '../lib/router'
import { SECTIONS } from './sections'

/** The app's sections (from the registry); collapses behind the menu button on narrow windows. */
export function Sidebar({ open, onNavigate }: { open: boolean; onNavigate: () => void }) {
  const { path } = useLocation()
  return (
    <nav id="sidebar" className={open ? 'sidebar sidebar--open' : 'sidebar'} aria-label="Sections">
      <ul className="sidebar__list">
        {SECTIONS.map((section) => {
          const Icon = section.icon
          const active = path === section.prefix || path.startsWith(`${section.prefix}/`)
          return (
            <li key={section.id}>
              <Link
                to={section.path}
                className={active ? 'sidebar__link sidebar__link--active' : 'sidebar__link'}
                aria-current={path === section.path ? 'page' : active ? 'true' : undefined}
                onClick={onNavigate}
              >
                <Icon />
                <span>{section.label}</span>
              </Link>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}

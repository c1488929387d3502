import { CommandIcon, MenuIcon } from '../components/icons'
import { MOD_LABEL } from '../lib/keys'
import { SearchBox } from '../features/search/search-box'
import { FrontDeskIndicator } from '../features/role/front-desk-indicator'
import { NetworkIndicator } from '../features/clinic-network/network-indicator'

interface TopBarProps {
  menuOpen: boolean
  onToggleMenu: () => void
  onOpenPalette: () => void
}

export function TopBar({ menuOpen, onToggleMenu, onOpenPalette }: TopBarProps) {
  return (
    <header className="top-bar">
      <button
        type="button"
        className="button button--quiet top-bar__menu"
        aria-expanded={menuOpen}
        aria-controls="sidebar"
        onClick={onToggleMenu}
      >
        <MenuIcon />
        <span className="visually-hidden">Sections</span>
      </button>
      <span className="top-bar__brand">
        <span className="top-bar__logo" aria-hidden="true" />
        Pointbook
      </span>
      <SearchBox />
      <NetworkIndicator />
      <FrontDeskIndicator />
      <button
        type="button"
        className="button button--quiet top-bar__palette"
        onClick={onOpenPalette}
        aria-keyshortcuts="Control+K Meta+K"
      >
        <CommandIcon />
        <span className="top-bar__palette-label">Commands</span>
        <kbd>{MOD_LABEL}+K</kbd>
      </button>
    </header>
  )
}

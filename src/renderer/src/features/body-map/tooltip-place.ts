export interface Box {
  readonly left: number
  readonly top: number
  readonly width: number
  readonly height: number
}

/** Space between the marker and its tooltip, and kept free at the window's edges (CSS px). */
const GAP = 12
const MARGIN = 8

/**
 * Where a marker's tooltip goes, in window coordinates: beside the marker on the right, flipped
 * to its left when the right has no room, and below or above it when neither side has; then
 * shifted so the whole tooltip stays inside the window. (Placed inside the map, as it was, a
 * tooltip near the map's edge was cut off by the map's scroll box.)
 */
export function placeTooltip(
  marker: Box,
  tip: { readonly width: number; readonly height: number },
  window: { readonly width: number; readonly height: number }
): { left: number; top: number } {
  const clamp = (value: number, size: number, room: number) =>
    Math.max(MARGIN, Math.min(value, room - MARGIN - size))
  const middleY = marker.top + marker.height / 2
  const right = marker.left + marker.width + GAP
  const left = marker.left - GAP - tip.width
  if (right + tip.width <= window.width - MARGIN) {
    return { left: right, top: clamp(middleY - tip.height / 2, tip.height, window.height) }
  }
  if (left >= MARGIN) {
    return { left, top: clamp(middleY - tip.height / 2, tip.height, window.height) }
  }
  const below = marker.top + marker.height + GAP
  const top = below + tip.height <= window.height - MARGIN ? below : marker.top - GAP - tip.height
  return {
    left: clamp(marker.left + marker.width / 2 - tip.width / 2, tip.width, window.width),
    top: clamp(top, tip.height, window.height)
  }
}

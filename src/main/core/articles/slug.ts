/** The longest slug made from a title; long titles are cut at a word boundary. */
const MAX_SLUG_LENGTH = 80

/**
 * A stable kebab-case id from a title: "Acupuncture & IMS — compared" → "acupuncture-ims-compared".
 * Accents are dropped; a title with no Latin letters or digits (e.g. Chinese) gives "article".
 */
export function slugify(title: string, fallback = 'article'): string {
  const words = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((word) => word !== '')
  let slug = ''
  for (const word of words) {
    const next = slug === '' ? word : `${slug}-${word}`
    if (next.length > MAX_SLUG_LENGTH) break
    slug = next
  }
  if (slug === '' && words[0]) slug = words[0].slice(0, MAX_SLUG_LENGTH)
  return slug === '' ? fallback : slug
}

/** `base`, or `base-2`, `base-3` … whichever is not taken yet. */
export function uniqueSlug(base: string, isTaken: (slug: string) => boolean): string {
  if (!isTaken(base)) return base
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`
    if (!isTaken(candidate)) return candidate
  }
}

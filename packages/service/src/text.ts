/**
 * What name search compares: lower case, accents removed ("Émile" and "emile" match), spaces
 * collapsed. Stored beside each name so a search is one indexed `LIKE` on PGlite and on
 * PostgreSQL alike, without the unaccent extension.
 */
export function searchKey(...parts: (string | null | undefined)[]): string {
  return parts
    .filter((p): p is string => Boolean(p))
    .join(' ')
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** A name as stored: trimmed, inner white space collapsed. */
export function cleanName(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** A URL-safe slug for ids of bodies under a parent ("Dinas Kesehatan" -> "dinas-kesehatan"). */
export function slugify(name: string): string {
  return searchKey(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

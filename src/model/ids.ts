/**
 * Ids for things a user creates (scenarios, members, drivers): readable, derived from the name,
 * unique within their list, and safe in member paths (no `/`) and as object keys.
 */
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_ID_LENGTH = 60;

export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_ID_LENGTH)
    .replace(/-+$/, '');
  return slug === '' || RESERVED.has(slug) ? 'item' : slug;
}

/** `slugify(name)`, or with `-2`, `-3` … appended until it is not in `taken`. */
export function uniqueId(name: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const base = slugify(name);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!used.has(candidate)) return candidate;
  }
}

/** `name`, or `name (2)`, `name (3)` … until no other item has it. */
export function uniqueName(name: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(name)) return name;
  for (let n = 2; ; n++) {
    const candidate = `${name} (${n})`;
    if (!used.has(candidate)) return candidate;
  }
}

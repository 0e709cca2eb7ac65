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
  return idPool(taken).take(name);
}

export interface IdPool {
  /** An id for `name` that is not taken, which is then taken: `slugify(name)`, or with `-2`, `-3` … */
  take(name: string): string;
  /** Marks an id as taken. */
  add(id: string): void;
  has(id: string): boolean;
}

/**
 * Ids handed out one after another (the members an import creates), each unique among `taken`
 * and the ones before it. Calling `uniqueId` in a loop copies the taken ids every time, and
 * hundreds of names with the same slug try `-2`, `-3` … from the start each time; a pool keeps
 * one set and, per slug, where to go on counting.
 */
export function idPool(taken: Iterable<string>): IdPool {
  const used = new Set(taken);
  const nextSuffix = new Map<string, number>();
  return {
    take(name) {
      const base = slugify(name);
      let id = base;
      if (used.has(id)) {
        let n = nextSuffix.get(base) ?? 2;
        while (used.has(`${base}-${n}`)) n++;
        id = `${base}-${n}`;
        nextSuffix.set(base, n + 1);
      }
      used.add(id);
      return id;
    },
    add(id) {
      used.add(id);
    },
    has(id) {
      return used.has(id);
    },
  };
}

/**
 * `name`, or `name (2)`, `name (3)` … until no other item has it. `keyOf` says when two names are
 * the same (say, ignoring case); by default when they are equal.
 */
export function uniqueName(name: string, taken: Iterable<string>, keyOf: (name: string) => string = (n) => n): string {
  const used = new Set(Array.from(taken, keyOf));
  if (!used.has(keyOf(name))) return name;
  for (let n = 2; ; n++) {
    const candidate = `${name} (${n})`;
    if (!used.has(keyOf(candidate))) return candidate;
  }
}

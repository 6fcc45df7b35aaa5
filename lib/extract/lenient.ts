/**
 * Lenient payload schemas: a handful of combinators that read untrusted JSON field by field, where
 * a field of the wrong type reads as undefined and costs only itself, never its object. Every
 * platform's payload schemas are built from these; the domain types stay zod (lib/model).
 *
 * Why not zod here: zod runs jitless wherever Scout runs (extension pages and the worker forbid
 * eval), and reading one 2 KB API body through `.catch`-wrapped zod schemas took 3–4× a bare
 * JSON.parse, over the 3× budget `npm run bench` holds every reader to. These read only declared
 * keys, allocate one object per object read, and never throw.
 */

/** A lenient schema: the value read as T, or undefined when it does not fit. Never throws. */
export type Lenient<T> = (value: unknown) => T | undefined;

/** The type a lenient schema reads. */
export type Infer<S> = S extends Lenient<infer T> ? T : never;

type Shape = Readonly<Record<string, Lenient<unknown>>>;
/** An object read with a shape: every field optional, as any may be missing or mistyped. */
export type ShapeOf<S extends Shape> = { -readonly [K in keyof S]?: Infer<S[K]> };

const hasOwn = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);

/** True for a JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string. */
export const str: Lenient<string> = (v) => (typeof v === 'string' ? v : undefined);

/** A boolean. */
export const bool: Lenient<boolean> = (v) => (typeof v === 'boolean' ? v : undefined);

/** A finite number. */
export const num: Lenient<number> = (v) =>
  typeof v === 'number' && Number.isFinite(v) ? v : undefined;

/** Either of two schemas, the first that reads. */
export function either<A, B>(a: Lenient<A>, b: Lenient<B>): Lenient<A | B> {
  return (v) => {
    const first = a(v);
    return first !== undefined ? first : b(v);
  };
}

/** An object: the declared keys only (own properties), each read on its own. */
export function obj<S extends Shape>(shape: S): Lenient<ShapeOf<S>> {
  const keys = Object.keys(shape);
  return (v) => {
    if (!isRecord(v)) return undefined;
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      if (!hasOwn(v, key)) continue;
      const read = (shape[key] as Lenient<unknown>)(v[key]);
      if (read !== undefined) out[key] = read;
    }
    return out as ShapeOf<S>;
  };
}

/** An array whose unreadable entries are dropped one by one; at most `max` entries are read. */
export function list<T>(item: Lenient<T>, max = 1_000): Lenient<T[]> {
  return (v) => {
    if (!Array.isArray(v)) return undefined;
    const out: T[] = [];
    for (let i = 0; i < v.length && i < max; i++) {
      const read = item(v[i]);
      if (read !== undefined) out.push(read);
    }
    return out;
  };
}

/** An object used as a map (SIGI's users by handle, items by id); at most `max` entries. */
export function dict<T>(item: Lenient<T>, max = 1_000): Lenient<Record<string, T>> {
  return (v) => {
    if (!isRecord(v)) return undefined;
    // A null prototype: keys such as "__proto__" or "constructor" are data here, nothing more.
    const out = Object.create(null) as Record<string, T>;
    let n = 0;
    for (const key of Object.keys(v)) {
      if (n++ >= max) break;
      const read = item(v[key]);
      if (read !== undefined) out[key] = read;
    }
    return out;
  };
}

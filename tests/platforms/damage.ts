/**
 * Damage for the platforms' mutation tests: the ways pages and bodies break in the wild (cut short,
 * keys gone, values of the wrong type, huge strings, absurd nesting), applied deterministically
 * from a seeded generator so that a failure reproduces. Values are never replaced by another
 * plausible number: a payload that says another number legitimately reads as that number.
 */

export type Rng = () => number;
type Json = unknown;
type Path = (string | number)[];

/** xorshift32, seeded: small and deterministic. */
export function seeded(seed: number): Rng {
  let x = seed >>> 0 || 0x9e3779b9;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 4294967296;
  };
}

/** A seed from a text (FNV-1a). */
export function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export const choose = <T>(rng: Rng, items: readonly T[]): T =>
  items[Math.floor(rng() * items.length)] as T;

/** Paths to the values of a JSON tree, breadth-first, at most `limit`. */
function pathsOf(root: Json, limit = 4000): Path[] {
  const out: Path[] = [];
  const queue: [Json, Path][] = [[root, []]];
  for (let i = 0; i < queue.length && out.length < limit; i++) {
    const [value, path] = queue[i]!;
    if (path.length) out.push(path);
    if (Array.isArray(value)) value.forEach((v, k) => queue.push([v, [...path, k]]));
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) queue.push([v, [...path, k]]);
    }
  }
  return out;
}

function holderOf(root: Json, path: Path): Record<string | number, Json> | undefined {
  let node = root as Record<string | number, Json> | undefined;
  for (const key of path.slice(0, -1)) {
    const next = node?.[key];
    if (!next || typeof next !== 'object') return undefined;
    node = next as Record<string | number, Json>;
  }
  return node;
}

/** The same value in another type, or an impossible number; never a different plausible count. */
function retyped(rng: Rng, v: Json): Json {
  if (typeof v === 'number') {
    return choose(rng, [String(v), `${v}.5`, v + 0.5, -1 - v, 2 ** 60, 'NaN', null, [v], { v }]);
  }
  if (typeof v === 'string') return choose(rng, [0, true, null, [v], { v }, '']);
  if (typeof v === 'boolean') return choose(rng, [String(v), Number(v), null, [v]]);
  if (Array.isArray(v)) return choose(rng, [{}, 'list', 7, null, [null, 1, 'x']]);
  if (v && typeof v === 'object') return choose(rng, ['{}', 3, [], null, false]);
  return choose(rng, ['null', 0, {}, []]);
}

const NESTED = '"@@nested@@"';

/**
 * One to four structural damages of a JSON value, as text (deep nesting spliced in as text).
 * `huge`: the length of a huge string (smaller for JSON that ends up inside a parsed DOM).
 */
export function damageJson(rng: Rng, json: Json, { huge = 250_000 } = {}): string {
  const root = structuredClone(json);
  const all = pathsOf(root);
  const kind = choose(rng, ['drop', 'retype', 'drop', 'retype', 'huge', 'nest', 'grow'] as const);
  // Growth compounds (copies of copies): once per damage keeps the text tens of MB at most.
  const times = kind === 'grow' ? 1 : 1 + Math.floor(rng() * 4);
  for (let i = 0; i < times && all.length; i++) {
    const path = choose(rng, all);
    const holder = holderOf(root, path);
    const key = path[path.length - 1]!;
    if (!holder || !(key in holder)) continue;
    if (kind === 'drop') {
      if (Array.isArray(holder)) holder.splice(key as number, 1);
      else delete holder[key];
    } else if (kind === 'retype') {
      holder[key] = retyped(rng, holder[key]);
    } else if (kind === 'huge') {
      holder[key] = choose(rng, ['a', '7', '\u{1F525}', '</script>', '"']).repeat(huge);
    } else if (kind === 'grow') {
      // Many copies of a part: bounded lists must stay bounded, duplicates must merge.
      const v = holder[key];
      holder[key] = Array.isArray(v) ? Array(3000).fill(v[0]) : Array(3000).fill(v);
    } else {
      holder[key] = JSON.parse(NESTED);
    }
  }
  const depth = 3000 + Math.floor(rng() * 15_000);
  const nested = choose(rng, [
    '['.repeat(depth) + ']'.repeat(depth),
    '{"data":'.repeat(depth) + '{}' + '}'.repeat(depth),
  ]);
  return JSON.stringify(root).split(NESTED).join(nested);
}

/** A JSON value with every property named in `keys` removed, at any depth. */
export function withoutKeys(json: Json, keys: ReadonlySet<string>): Json {
  if (Array.isArray(json)) return json.map((v) => withoutKeys(v, keys));
  if (!json || typeof json !== 'object') return json;
  return Object.fromEntries(
    Object.entries(json)
      .filter(([k]) => !keys.has(k))
      .map(([k, v]) => [k, withoutKeys(v, keys)]),
  );
}

/**
 * Where the JSON documents of a page are, as [start, end) text spans: JSON and ld+json scripts,
 * `window._sharedData = {…}` and `__additionalDataLoaded('…', {…})`.
 */
export function jsonSpans(html: string): [number, number][] {
  const spans: [number, number][] = [];
  const script = /<script[^>]*>([\s\S]*?)<\/script>/g;
  for (let m = script.exec(html); m; m = script.exec(html)) {
    const body = m[1] ?? '';
    const at = m.index + m[0].length - '</script>'.length - body.length;
    const trimmed = body.trim();
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
      const start = at + body.indexOf(trimmed[0]!);
      spans.push([start, start + trimmed.length]);
      continue;
    }
    const call = /(?:_sharedData\s*=\s*|__additionalDataLoaded\([^,]*,\s*)(?=\{)/.exec(body);
    if (!call) continue;
    const from = call.index + call[0].length;
    const end = body.lastIndexOf('}') + 1;
    if (end > from) spans.push([at + from, at + end]);
  }
  return spans.filter(([a, b]) => {
    try {
      JSON.parse(html.slice(a, b));
      return true;
    } catch {
      return false;
    }
  });
}

/** The page with each JSON document replaced by `change(document)` as text. */
export function mapJsonSpans(html: string, change: (json: Json) => string): string {
  let out = '';
  let last = 0;
  for (const [a, b] of jsonSpans(html)) {
    out += html.slice(last, a) + change(JSON.parse(html.slice(a, b)));
    last = b;
  }
  return out + html.slice(last);
}

const JUNK = ['', 'NaN', '-5', '1e999', '∞', '9'.repeat(300), '<b>', '12abc', '1.2.3M', ' , , '];

/** One damage of a page: cut short, a JSON document damaged, meta or header counts garbled. */
export function damageHtml(rng: Rng, html: string): string {
  const kind = choose(rng, ['cut', 'json', 'json', 'json', 'meta', 'header', 'huge'] as const);
  const spans = jsonSpans(html);
  if (kind === 'cut' || (kind === 'json' && !spans.length)) {
    return html.slice(0, Math.floor(rng() * html.length));
  }
  if (kind === 'meta') {
    return html.replace(/(content=")(\d[^"]*)(")/g, (_m, a: string, text: string, z: string) => {
      const words = text.split(/(\s+)/);
      return a + words.map((w) => (/\d/.test(w) ? choose(rng, JUNK) : w)).join('') + z;
    });
  }
  if (kind === 'header') {
    return html
      .replace(/title="[^"]*"/g, () => `title="${choose(rng, JUNK)}"`)
      .replace(/(<li[^>]*>)/g, (li: string) => `${li}${choose(rng, JUNK)} `);
  }
  if (kind === 'huge') {
    const at = Math.max(html.indexOf('<body>'), 0);
    return `${html.slice(0, at)}<body><header><ul><li>${'9'.repeat(200_000)}</li></ul></header>${html.slice(at)}`;
  }
  const [a, b] = choose(rng, spans);
  return html.slice(0, a) + damageJson(rng, JSON.parse(html.slice(a, b))) + html.slice(b);
}

/**
 * The in-feed chips' browser measures, their Node-side half: the invented For You pages the bench
 * serves for a feed of 100 more items, and the reading of a renderer trace for Scout's tasks.
 * Node-side only (scripts/bench-browser.ts drives the browser; never imported by extension code).
 */

/** How long one main-thread task may run before it is a long task (the Long Tasks API's threshold). */
export const LONG_TASK_MS = 50;

type Json = Record<string, unknown>;
const record = (v: unknown): Json => (v && typeof v === 'object' ? (v as Json) : {});

/** Follower counts cycled through the invented creators: every tier, exact and on TikTok's grid. */
const FOLLOWERS = [
  640, 4_310, 38_214, 271_400, 2_300_000, 12_977, 845_100, 7_925, 56_700, 1_700_000,
];

/**
 * `pages` For You bodies of `perPage` items each, for cursors 1..pages, in the shape of `template`
 * (a demo `/api/recommend/item_list/` body): its items cycled, each with an invented author of its
 * own (handle `bench.creator.<n>`, ids and counts of their own), `hasMore` until the last page. The
 * page's own script renders them like any other page of the feed.
 */
export function benchFeedPages(template: unknown, pages: number, perPage: number): string[] {
  const body = record(template);
  const items = Array.isArray(body.itemList) ? body.itemList.map(record) : [];
  if (!items.length) throw new Error('the template body has no itemList');
  return Array.from({ length: pages }, (_, page) => {
    const itemList = Array.from({ length: perPage }, (_, i) => {
      const n = page * perPage + i;
      const item = structuredClone(items[n % items.length]!);
      const tag = String(n).padStart(4, '0');
      const handle = `bench.creator.${tag}`;
      const id = `76900000000000${tag}0`;
      item.id = id;
      item.author = {
        ...record(item.author),
        id: `68000000000000${tag}0`,
        uniqueId: handle,
        nickname: `Bench Creator ${n}`,
        secUid: `MS4wLjABAAAAbenchCreator${tag}SecUid`.padEnd(64, '0'),
      };
      item.authorStats = {
        ...record(item.authorStats),
        followerCount: FOLLOWERS[n % FOLLOWERS.length],
      };
      item.video = { ...record(item.video), id };
      return item;
    });
    return JSON.stringify({ ...body, hasMore: page < pages - 1, itemList });
  });
}

/** A Chrome trace event, as `Tracing.dataCollected` delivers them. */
export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: Json;
}

/** One main-thread task of the host page in which Scout's content scripts ran. */
export interface ScoutTask {
  /** The whole task, in ms (what the Long Tasks API would report). */
  ms: number;
  /** Of it, the time inside calls into Scout's content scripts, in ms. */
  scoutMs: number;
}

/** Trace events that enter a script from outside it, with the script's URL. */
const ENTRIES = new Set(['FunctionCall', 'EvaluateScript', 'v8.compile']);

function scriptUrl(event: TraceEvent): string {
  const args = record(event.args);
  const data = record(args.data);
  return String(data.url ?? args.fileName ?? '');
}

/**
 * The tasks of the host page's main thread that ran any of Scout's content scripts (a call into a
 * script under `<extensionOrigin>/content-scripts/`), longest first. The page's thread is the one
 * those calls ran on; a task is a `RunTask` there.
 */
export function scoutTasks(events: readonly TraceEvent[], extensionOrigin: string): ScoutTask[] {
  const prefix = `${extensionOrigin}/content-scripts/`;
  const calls = events.filter(
    (e) => e.ph === 'X' && ENTRIES.has(e.name) && scriptUrl(e).startsWith(prefix),
  );
  const threads = new Set(calls.map((e) => `${e.pid}:${e.tid}`));
  const tasks = events
    .filter((e) => e.ph === 'X' && e.name === 'RunTask' && threads.has(`${e.pid}:${e.tid}`))
    .sort((a, b) => a.ts - b.ts);
  const found: ScoutTask[] = [];
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0);
    const inside = calls.filter(
      (c) => c.pid === task.pid && c.tid === task.tid && c.ts >= task.ts && c.ts < end,
    );
    if (!inside.length) continue;
    // Nested entries (a compile inside an evaluation) are counted once, by their outermost.
    let scoutUs = 0;
    let reach = -Infinity;
    for (const call of inside.sort((a, b) => a.ts - b.ts)) {
      const callEnd = call.ts + (call.dur ?? 0);
      if (call.ts >= reach) scoutUs += call.dur ?? 0;
      else if (callEnd > reach) scoutUs += callEnd - reach;
      reach = Math.max(reach, callEnd);
    }
    found.push({ ms: (task.dur ?? 0) / 1000, scoutMs: scoutUs / 1000 });
  }
  return found.sort((a, b) => b.ms - a.ms);
}

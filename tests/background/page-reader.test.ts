import { describe, expect, it, vi } from 'vitest';
import { bodyRejections, PageReader, type PageRead } from '@/lib/background/page-reader';
import { loadWorkers } from '@/lib/platforms';
import type { PageMaterial } from '@/lib/platforms/types';
import { NOW, OWN_TIKTOK, parseDoc, readText, tiktok } from '../platforms/tiktok/load';

/** Every platform's worker side, as the background loads them. */
const WORKERS = await loadWorkers();

// What the background does with what TikTok's content script sends: the document's material and
// the page's own API bodies as text, read and merged here into the page's answer.

const NADIA = 'https://www.tiktok.com/@nadia.draws';
const ITEM_LIST = 'https://www.tiktok.com/api/post/item_list/?secUid=x&count=30';
const itemList = readText(OWN_TIKTOK, 'api-item-list-nadia-draws.json');

/** The material TikTok's content script collects from one of the own fixture pages. */
function material(file: string, url = NADIA): PageMaterial {
  // structuredClone: what crosses the messaging boundary is a copy of plain data.
  return structuredClone(
    tiktok.collectDocument!(parseDoc(readText(OWN_TIKTOK, file)), new URL(url), NOW),
  );
}

function message(over: Partial<PageRead> = {}): PageRead {
  return {
    url: NADIA,
    visitAt: 1,
    session: 's1',
    full: true,
    since: 0,
    doc: material('profile-universal-2025.html'),
    bodies: [],
    ...over,
  };
}

const snapshotOf = (outcome: ReturnType<PageReader['read']>) => {
  if (outcome.resend || !outcome.result?.ok) throw new Error('expected a snapshot');
  return outcome.result.snapshot;
};

/** Reads and files the answer, as the background does once it is stored. */
const readAndFile = (reader: PageReader, tabId: number, read: PageRead) => {
  const outcome = reader.read(tabId, read, NOW);
  if (!outcome.resend) outcome.filed();
  return outcome;
};

/** An outcome without its `filed` callback, to compare as data. */
const plain = (outcome: ReturnType<PageReader['read']>) => {
  if (outcome.resend) return outcome;
  const { filed: _filed, ...rest } = outcome;
  return rest;
};

/** An unchanged re-read whose message said nothing about anyone. */
const NOTHING_NEW = {
  resend: false,
  result: null,
  docDone: true,
  hasPosts: true,
  readings: [],
  comments: null,
};

describe('PageReader', () => {
  it('reads the document material into the same snapshot the page-side reader gives', () => {
    const reader = new PageReader(WORKERS);
    const snapshot = snapshotOf(reader.read(7, message(), NOW));
    const direct = tiktok.extract({
      doc: parseDoc(readText(OWN_TIKTOK, 'profile-universal-2025.html')),
      url: new URL(NADIA),
      now: NOW,
    });
    expect(direct.ok && direct.snapshot).toEqual(snapshot);
    expect(snapshot.handle).toBe('nadia.draws');
  });

  it('merges a later body with what it already holds, and says when the document named the creator', () => {
    const reader = new PageReader(WORKERS);
    const first = readAndFile(reader, 7, message());
    expect(first).toMatchObject({ resend: false, docDone: true });
    const before = snapshotOf(first).recentPosts.length;
    const next = reader.read(
      7,
      message({
        full: false,
        doc: undefined,
        bodies: [{ seq: 1, url: ITEM_LIST, text: itemList }],
      }),
      NOW,
    );
    const after = snapshotOf(next);
    expect(after.recentPosts.length).toBeGreaterThan(before);
    // The body is newer than the page: its author counts win (newer beats older).
    expect(after.handle).toBe('nadia.draws');
    expect(after.followers).toBeGreaterThanOrEqual(snapshotOf(first).followers!);
  });

  it('asks for everything again when it does not hold what the content script assumes', () => {
    const reader = new PageReader(WORKERS);
    const body = { seq: 3, url: ITEM_LIST, text: itemList };
    // A restarted worker holds nothing for the tab.
    expect(reader.read(7, message({ full: false, since: 2, bodies: [body] }), NOW)).toEqual({
      resend: true,
    });
    reader.read(7, message(), NOW);
    // A body went missing (seq 1 and 2 never arrived).
    expect(reader.read(7, message({ full: false, since: 2, doc: undefined }), NOW)).toEqual({
      resend: true,
    });
    // Another content script (the page was reloaded) in the same tab.
    expect(
      reader.read(7, message({ full: false, session: 's2', doc: undefined, bodies: [body] }), NOW),
    ).toEqual({ resend: true });
    // A new visit whose first message lacks its document.
    expect(reader.read(7, message({ full: false, visitAt: 2, doc: undefined }), NOW)).toEqual({
      resend: true,
    });
  });

  it('gives no new answer for an unchanged re-read of the same visit once the answer is filed', () => {
    const reader = new PageReader(WORKERS);
    expect(readAndFile(reader, 7, message())).toMatchObject({ resend: false });
    const again = reader.read(7, message({ full: false }), NOW + 5_000);
    expect(plain(again)).toMatchObject({
      resend: false,
      result: null,
      docDone: true,
      hasPosts: true,
    });
    // What the re-read said is still handed on, for the accounts besides the creator.
    expect(again.resend === false && again.readings.map((r) => r.handle)).toContain('nadia.draws');
  });

  it('gives the same answer again while the last one was not filed (its filing failed)', () => {
    const reader = new PageReader(WORKERS);
    const first = snapshotOf(reader.read(7, message(), NOW));
    // Not filed: the storage refused it. The re-read must be filed, not skipped as unchanged.
    const again = reader.read(7, message({ full: false }), NOW + 5_000);
    expect(snapshotOf(again)).toEqual({ ...first, capturedAt: NOW + 5_000 });
    if (!again.resend) again.filed();
    expect(plain(reader.read(7, message({ full: false }), NOW + 6_000))).toMatchObject({
      result: null,
    });
  });

  it('forgets what was filed when the content script starts afresh (a full message)', () => {
    const reader = new PageReader(WORKERS);
    readAndFile(reader, 7, message());
    expect(snapshotOf(reader.read(7, message(), NOW + 1_000)).handle).toBe('nadia.draws');
  });

  it('keeps tabs apart', () => {
    const reader = new PageReader(WORKERS);
    reader.read(7, message({ bodies: [{ seq: 1, url: ITEM_LIST, text: itemList }] }), NOW);
    const other = snapshotOf(reader.read(8, message(), NOW));
    const withBody = snapshotOf(
      reader.read(7, message({ full: false, since: 1, visitAt: 2 }), NOW),
    );
    expect(withBody.recentPosts.length).toBeGreaterThan(other.recentPosts.length);
  });

  it('counts a body that is not JSON, and reads nothing from it', () => {
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => {});
    const reader = new PageReader(WORKERS);
    const rejected = bodyRejections['not-json'];
    const before = snapshotOf(readAndFile(reader, 7, message()));
    const outcome = reader.read(
      7,
      message({
        full: false,
        doc: undefined,
        bodies: [{ seq: 1, url: ITEM_LIST, text: '{"itemList": [' }],
      }),
      NOW,
    );
    expect(bodyRejections['not-json']).toBe(rejected + 1);
    // Nothing changed: no new answer.
    expect(plain(outcome)).toEqual(NOTHING_NEW);
    expect(before.recentPosts.length).toBeGreaterThanOrEqual(0);
    debug.mockRestore();
  });

  it('ignores a body from another site', () => {
    const reader = new PageReader(WORKERS);
    const base = snapshotOf(readAndFile(reader, 7, message()));
    const outcome = reader.read(
      7,
      message({
        full: false,
        doc: undefined,
        bodies: [{ seq: 1, url: 'https://evil.example/api/post/item_list/', text: itemList }],
      }),
      NOW,
    );
    expect(plain(outcome)).toEqual(NOTHING_NEW);
    expect(base.handle).toBe('nadia.draws');
  });

  it('answers a login wall with its problem', () => {
    const reader = new PageReader(WORKERS);
    const outcome = reader.read(7, message({ doc: material('login-wall.html') }), NOW);
    expect(outcome).toMatchObject({
      resend: false,
      result: { ok: false, problem: 'sign-in-required' },
    });
  });
});

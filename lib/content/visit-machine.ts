import type { Reply, RequestOf, ResponseOf } from '../messaging/protocol';
import { MATERIAL_LIMITS } from '../model/material-limits';
import type { CollectScope, PageMaterial } from '../platforms/types';

/**
 * The page's own API responses kept as text, so that they can be sent again if the background has
 * lost them (its worker restarted). Bounded by count and size: old ones drop first.
 */
export const MAX_BODIES = 60;
export const MAX_BODY_CHARS = 12_000_000;
/** How long the DOM waits to be read after the embedded JSON and responses lacked something. */
export const DOM_FALLBACK_MS = 300;
/** The longest the card waits for the page's `load` event (after its DOM) before it is made anyway. */
export const CARD_LOAD_TIMEOUT_MS = 1500;
/** Bursts of responses (a page fetching profile and videos together) are merged once. */
export const SETTLE_DELAY_MS = 30;
/** A read unanswered this long is taken as lost (its reply, or the worker that had it). */
export const REPLY_TIMEOUT_MS = 15_000;
/** A lost or unreachable read is sent again after this, doubling each time, at most MAX_RETRIES times. */
export const RETRY_BASE_MS = 500;
export const MAX_RETRIES = 5;

type ReadReply = Reply<ResponseOf<'page/read'>>;

export type TimerName = 'settle' | 'dom-fallback' | 'card' | 'retry' | 'reply';

/** What happens to a content script: the page, the tap, the background and its own timers. */
export type VisitEvent =
  /** The tab is on a new URL; `target` names whose page it is (null: not a creator page). */
  | { type: 'navigate'; href: string; target: string | null; now: number }
  | { type: 'dom-ready' }
  /** The page's `load` event has passed. */
  | { type: 'loaded' }
  /** The background has been told that `visit` is being read (whatever it answered). */
  | { type: 'status-sent'; visit: number }
  | { type: 'body'; url: string; text: string }
  | { type: 'collected'; visit: number; material: PageMaterial }
  | { type: 'reply'; request: number; reply: ReadReply }
  | { type: 'timer'; name: TimerName }
  /** The background asks for everything again (the user retried a failed filing). */
  | { type: 'resend' };

/** What the content script should do; the adapter does it and reports back with events. */
export type VisitEffect =
  | { type: 'collect'; visit: number; href: string; scope: CollectScope }
  | { type: 'send'; request: number; message: RequestOf<'page/read'> }
  | { type: 'status'; visit: number | null; message: RequestOf<'page/status'> }
  /** Whether the card should be on the page (the adapter also honours the user hiding it). */
  | { type: 'card'; show: boolean }
  /** Place the card away from the page's own buttons (they may have appeared). */
  | { type: 'place' }
  | { type: 'arm'; name: TimerName; ms: number }
  | { type: 'disarm'; name: TimerName };

/** One creator page being read: superseded by the next navigation. */
interface Visit {
  id: number;
  href: string;
  target: string;
  /** When the visit began (wall clock): the background files a tab by its latest visit only. */
  visitAt: number;
  /** The background was told this visit is being read: only then is it sent (and the card made). */
  statusSent: boolean;
  /** The document's material as last collected, and whether the background has it. */
  material: PageMaterial | null;
  materialSent: boolean;
  /** The background found the page's creator in the document: it is not collected again. */
  docDone: boolean;
  /**
   * The embedded JSON alone first: with the page's own API responses it gives the creator and
   * posts on most pages, and then the DOM readers never run on the page. When it does not, the
   * whole document, after DOM_FALLBACK_MS.
   */
  scope: CollectScope;
  fallbackArmed: boolean;
}

/** The read in flight: what it carried, to account for when its reply comes. */
interface InFlight {
  request: number;
  visit: Visit;
  full: boolean;
  since: number;
  last: number;
  doc: PageMaterial | undefined;
}

/** Two collections of a document say the same (texts compared as strings: no parsing). */
export function sameMaterial(a: PageMaterial, b: PageMaterial | null): boolean {
  return (
    !!b &&
    a.locale === b.locale &&
    a.texts.length === b.texts.length &&
    a.texts.every((t, i) => t.name === b.texts[i]?.name && t.text === b.texts[i]?.text) &&
    JSON.stringify(a.readings) === JSON.stringify(b.readings)
  );
}

/** The material trimmed to what one message may hold: a page with absurdly many keeps its first. */
export function bounded(material: PageMaterial): PageMaterial {
  const { texts, readings, postsPerReading } = MATERIAL_LIMITS;
  return {
    locale: material.locale,
    texts: material.texts.slice(0, texts),
    readings: material.readings
      .slice(0, readings)
      .map((r) =>
        r.posts.length > postsPerReading ? { ...r, posts: r.posts.slice(0, postsPerReading) } : r,
      ),
  };
}

/**
 * Scout's life in one host tab as a state machine, with no DOM, browser or clock of its own: each
 * event gives the effects to carry out. Per visit (each navigation supersedes the last) it has the
 * document collected once the DOM is ready and the background told, sends that with the page's
 * own API responses as text, one read at a time, each building on what the last delivered, and
 * shows the card once the page has loaded. A late reply for a previous visit changes nothing of
 * the current one; a read that is lost or unanswered is sent again, whole, backing off, a bounded
 * number of times; a failed filing waits for the user's retry (`resend`).
 */
export function createVisitMachine(session: string) {
  let visit: Visit | null = null;
  let visits = 0;
  let lastVisitAt = 0;
  let domReady = false;
  let loaded = false;
  /** Whether this tab has shown a creator: only then does it need telling that it no longer does. */
  let reported = false;
  /** Whose page the card is shown for. */
  let cardFor: string | null = null;
  /** Bodies received (numbered from 1), and the last number the background has acknowledged. */
  const bodies: { seq: number; url: string; text: string }[] = [];
  let bodySeq = 0;
  let acked = 0;
  /**
   * The next read replaces what the background holds: the first one, and after anything went wrong
   * or the background asked for it.
   */
  let full = true;
  let inFlight: InFlight | null = null;
  /** Something new arrived while a read was in flight: send again once it is answered. */
  let pending = false;
  let requests = 0;
  let retries = 0;
  let out: VisitEffect[] = [];

  const arm = (name: TimerName, ms: number) => out.push({ type: 'arm', name, ms });
  const disarm = (name: TimerName) => out.push({ type: 'disarm', name });

  /** Strictly increasing wall-clock stamps. */
  function nextVisitAt(now: number): number {
    lastVisitAt = Math.max(now, lastVisitAt + 1);
    return lastVisitAt;
  }

  /**
   * The card's frame is made once the page has loaded (or CARD_LOAD_TIMEOUT_MS after its DOM, on
   * a page slow to load) and the background knows the visit: a frame made while the page is still
   * loading costs the page's main thread more than twice as much, and a frame made before the
   * background knows the visit could show the previous creator. Another creator gets a fresh card
   * at once, so the previous creator's numbers are gone before the new URL has been on screen.
   */
  function updateCard(): void {
    const want =
      visit && (cardFor === visit.target || (domReady && loaded && visit.statusSent))
        ? visit.target
        : null;
    if (want === cardFor) return;
    cardFor = want;
    out.push({ type: 'card', show: want !== null });
  }

  /**
   * Gathers the document (until the background has found the creator in it: an SPA page's DOM and
   * embedded data may still be the previous creator's) and sends what is new.
   */
  function settle(): void {
    if (!visit || !domReady || !visit.statusSent) return;
    if (visit.docDone) return send();
    out.push({ type: 'collect', visit: visit.id, href: visit.href, scope: visit.scope });
  }

  /** Sends what the background does not have yet: all of it after a restart or a failure. */
  function send(): void {
    const current = visit;
    if (!current?.material) return;
    if (inFlight) {
      pending = true;
      return;
    }
    const since = full ? 0 : acked;
    const fresh = bodies.filter((b) => b.seq > since);
    const doc = full || !current.materialSent ? current.material : undefined;
    if (!doc && !fresh.length) return;
    const request = ++requests;
    inFlight = { request, visit: current, full, since, last: fresh.at(-1)?.seq ?? since, doc };
    const { href: url, visitAt } = current;
    out.push({
      type: 'send',
      request,
      message: { url, visitAt, session, full, since, ...(doc ? { doc } : {}), bodies: fresh },
    });
    full = false;
    arm('reply', REPLY_TIMEOUT_MS);
  }

  /** The read got no answer: the background may have restarted, so the next read is whole. */
  function lost(): void {
    full = true;
    pending = false;
    if (retries < MAX_RETRIES) arm('retry', RETRY_BASE_MS * 2 ** retries++);
  }

  function answered(request: number, reply: ReadReply): void {
    const sent = inFlight;
    if (sent?.request !== request) return; // given up on already (it timed out)
    inFlight = null;
    disarm('reply');
    const again = pending;
    pending = false;
    const code = reply.ok ? null : reply.error.code;
    if (code === 'unreachable') return lost();
    if (code && code !== 'stale-page') {
      // Filed as failed (the card offers a retry) or refused unread: the next read is whole.
      full = true;
      if (again) send();
      return;
    }
    // A snapshot refused as not about this page was read all the same: later reads build on it.
    retries = 0;
    const { resend, docDone, hasPosts } = reply.ok
      ? reply.data
      : { resend: false, docDone: false, hasPosts: false };
    if (resend) {
      full = true;
      // A whole read answered "resend" would only be answered so again.
      if (!sent.full || again) send();
      return;
    }
    acked = Math.max(sent.since, sent.last);
    const current = sent.visit;
    if (current === visit) {
      if (sent.doc && current.material === sent.doc) current.materialSent = true;
      if (docDone && (hasPosts || current.scope === 'all')) {
        current.docDone = true;
        disarm('dom-fallback');
      } else if (current.scope === 'texts' && !current.fallbackArmed) {
        // The embedded JSON lacks the creator or posts: the page's own requests may still bring
        // them; if they have not shortly, the DOM is read as well.
        current.fallbackArmed = true;
        arm('dom-fallback', DOM_FALLBACK_MS);
      }
      out.push({ type: 'place' });
    }
    if (again) send();
  }

  function navigate(href: string, target: string | null, now: number): void {
    disarm('dom-fallback');
    retries = 0;
    if (target === null) {
      visit = null;
      updateCard();
      const message = { url: href, visitAt: nextVisitAt(now), state: 'not-creator' as const };
      if (reported) out.push({ type: 'status', visit: null, message });
      return;
    }
    reported = true;
    const current: Visit = {
      id: ++visits,
      href,
      target,
      visitAt: nextVisitAt(now),
      statusSent: false,
      material: null,
      materialSent: false,
      docDone: false,
      scope: 'texts',
      fallbackArmed: false,
    };
    visit = current;
    updateCard();
    const message = { url: href, visitAt: current.visitAt, state: 'reading' as const };
    out.push({ type: 'status', visit: current.id, message });
  }

  function collected(id: number, material: PageMaterial): void {
    const current = visit;
    if (current?.id !== id) return;
    if (current.scope === 'texts' && !material.texts.length) {
      current.scope = 'all';
      return settle();
    }
    const next = bounded(material);
    if (!sameMaterial(next, current.material)) {
      current.material = next;
      current.materialSent = false;
    }
    send();
  }

  function body(url: string, text: string): void {
    bodies.push({ seq: ++bodySeq, url, text });
    let chars = bodies.reduce((sum, b) => sum + b.text.length, 0);
    while (bodies.length > MAX_BODIES || (bodies.length > 1 && chars > MAX_BODY_CHARS))
      chars -= bodies.shift()!.text.length;
    arm('settle', SETTLE_DELAY_MS);
  }

  function timer(name: TimerName): void {
    if (name === 'settle' || name === 'retry') return settle();
    if (name === 'card') {
      loaded = true;
      return updateCard();
    }
    if (name === 'reply') {
      if (!inFlight) return;
      inFlight = null;
      return lost();
    }
    if (visit?.scope === 'texts') {
      visit.scope = 'all';
      settle();
    }
  }

  /** The effects of one event, in order. */
  function handle(event: VisitEvent): VisitEffect[] {
    out = [];
    switch (event.type) {
      case 'navigate':
        navigate(event.href, event.target, event.now);
        break;
      case 'dom-ready':
        domReady = true;
        if (!loaded) arm('card', CARD_LOAD_TIMEOUT_MS);
        if (visit?.statusSent) arm('settle', SETTLE_DELAY_MS);
        updateCard();
        break;
      case 'loaded':
        loaded = true;
        disarm('card');
        updateCard();
        break;
      case 'status-sent':
        if (visit?.id !== event.visit) break;
        visit.statusSent = true;
        if (domReady) arm('settle', SETTLE_DELAY_MS);
        updateCard();
        break;
      case 'body':
        body(event.url, event.text);
        break;
      case 'collected':
        collected(event.visit, event.material);
        break;
      case 'reply':
        answered(event.request, event.reply);
        break;
      case 'timer':
        timer(event.name);
        break;
      case 'resend':
        // The user asked: a fresh set of retries, and everything sent again.
        retries = 0;
        full = true;
        disarm('retry');
        if (inFlight) pending = true;
        else settle();
        break;
    }
    return out;
  }

  return { handle };
}

/** What the machine needs done in a page: the DOM, the background and timers. */
export interface VisitIo {
  collect(href: string, scope: CollectScope): PageMaterial;
  send(message: RequestOf<'page/read'>): Promise<ReadReply>;
  status(message: RequestOf<'page/status'>): Promise<unknown>;
  card(show: boolean): void;
  place(): void;
  setTimeout(run: () => void, ms: number): number;
  clearTimeout(id: number): void;
}

const NO_MATERIAL: PageMaterial = { locale: '', texts: [], readings: [] };

const unreachable = (error: unknown): ReadReply => ({
  ok: false,
  error: { code: 'unreachable', message: error instanceof Error ? error.message : String(error) },
});

/**
 * Runs the machine against `io`: carries out each effect and feeds back what comes of it. Nothing
 * one effect throws stops the others or later events: a send that throws is a read without an
 * answer, a collection that throws gathers nothing.
 */
export function runVisits(session: string, io: VisitIo): (event: VisitEvent) => void {
  const machine = createVisitMachine(session);
  const timers = new Map<TimerName, number>();
  const queue: VisitEvent[] = [];
  let running = false;

  function perform(effect: VisitEffect): void {
    switch (effect.type) {
      case 'collect': {
        let material = NO_MATERIAL;
        try {
          material = io.collect(effect.href, effect.scope);
        } catch (error) {
          console.debug('[scout] page not collected', error);
        }
        return dispatch({ type: 'collected', visit: effect.visit, material });
      }
      case 'send': {
        const { request } = effect;
        let reply: Promise<ReadReply>;
        try {
          reply = io.send(effect.message);
        } catch (error) {
          reply = Promise.resolve(unreachable(error));
        }
        reply.then(
          (answer) => dispatch({ type: 'reply', request, reply: answer }),
          (error: unknown) => dispatch({ type: 'reply', request, reply: unreachable(error) }),
        );
        return;
      }
      case 'status': {
        const { visit } = effect;
        const sent = () => visit !== null && dispatch({ type: 'status-sent', visit });
        try {
          io.status(effect.message).then(sent, sent);
        } catch {
          sent();
        }
        return;
      }
      case 'card':
        return io.card(effect.show);
      case 'place':
        return io.place();
      case 'arm':
      case 'disarm': {
        const armed = timers.get(effect.name);
        if (armed !== undefined) io.clearTimeout(armed);
        timers.delete(effect.name);
        if (effect.type === 'disarm') return;
        const { name } = effect;
        const id = io.setTimeout(() => {
          timers.delete(name);
          dispatch({ type: 'timer', name });
        }, effect.ms);
        timers.set(name, id);
      }
    }
  }

  function dispatch(event: VisitEvent): void {
    queue.push(event);
    if (running) return;
    running = true;
    try {
      for (let next = queue.shift(); next; next = queue.shift()) {
        for (const effect of machine.handle(next)) {
          try {
            perform(effect);
          } catch (error) {
            console.debug('[scout] effect failed', effect.type, error);
          }
        }
      }
    } finally {
      running = false;
    }
  }

  return dispatch;
}

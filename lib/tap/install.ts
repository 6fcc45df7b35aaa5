import { allowance, rulesForHost, TAP_MAX_BUFFER, type TapSources } from './allow-list';
import { meet, type Channel } from './channel';

type Fn = (...args: never[]) => unknown;
type Win = Window & typeof globalThis;

/** Frames of the tap on the stack of a call it passes on: `run` and the trap that called it. */
const OWN_FRAMES = 2;

/**
 * Installs the tap in the page's own world: `fetch` and `XMLHttpRequest` keep behaving (and looking)
 * native, and the bodies of allow-listed responses are copied, as text, to the isolated content
 * script over the private channel. The tap interprets nothing; every failure inside it is
 * swallowed, never the page's. Everything it uses after the page's scripts start was taken here,
 * before them, so a page that replaces a built-in later cannot see or steer it. `sources` is the
 * allow-list of every platform (`tapSources`); the page's host picks its rules.
 */
export function installTap(win: Win, sources: TapSources): void {
  const rules = rulesForHost(win.location.hostname, sources);
  if (!rules.length) return;

  const { apply } = Reflect;
  const { create, getOwnPropertyDescriptor: own, getPrototypeOf, keys } = Object;
  const ProxyOf = Proxy;
  const ErrorOf = win.Error;
  const describe = (proto: object | null, name: string): PropertyDescriptor | undefined => {
    for (let at = proto; at; at = getPrototypeOf(at) as object | null) {
      const found = own(at, name);
      if (found) return found;
    }
    return undefined;
  };
  /** The value of an own data property, never running a getter. */
  const dataOf = (object: unknown, name: string): unknown => {
    if (typeof object !== 'object' || object === null) return undefined;
    const found = own(object, name);
    return found && 'value' in found ? found.value : undefined;
  };
  /** The engine's getter (or, where an implementation keeps the value on the instance, that). */
  const getter = (proto: object, name: string): Fn =>
    (describe(proto, name)?.get as Fn | undefined) ??
    function (this: unknown) {
      return dataOf(this, name);
    };
  const method = (proto: object, name: string) => describe(proto, name)?.value as Fn;
  const call = (fn: Fn | undefined, self: unknown, ...args: unknown[]): unknown =>
    fn ? apply(fn, self, args) : undefined;
  const weakGet = WeakMap.prototype.get;
  const weakSet = WeakMap.prototype.set;
  const indexOf = String.prototype.indexOf;
  const slice = String.prototype.slice;
  const lower = String.prototype.toLowerCase;
  const exec = RegExp.prototype.exec;
  const copyWithin = Array.prototype.copyWithin;
  const { isArray } = Array;
  const { min } = Math;
  const stringify = JSON.stringify;
  const URLOf = win.URL;
  const ParamsOf = win.URLSearchParams;
  const PromiseOf = win.Promise;
  const then = PromiseOf.prototype.then;
  const urlParts = {
    href: getter(URLOf.prototype, 'href'),
    origin: getter(URLOf.prototype, 'origin'),
    pathname: getter(URLOf.prototype, 'pathname'),
    searchParams: getter(URLOf.prototype, 'searchParams'),
  };
  const paramGet = method(ParamsOf.prototype, 'get');
  const headerGet = win.Headers && method(win.Headers.prototype, 'get');
  const requestUrl = win.Request && getter(win.Request.prototype, 'url');
  const requestHeaders = win.Request && getter(win.Request.prototype, 'headers');
  const response = win.Response && {
    ok: getter(win.Response.prototype, 'ok'),
    clone: method(win.Response.prototype, 'clone'),
    text: method(win.Response.prototype, 'text'),
  };
  const xhrProto = win.XMLHttpRequest.prototype;
  const xhr = {
    open: xhrProto.open,
    send: xhrProto.send,
    status: getter(xhrProto, 'status'),
    responseType: getter(xhrProto, 'responseType'),
    responseText: getter(xhrProto, 'responseText'),
    response: getter(xhrProto, 'response'),
    listen: win.EventTarget.prototype.addEventListener,
    unlisten: win.EventTarget.prototype.removeEventListener,
  };
  const nativeToString = Function.prototype.toString;
  const match = (pattern: RegExp, text: string) => apply(exec, pattern, [text]) !== null;

  // --- errors passing through the wrappers leave without the tap's frames ---------------------
  const stackOf = own(new ErrorOf(), 'stack');
  let ownLine = '';
  let ownSite = '';
  let siteToString: Fn | undefined;

  /** Reads an error's stack without running a page's getter (only the engine's own accessor). */
  const stackText = (error: object): { text: unknown; write: (text: unknown) => void } | null => {
    const found = own(error, 'stack');
    if (!found || !stackOf) return null;
    if (found.get) {
      if (found.get !== stackOf.get) return null;
      return {
        text: apply(found.get, error, []),
        write: (text) => call(stackOf.set as Fn, error, text),
      };
    }
    if (!('value' in found) || !found.writable) return null;
    return { text: found.value, write: (text) => ((error as { stack?: unknown }).stack = text) };
  };
  /** The stack without the line of `run` and the one below it (the trap that called `run`). */
  const withoutOwnLines = (text: string): string => {
    const at = apply(indexOf, text, [`\n${ownLine}`]) as number;
    if (at < 0) return text;
    const ownEnd = at + 1 + ownLine.length;
    if (ownEnd < text.length && apply(indexOf, text, ['\n', ownEnd]) !== ownEnd) return text;
    const trapEnd =
      ownEnd < text.length ? (apply(indexOf, text, ['\n', ownEnd + 1]) as number) : -1;
    return `${apply(slice, text, [0, at])}${trapEnd < 0 ? '' : apply(slice, text, [trapEnd])}`;
  };
  const scrub = (error: unknown): unknown => {
    try {
      if (!ownLine || typeof error !== 'object' || error === null) return error;
      const prepare = own(ErrorOf, 'prepareStackTrace');
      if (prepare && !('value' in prepare)) return error;
      const pagePrepare = prepare?.value as Fn | undefined;
      if (typeof pagePrepare !== 'function') {
        const stack = stackText(error);
        if (stack && typeof stack.text === 'string') stack.write(withoutOwnLines(stack.text));
        return error;
      }
      // The page formats its own traces: it gets the call sites, without the tap's.
      let sites: unknown;
      const stack = (() => {
        (ErrorOf as { prepareStackTrace?: unknown }).prepareStackTrace = (_: unknown, s: unknown) =>
          s;
        try {
          return stackText(error);
        } finally {
          (ErrorOf as { prepareStackTrace?: unknown }).prepareStackTrace = pagePrepare;
        }
      })();
      if (!stack || !isArray((sites = stack.text))) return error;
      const list = sites as unknown[];
      for (let i = 0; i < list.length; i++) {
        if (call(siteToString, list[i]) !== ownSite) continue;
        const drop = min(OWN_FRAMES, list.length - i);
        apply(copyWithin, list, [i, i + drop]);
        list.length -= drop;
        break;
      }
      stack.write(apply(pagePrepare, ErrorOf, [error, list]));
    } catch {
      // never the page's problem
    }
    return error;
  };
  /**
   * Calls a native for the page. Its trace gets room for the tap's frames, which are then removed,
   * so the page sees the native's own error with as many of its own frames as without the tap.
   */
  function run(fn: Fn, self: unknown, args: unknown[]): unknown {
    const limit = own(ErrorOf, 'stackTraceLimit');
    const max = limit?.writable && typeof limit.value === 'number' ? limit.value : null;
    const errors = ErrorOf as { stackTraceLimit: number };
    if (max !== null) errors.stackTraceLimit = max + OWN_FRAMES;
    try {
      return apply(fn, self, args);
    } catch (error) {
      throw scrub(error);
    } finally {
      if (max !== null) errors.stackTraceLimit = max;
    }
  }
  // Learn what `run`'s own frame looks like from one failing call of our own, before any page script.
  try {
    const prepare = own(ErrorOf, 'prepareStackTrace');
    (ErrorOf as { prepareStackTrace?: unknown }).prepareStackTrace = (
      _: unknown,
      sites: unknown[],
    ) => (siteToString = getPrototypeOf(sites[0]).toString as Fn);
    const probe = new ErrorOf();
    void probe.stack;
    if (prepare) (ErrorOf as { prepareStackTrace?: unknown }).prepareStackTrace = prepare.value;
    else delete (ErrorOf as { prepareStackTrace?: unknown }).prepareStackTrace;
    run(nativeToString as Fn, create(null), []);
  } catch (error) {
    const text = (error as { stack?: unknown }).stack;
    const lines = typeof text === 'string' ? text.split('\n') : [];
    ownLine = lines.find((line) => /:\d+:\d+\)?$/.test(line)) ?? '';
    ownSite = ownLine.replace(/^\s*at /, '');
  }

  // --- the private line to the isolated content script ----------------------------------------
  let line: Channel | null = null;
  let ready = false;
  let missed = false;
  // Bodies kept until the isolated side is ready: a list of prototype-less cells, so keeping and
  // handing them over calls no array method a page could have replaced.
  /** A response Scout reads: its URL, and the largest body of it that is kept. */
  interface Wanted {
    url: string;
    cap: number;
  }
  interface Cell {
    detail: string;
    next: Cell | null;
  }
  let first: Cell | null = null;
  let last: Cell | null = null;
  let kept = 0;
  const hand = ({ url, cap }: Wanted, body: string) => {
    if (missed || body.length > cap) return;
    const detail = `${url}\n${body}`;
    if (ready && line) return line.send('body', detail);
    const cell = create(null) as Cell;
    cell.detail = detail;
    cell.next = null;
    if (last) last.next = cell;
    else first = cell;
    last = cell;
    if (++kept > TAP_MAX_BUFFER && first) {
      first = first.next;
      kept--;
    }
  };
  meet(
    win.document,
    (channel) => {
      line = channel;
      channel.on('ready', () => {
        if (ready) return;
        ready = true;
        for (let cell = first; cell; cell = cell.next) channel.send('body', cell.detail);
        first = last = null;
        kept = 0;
      });
      channel.send('hello', '');
    },
    () => {
      missed = true;
      first = last = null;
    },
  );

  // --- what is copied ---------------------------------------------------------------------------
  /** What is kept of a request's response, if it is one Scout reads; never runs the page's own code. */
  const wanted = (href: string, queryName: () => string | null): Wanted | null => {
    if (missed) return null;
    try {
      const url = new URLOf(href, win.location.href);
      if (call(urlParts.origin, url) !== win.location.origin) return null;
      const path = call(urlParts.pathname, url) as string;
      const query = () =>
        queryName() ??
        (call(paramGet, call(urlParts.searchParams, url), 'queryId') as string | null);
      const cap = allowance(rules, path, query, match);
      return cap > 0 ? { url: call(urlParts.href, url) as string, cap } : null;
    } catch {
      return null;
    }
  };
  /** A URL given as a string, URL or Request, read through the engine's own getters. */
  const hrefOf = (input: unknown): string | null => {
    if (typeof input === 'string') return input;
    const tryRead = (read: Fn | undefined) => {
      try {
        const href = call(read, input);
        return typeof href === 'string' ? href : null;
      } catch {
        return null; // not that kind of object
      }
    };
    return tryRead(requestUrl) ?? tryRead(urlParts.href);
  };
  /** A GraphQL request's friendly-name header, from a Headers, an array of pairs or a record. */
  const friendlyIn = (headers: unknown): string | null => {
    if (typeof headers !== 'object' || headers === null) return null;
    const named = (name: unknown, value: unknown) =>
      typeof name === 'string' &&
      typeof value === 'string' &&
      apply(lower, name, []) === 'x-fb-friendly-name';
    try {
      const value = call(headerGet, headers, 'x-fb-friendly-name');
      if (typeof value === 'string') return value;
    } catch {
      // not a Headers
    }
    if (isArray(headers)) {
      const count = dataOf(headers, 'length') as number;
      for (let i = 0; i < count; i++) {
        const pair = dataOf(headers, String(i));
        const value = dataOf(pair, '1');
        if (named(dataOf(pair, '0'), value)) return value as string;
      }
      return null;
    }
    const names = keys(headers);
    for (let i = 0; i < names.length; i++) {
      const value = dataOf(headers, names[i]!);
      if (named(names[i], value)) return value as string;
    }
    return null;
  };
  const queryIn = (body: unknown): string | null => {
    try {
      const params = typeof body === 'string' ? new ParamsOf(body) : body;
      return (
        (call(paramGet, params, 'fb_api_req_friendly_name') as string | null) ??
        (call(paramGet, params, 'queryId') as string | null)
      );
    } catch {
      return null;
    }
  };

  // --- the wrappers ---------------------------------------------------------------------------
  const originals = new WeakMap<object, object>();
  /** A Proxy (name, length and prototype stay the original's) with a prototype-less handler. */
  const wrap = <T extends object>(
    target: T,
    trap: (fn: T, self: unknown, args: unknown[]) => unknown,
  ) => {
    const handler = create(null) as ProxyHandler<T>;
    handler.apply = trap as ProxyHandler<T>['apply'];
    const proxy = new ProxyOf(target, handler);
    apply(weakSet, originals, [proxy, target]);
    return proxy;
  };

  Function.prototype.toString = wrap(nativeToString, (fn, self, args) => {
    const original = apply(weakGet, originals, [self]);
    if (original !== undefined || typeof self === 'function')
      return run(fn as Fn, original ?? self, args);
    try {
      return run(fn as Fn, self, args);
    } catch (error) {
      // `Object.create(fetch).toString()`: the engine names the native's frame after the receiver's
      // constructor, which it does not look up through a Proxy ("Object" where the page expects
      // "Function"). The same call on a stand-in that inherits from the original names it right.
      let standIn: object | undefined;
      try {
        const parent = apply(weakGet, originals, [getPrototypeOf(self)]) as object | undefined;
        if (parent !== undefined) standIn = create(parent) as object;
      } catch {
        // no prototype to look at
      }
      if (standIn === undefined) throw error;
      return run(fn as Fn, standIn, args);
    }
  });

  win.fetch = wrap(win.fetch, (fn, self, args) => {
    const result = run(fn as Fn, self, args) as Promise<Response>;
    let copy: Wanted | null = null;
    try {
      const input = args.length > 0 ? args[0] : undefined;
      const init = args.length > 1 ? args[1] : undefined;
      const href = hrefOf(input);
      if (href !== null) {
        copy = wanted(href, () => {
          let headers = dataOf(init, 'headers');
          if (headers === undefined) {
            try {
              headers = call(requestHeaders, input);
            } catch {
              // not a Request
            }
          }
          return friendlyIn(headers) ?? queryIn(dataOf(init, 'body'));
        });
      }
    } catch {
      // never the page's problem
    }
    // The page gets its own promise of the same response, settled after the tap's copy was taken;
    // a rejection carries the native error without the tap's frames.
    return new PromiseOf((resolve, reject) => {
      apply(then, result, [
        (value: Response) => {
          if (copy && response) {
            const wants = copy;
            try {
              if (call(response.ok, value)) {
                const body = call(response.text, call(response.clone, value)) as Promise<string>;
                apply(then, body, [(text: string) => hand(wants, text), () => {}]);
              }
            } catch {
              // never the page's problem
            }
          }
          resolve(value);
        },
        (reason: unknown) => reject(scrub(reason)),
      ]);
    });
  });

  const requests = new WeakMap<object, string>();
  xhrProto.open = wrap(xhr.open, (fn, self, args) => {
    const result = run(fn as Fn, self, args);
    try {
      const href = hrefOf(args.length > 1 ? args[1] : undefined);
      if (href !== null) apply(weakSet, requests, [self, href]);
    } catch {
      // never the page's problem
    }
    return result;
  });
  xhrProto.send = wrap(xhr.send, (fn, self, args) => {
    let listener: (() => void) | null = null;
    try {
      const href = apply(weakGet, requests, [self]) as string | undefined;
      const wants =
        href === undefined
          ? null
          : wanted(href, () => queryIn(args.length > 0 ? args[0] : undefined));
      if (wants) {
        listener = () => {
          try {
            const status = call(xhr.status, self) as number;
            if (status < 200 || status >= 300) return;
            const type = call(xhr.responseType, self);
            const body =
              type === '' || type === 'text'
                ? call(xhr.responseText, self)
                : type === 'json'
                  ? stringify(call(xhr.response, self))
                  : null;
            if (typeof body === 'string' && body) hand(wants, body);
          } catch {
            // never the page's problem
          }
        };
        apply(xhr.listen, self, ['load', listener]);
      }
    } catch {
      // never the page's problem
    }
    try {
      return run(fn as Fn, self, args);
    } catch (error) {
      if (listener) apply(xhr.unlisten, self, ['load', listener]);
      throw error;
    }
  });
}

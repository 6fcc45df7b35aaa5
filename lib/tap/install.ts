import {
  isAllowed,
  rulesForHost,
  TAP_EVENT,
  TAP_HELLO_EVENT,
  TAP_MAX_BODY,
  TAP_MAX_BUFFER,
  TAP_READY_EVENT,
} from './allow-list';

/**
 * Installs the tap in the page's own world: `fetch` and `XMLHttpRequest` keep behaving (and looking)
 * native, and the bodies of allow-listed responses are copied, as text, to the isolated content
 * script. The tap interprets nothing; every failure inside it is swallowed, never the page's.
 */
export function installTap(win: Window & typeof globalThis): void {
  const rules = rulesForHost(win.location.hostname);
  if (!rules.length) return;
  const originals = new WeakMap<object, object>();
  const buffer: string[] = [];
  let ready = false;

  const send = (detail: string) => win.dispatchEvent(new CustomEvent(TAP_EVENT, { detail }));
  const hand = (url: string, body: string) => {
    if (body.length > TAP_MAX_BODY) return;
    const detail = `${url}\n${body}`;
    if (ready) return send(detail);
    buffer.push(detail);
    if (buffer.length > TAP_MAX_BUFFER) buffer.shift();
  };
  win.addEventListener(TAP_READY_EVENT, () => {
    ready = true;
    for (const detail of buffer.splice(0)) send(detail);
  });

  const wanted = (input: string | URL, queryName: string | null): URL | null => {
    try {
      const url = new URL(input, win.location.href);
      return url.origin === win.location.origin && isAllowed(url, queryName, rules) ? url : null;
    } catch {
      return null;
    }
  };
  const queryOf = (body: unknown, headers?: HeadersInit | null): string | null => {
    try {
      const fromHeader = headers ? new Headers(headers).get('x-fb-friendly-name') : null;
      if (fromHeader) return fromHeader;
      const params =
        typeof body === 'string'
          ? new URLSearchParams(body)
          : body instanceof URLSearchParams
            ? body
            : null;
      return params?.get('fb_api_req_friendly_name') ?? params?.get('queryId') ?? null;
    } catch {
      return null;
    }
  };

  // Native-looking wrappers: a Proxy keeps name, length and prototype; toString reports the original.
  const wrap = <T extends object>(target: T, handler: ProxyHandler<T>): T => {
    const proxy = new Proxy(target, handler);
    originals.set(proxy, target);
    return proxy;
  };
  const toString = Function.prototype.toString;
  Function.prototype.toString = wrap(toString, {
    apply: (fn, self, args) => Reflect.apply(fn, originals.get(self as object) ?? self, args),
  });

  win.fetch = wrap(win.fetch, {
    apply(fn, self, args: Parameters<typeof fetch>) {
      const result: Promise<Response> = Reflect.apply(fn, self, args);
      try {
        const [input, init] = args;
        const href = input instanceof Request ? input.url : input;
        const url = wanted(
          href,
          queryOf(init?.body, init?.headers ?? (input instanceof Request ? input.headers : null)),
        );
        if (url) {
          result
            .then((response) => (response.ok ? response.clone().text() : null))
            .then((body) => body && hand(url.href, body))
            .catch(() => {});
        }
      } catch {
        // never the page's problem
      }
      return result;
    },
  });

  const requests = new WeakMap<XMLHttpRequest, string | URL>();
  const proto = win.XMLHttpRequest.prototype;
  proto.open = wrap(proto.open, {
    apply(fn, self: XMLHttpRequest, args: [string, string | URL]) {
      requests.set(self, args[1]);
      return Reflect.apply(fn, self, args);
    },
  });
  proto.send = wrap(proto.send, {
    apply(fn, self: XMLHttpRequest, args: [Document | XMLHttpRequestBodyInit | null | undefined]) {
      try {
        const target = requests.get(self);
        const url = target === undefined ? null : wanted(target, queryOf(args[0]));
        if (url) {
          self.addEventListener('load', () => {
            try {
              if (self.status < 200 || self.status >= 300) return;
              const type = self.responseType;
              const body =
                type === '' || type === 'text'
                  ? self.responseText
                  : type === 'json' && self.response != null
                    ? JSON.stringify(self.response)
                    : null;
              if (body) hand(url.href, body);
            } catch {
              // never the page's problem
            }
          });
        }
      } catch {
        // never the page's problem
      }
      return Reflect.apply(fn, self, args);
    },
  });

  win.dispatchEvent(new CustomEvent(TAP_HELLO_EVENT));
}

/** Path segments without empty parts: `/@a/video/1/` → ['@a', 'video', '1']. */
export function pathSegments(url: URL): string[] {
  return url.pathname.split('/').filter(Boolean);
}

/** Decodes a percent-encoded path segment; null when the encoding is broken. */
export function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** True for `domain` itself and any subdomain of it. */
export function isHostOf(hostname: string, domain: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return host === domain || host.endsWith(`.${domain}`);
}

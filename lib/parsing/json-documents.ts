/** Anti-hijacking prefixes some platforms put before JSON bodies. */
const PREFIXES = ['for (;;);', 'for(;;);', ")]}'", 'while(1);'];
const MAX_DOCUMENTS = 64;

/**
 * The end (exclusive) of the JSON object or array that starts at `start`, found by counting
 * brackets outside strings; -1 when it never closes (a truncated body or page). Iterative, so a
 * deeply nested literal costs time proportional to its length and no stack.
 */
export function jsonLiteralEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) depth++;
    else if (c === 125 /* } */ || c === 93 /* ] */) {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/** Where the JSON value starting at `start` ends (exclusive): a bare scalar runs to whitespace. */
function endOfValue(text: string, start: number): number {
  const open = text[start];
  if (open === '{' || open === '[') return jsonLiteralEnd(text, start);
  const match = /\s/.exec(text.slice(start));
  return match ? start + match.index : text.length;
}

/**
 * Parses a response body that may hold several JSON documents back to back (streamed GraphQL, NDJSON,
 * an anti-hijack prefix). Returns the documents that parse; a broken one ends the scan. Never throws.
 */
export function parseJsonDocuments(text: string): unknown[] {
  let body = text.trimStart();
  for (const prefix of PREFIXES) if (body.startsWith(prefix)) body = body.slice(prefix.length);
  const first = body.trimStart();
  // One well-formed document is the common case: let the native parser do it in one pass.
  if (first.startsWith('{') || first.startsWith('[')) {
    try {
      return [JSON.parse(first)];
    } catch {
      // several documents, or a truncated one: scan below
    }
  }
  const docs: unknown[] = [];
  let i = 0;
  while (i < body.length && docs.length < MAX_DOCUMENTS) {
    while (i < body.length && /\s/.test(body[i]!)) i++;
    if (i >= body.length) break;
    const end = endOfValue(body, i);
    if (end < 0) break;
    try {
      docs.push(JSON.parse(body.slice(i, end)));
    } catch {
      break;
    }
    i = end;
  }
  return docs;
}

import { parseJsonDocuments } from '../parsing/json-documents';
import type { PlatformWorker } from '../platforms/types';
import { timePerCall, type Measure } from './measure';

/** Reading a comment body vs a bare JSON.parse of it (the budget). */
export const COMMENTS_RATIO_BUDGET = 3;
/**
 * Bodies with fewer comments are not measured: a test body of a few odd values (a hostile or a
 * replies fixture) parses in microseconds, and its ratio measures the reader's fixed cost, not
 * the reading of a page of comments.
 */
const MIN_COMMENTS = 10;

/** A comment body to measure: its text and the request it answered. */
export interface CommentBody {
  name: string;
  text: string;
  url: URL;
}

const record = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' ? (value as Record<string, unknown>) : {};

/**
 * A page of `count` comments in the shape of a TikTok comment-list body (`template`, the demo's):
 * its comment objects repeated with fresh ids and texts, every field the app sends kept.
 */
export function benchCommentBody(template: unknown, count: number): string {
  const body = record(template);
  const comments = Array.isArray(body.comments) ? body.comments.map(record) : [];
  if (!comments.length) throw new Error('the template body has no comments');
  const page = Array.from({ length: count }, (_, n) => {
    const comment = structuredClone(comments[n % comments.length]!);
    const tag = String(n).padStart(4, '0');
    comment.cid = `75100000000090${tag}`;
    comment.text = `${String(comment.text)} (${n})`;
    comment.user = { ...record(comment.user), uid: `69000000000090${tag}` };
    return comment;
  });
  return JSON.stringify({ ...body, comments: page, total: count, has_more: 0 });
}

/**
 * One measure per comment body of MIN_COMMENTS or more: the background's reading of it (parse,
 * the platform's comment reader) against `JSON.parse` alone.
 */
export function commentMeasures(
  platform: string,
  worker: PlatformWorker,
  bodies: readonly CommentBody[],
  clock: () => number,
): Measure[] {
  const read = (body: CommentBody) =>
    parseJsonDocuments(body.text).flatMap((json) => worker.readComments(json, body.url));
  return bodies.flatMap((body) => {
    const lists = read(body);
    const comments = lists.reduce((n, list) => n + list.comments.length, 0);
    if (comments < MIN_COMMENTS) return [];
    const bare = () => JSON.parse(body.text) as unknown;
    return [
      {
        id: `comments.${platform}.${body.name}`,
        unit: 'ratio' as const,
        budget: COMMENTS_RATIO_BUDGET,
        label: `${comments} comments on ${lists.length} post(s), ${body.url.pathname}: parse and read vs JSON.parse`,
        sample: () => timePerCall(() => read(body), clock) / timePerCall(bare, clock),
      },
    ];
  });
}

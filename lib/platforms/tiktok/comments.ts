import { commentList, type CommentList } from '../../extract/comments';
import { isRecord } from '../../extract/lenient';
import { idString } from '../../extract/values';
import { TIKTOK_SOURCES } from './sources';

/**
 * TikTok's comment pages, as the web app fetches them under a video: `/api/comment/list/`
 * (`?aweme_id=<video id>`) and, for the replies under one comment, `/api/comment/list/reply/`
 * (`?comment_id=<cid>&item_id=<video id>`). Both answer `{ comments: [...], cursor, has_more,
 * total, status_code }`, each comment carrying its video's `aweme_id`, its `text` and its likes
 * (`digg_count`). Only those are read: nothing of the comment's `user`, nor its `cid`.
 */

/** A video id as TikTok writes it (the id in `/video/<id>`). */
const VIDEO_ID = /^\d{5,25}$/;
/** The replies' path: its comments are replies, under the same video. */
const REPLIES = /^\/api\/comment\/list\/reply\/?$/;
/** Comments read per body: a page holds 20 to 50, and a longer array is no page TikTok sends. */
const MAX_READ = 1_000;

/**
 * The comments a TikTok comment page (or a page of replies) shows, one list per video: each
 * comment under its own `aweme_id`, else the video the request named (`aweme_id` / `item_id`).
 * A comment's inline preview of its first reply (`reply_comment`) is not read: the replies' own page carries it, and a reply read twice
 * would weigh twice. A body answering an error (`status_code` other than 0) and unknown shapes
 * give []. Pure; never throws.
 */
export function readTiktokComments(json: unknown, url: URL): CommentList[] {
  try {
    if (!isRecord(json) || !Array.isArray(json['comments'])) return [];
    const status = json['status_code'];
    if (status !== undefined && status !== 0 && status !== '0') return [];
    const asked = videoId(url.searchParams.get('aweme_id') ?? url.searchParams.get('item_id'));
    const source = REPLIES.test(url.pathname)
      ? TIKTOK_SOURCES.commentReplies
      : TIKTOK_SOURCES.commentList;
    const byVideo = new Map<string, { text: unknown; likes: unknown }[]>();
    const comments: unknown[] = json['comments'];
    for (let i = 0; i < comments.length && i < MAX_READ; i++) {
      const c = comments[i];
      if (!isRecord(c)) continue;
      const video = videoId(c['aweme_id']) ?? asked;
      if (!video) continue;
      let raw = byVideo.get(video);
      if (!raw) byVideo.set(video, (raw = []));
      raw.push({ text: c['text'], likes: c['digg_count'] });
    }
    const lists: CommentList[] = [];
    for (const [video, raw] of byVideo) {
      const list = commentList(source, video, raw);
      if (list) lists.push(list);
    }
    return lists;
  } catch {
    // Nothing above throws on data; this guards the worker against a bug, not the input.
    return [];
  }
}

/** A video id from a payload or a URL parameter; undefined for anything else. */
function videoId(raw: unknown): string | undefined {
  const id = idString(raw);
  return id && VIDEO_ID.test(id) ? id : undefined;
}

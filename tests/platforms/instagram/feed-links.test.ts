import { describe, expect, it } from 'vitest';
import { content } from '../../../lib/platforms/instagram/content';
import { IG, parseDoc } from './load';

// Which links in Instagram's feeds, search and grids are creators' (their chips' anchors), and
// which feed item each belongs to: a small page with every kind of link a feed holds.

const feed = content.feed!;
const PAGE = new URL(`${IG}/explore/`);

const doc = parseDoc(`<!doctype html><html lang="en"><body><main>
  <article id="post">
    <div>
      <a id="avatar" href="/fjord.films/"><img alt="fjord.films's profile picture"></a>
      <a id="author" href="/fjord.films/">fjord.films</a>
    </div>
    <a id="photo" href="/p/C9jFjordPho/">photo</a>
    <a id="reel" href="/fjord.films/reel/C9jFjordRe1/">reel</a>
    <a id="tag" href="/explore/tags/lofoten/">#lofoten</a>
    <a id="place" href="/explore/locations/212988663/lofoten/">Lofoten</a>
    <a id="audio" href="/reels/audio/99887766/">Original audio</a>
    <a id="story" href="/stories/fjord.films/3400000000000000301/">story</a>
    <span>Low tide, with <a id="mention" href="/mira.loops/">@mira.loops</a></span>
    <span><a id="commenter" href="/ole.bakes/">ole.bakes</a> so good</span>
  </article>
  <ul><li id="row"><a id="search-row" href="/alpine.ana/">alpine.ana</a></li></ul>
  <div role="listitem" id="cell"><a id="cell-link" href="/kai.summit/">Kai Summit</a></div>
  <div role="button" id="card"><div><a id="card-link" href="/Oda.Rows/">Oda Rows</a></div></div>
  <a id="absolute" href="https://www.instagram.com/Hut.Hopper/?hl=de">Hut Hopper</a>
  <a id="tab" href="/mira.loops/tagged/">Tagged</a>
  <a id="elsewhere" href="https://example.com/mira.loops/">elsewhere</a>
  <a id="settings" href="/accounts/edit/">Edit profile</a>
  <a id="inbox" href="/direct/inbox/">Messages</a>
  <a id="explore" href="/explore/">Explore</a>
  <a id="reels" href="/reels/">Reels</a>
  <a id="redirect" href="https://l.instagram.com/?u=https%3A%2F%2Fexample.com%2F">link in bio</a>
  <a id="script" href="javascript:void(0)">menu</a>
  <a id="broken" href="https://[broken/">broken</a>
  <a id="empty" href="">empty</a>
</main></body></html>`);

const link = (id: string) => doc.getElementById(id) as HTMLAnchorElement;
const creator = (id: string) => feed.creatorOf(link(id), PAGE);

describe('Instagram feed links', () => {
  it('selects profile links and leaves out posts, reels, Explore pages and stories', () => {
    const ids = [...doc.querySelectorAll(feed.links)].map((a) => a.id);
    expect(ids).toEqual(
      expect.arrayContaining(['avatar', 'author', 'commenter', 'search-row', 'cell-link']),
    );
    for (const id of ['photo', 'reel', 'tag', 'place', 'story', 'explore']) {
      expect(ids, id).not.toContain(id);
    }
  });

  it.each([
    ['avatar', 'fjord.films'],
    ['author', 'fjord.films'],
    ['commenter', 'ole.bakes'],
    ['search-row', 'alpine.ana'],
    ['cell-link', 'kai.summit'],
    ['card-link', 'oda.rows'],
    ['absolute', 'hut.hopper'],
    ['tab', 'mira.loops'],
  ])('%s links to the creator %s', (id, handle) => {
    expect(creator(id)).toBe(handle);
  });

  it.each([
    'photo',
    'reel',
    'tag',
    'place',
    'audio',
    'story',
    'mention',
    'elsewhere',
    'settings',
    'inbox',
    'explore',
    'reels',
    'redirect',
    'script',
    'broken',
    'empty',
  ])('%s is no creator’s link', (id) => {
    expect(creator(id)).toBeNull();
  });

  it('never throws on a link it cannot read', () => {
    const odd = {
      getAttribute: () => {
        throw new Error('detached');
      },
    } as unknown as HTMLAnchorElement;
    expect(feed.creatorOf(odd, PAGE)).toBeNull();
  });

  it.each([
    ['avatar', 'post'],
    ['author', 'post'],
    ['commenter', 'post'],
    ['search-row', 'row'],
    ['cell-link', 'cell'],
    ['card-link', 'card'],
  ])('%s belongs to the feed item #%s', (id, item) => {
    expect(feed.itemOf(link(id))?.id).toBe(item);
  });

  it('gives a link outside any item no item: the link alone counts', () => {
    expect(feed.itemOf(link('absolute'))).toBeNull();
  });
});

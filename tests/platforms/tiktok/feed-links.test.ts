// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { content } from '../../../lib/platforms/tiktok/content';
import { tiktokFeed as feed } from '../../../lib/platforms/tiktok/feed';

// Which links on a TikTok page are creators' (a chip goes beside them) and which feed item each
// sits in (one chip per creator per item): the For You feed, search results and a grid, in the
// markup TikTok's web app uses (its data-e2e names), and in markup that renames them.

const PAGE = new URL('https://www.tiktok.com/foryou');

const FEED_HTML = `
<header><a data-e2e="nav-profile" href="/@quiet.viewer">Profile</a></header>
<main>
  <article data-e2e="recommend-list-item-container" id="item-1">
    <a data-e2e="video-author-avatar" href="/@ines.paints"><img alt=""></a>
    <a href="https://www.tiktok.com/@Ines.Paints?lang=en"><h3 data-e2e="video-author-uniqueid">ines.paints</h3></a>
    <div data-e2e="video-desc">Morning sky <a href="/tag/watercolor">#watercolor</a> with <a href="/@sol.sings"><strong>@sol.sings</strong></a></div>
    <a href="/@ines.paints/video/7578469795344728491">video</a>
    <a href="/music/original-sound-7578469795344700000">original sound</a>
    <a href="/place/22535796485520033">Lisbon</a>
  </article>
  <div data-e2e="search_top-item" id="item-2">
    <a href="/@purl.petra"><span data-e2e="search-card-user-unique-id">purl.petra</span></a>
    <div data-e2e="search-card-video-caption">fixing it with <a href="/@bo.bakes">@bo.bakes</a></div>
  </div>
  <div data-e2e="search-user-container" id="item-3">
    <a href="https://m.tiktok.com/@mara.knits/">Mara Knits</a>
  </div>
  <ul><li id="item-4"><span><a href="/@wool.wim">wool.wim</a></span></li></ul>
  <div role="listitem" id="item-5"><a href="/@dan.dough">dan.dough</a></div>
</main>
<aside><a href="/@loose.link">loose</a></aside>
<footer>
  <a href="/search?q=knitting">search</a>
  <a href="/@ines.paints/live">live</a>
  <a href="https://example.com/@ines.paints">elsewhere</a>
  <a href="/@">nobody</a>
  <a href="/@bad name">bad</a>
  <a href="http://[broken/@x">broken</a>
  <a>no href</a>
</footer>`;

beforeEach(() => {
  document.body.innerHTML = FEED_HTML;
});

const links = () => [...document.querySelectorAll<HTMLAnchorElement>(feed.links)];
const link = (href: string) =>
  links().find((a) => a.getAttribute('href') === href) ??
  (() => {
    throw new Error(`no link ${href}`);
  })();

describe('TikTok feed links', () => {
  it('is the page side the content script runs', () => {
    expect(content.feed).toBe(feed);
  });

  it('its selector finds relative and absolute profile links (a superset)', () => {
    const hrefs = links().map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(
      expect.arrayContaining([
        '/@ines.paints',
        'https://www.tiktok.com/@Ines.Paints?lang=en',
        'https://m.tiktok.com/@mara.knits/',
        '/@wool.wim',
      ]),
    );
    expect(hrefs).not.toContain('/tag/watercolor');
  });

  it('names the creator of each profile link, lower-cased, relative or absolute', () => {
    expect(feed.creatorOf(link('/@ines.paints'), PAGE)).toBe('ines.paints');
    expect(feed.creatorOf(link('https://www.tiktok.com/@Ines.Paints?lang=en'), PAGE)).toBe(
      'ines.paints',
    );
    expect(feed.creatorOf(link('https://m.tiktok.com/@mara.knits/'), PAGE)).toBe('mara.knits');
    expect(feed.creatorOf(link('/@purl.petra'), PAGE)).toBe('purl.petra');
  });

  it('names no one for an @mention in a caption: it is someone else’s item', () => {
    expect(feed.creatorOf(link('/@sol.sings'), PAGE)).toBeNull();
    expect(feed.creatorOf(link('/@bo.bakes'), PAGE)).toBeNull();
  });

  it('names no one for videos, hashtags, sounds, places, search, live, other sites and broken links', () => {
    const all = [...document.querySelectorAll<HTMLAnchorElement>('a')];
    const named = new Map(all.map((a) => [a.getAttribute('href'), feed.creatorOf(a, PAGE)]));
    for (const href of [
      '/@ines.paints/video/7578469795344728491',
      '/tag/watercolor',
      '/music/original-sound-7578469795344700000',
      '/place/22535796485520033',
      '/search?q=knitting',
      '/@ines.paints/live',
      'https://example.com/@ines.paints',
      '/@',
      '/@bad name',
      'http://[broken/@x',
      null,
    ]) {
      expect(named.get(href), String(href)).toBeNull();
    }
  });

  it('gives the feed item around a link: both author links of a video are one item', () => {
    const item = document.getElementById('item-1');
    expect(feed.itemOf(link('/@ines.paints'))).toBe(item);
    expect(feed.itemOf(link('https://www.tiktok.com/@Ines.Paints?lang=en'))).toBe(item);
  });

  it('finds search cards, user cards, list items and role listitems', () => {
    expect(feed.itemOf(link('/@purl.petra'))?.id).toBe('item-2');
    expect(feed.itemOf(link('https://m.tiktok.com/@mara.knits/'))?.id).toBe('item-3');
    expect(feed.itemOf(link('/@wool.wim'))?.id).toBe('item-4');
    expect(feed.itemOf(link('/@dan.dough'))?.id).toBe('item-5');
  });

  it('gives no item for a link outside any', () => {
    expect(feed.itemOf(link('/@loose.link'))).toBeNull();
  });

  it('changes nothing of the page it reads', () => {
    const before = document.body.innerHTML;
    for (const a of links()) {
      feed.creatorOf(a, PAGE);
      feed.itemOf(a);
    }
    expect(document.body.innerHTML).toBe(before);
  });
});

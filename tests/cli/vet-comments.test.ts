import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScout } from './run';

// `scout vet` with comment bodies among its files: the demo video page and the two comment pages
// its own script loads (30 invented comments, 18 emoji, one word or only mentions).

const PAGES = join(import.meta.dirname, '../fixtures/pages/tiktok');
const VIDEO = 'https://www.tiktok.com/@juno.knits/video/7510000000000000001';
const COMMENTS = [
  'api-comment-list-juno-knits-cursor-0.json',
  'api-comment-list-juno-knits-cursor-20.json',
];

async function vet(url: string, files: string[]) {
  const run = await runScout([
    'vet',
    '--url',
    url,
    '--at',
    '2025-11-28',
    ...files.map((f) => join(PAGES, f)),
  ]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as { flags: { code: string; evidence: string }[] };
}

describe('scout vet with comment bodies', () => {
  it('warns on the generic comments of the creator’s own video, with the count and examples', async () => {
    const { flags } = await vet(VIDEO, ['video-juno-knits.html', ...COMMENTS]);
    const generic = flags.find((f) => f.code === 'generic-comments');
    expect(generic?.evidence).toMatch(/^18 of 30 comments on 1 post \(60%\)/);
    expect(generic?.evidence).toContain('"🔥🔥🔥"');
  });

  it('counts a page of comments given twice once', async () => {
    const { flags } = await vet(VIDEO, ['video-juno-knits.html', ...COMMENTS, COMMENTS[0]!]);
    expect(flags.find((f) => f.code === 'generic-comments')?.evidence).toMatch(/^18 of 30 /);
  });

  it('raises no comment warning without comments, or on comments of another creator’s post', async () => {
    const alone = await vet(VIDEO, ['video-juno-knits.html', COMMENTS[1]!]);
    // One page of 10 comments is below the sample the warning needs.
    expect(alone.flags.map((f) => f.code)).not.toContain('generic-comments');
    const mara = await vet('https://www.tiktok.com/@mara.bakes', [
      'profile-mara-bakes.html',
      'api-item-list-mara-bakes.json',
      ...COMMENTS,
    ]);
    expect(mara.flags.map((f) => f.code)).not.toContain('generic-comments');
  });
});

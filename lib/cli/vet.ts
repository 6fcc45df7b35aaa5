import { computeVetting, toVetOutput } from '../metrics';
import type { CliCommandResult, CliFile, CliPageOptions } from './command-types';
import { joinByPost } from '../extract/comments';
import { commentsInFiles, extractFiles } from './extract';

/**
 * `scout vet`: the snapshot the files describe and what Scout concludes about it — tier, engagement
 * with its formula, sample and band, rate ranges, add-ons and warnings; unknown parts are null.
 * Comment bodies among the files feed the comment checks, for the creator's own posts only (a
 * list on a post the snapshot does not hold is someone else's). The clock is `--at`, else the
 * snapshot's capture time, so the same files always vet the same.
 */
export async function runVet(
  files: readonly CliFile[],
  opts: CliPageOptions,
): Promise<CliCommandResult> {
  const extracted = await extractFiles(files, opts, Date.now());
  if (!extracted.ok) return { ok: false, reason: extracted.reason };
  const { snapshot } = extracted;
  const own = new Set(snapshot.recentPosts.map((p) => p.id));
  const lists = (await commentsInFiles(files, opts, snapshot.capturedAt)).filter((list) =>
    own.has(list.postId),
  );
  const result = computeVetting(snapshot, {
    now: opts.at ?? snapshot.capturedAt,
    ...(lists.length ? { comments: joinByPost(lists) } : {}),
  });
  return { ok: true, output: toVetOutput(snapshot, result) };
}

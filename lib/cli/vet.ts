import { computeVetting, toVetOutput } from '../metrics';
import type { CliCommandResult, CliFile, CliPageOptions } from './command-types';
import { extractFiles } from './extract';

/**
 * `scout vet`: the snapshot the files describe and what Scout concludes about it — tier, engagement
 * with its formula, sample and band, rate ranges, add-ons and warnings; unknown parts are null.
 * The clock is `--at`, else the snapshot's capture time, so the same files always vet the same.
 */
export async function runVet(
  files: readonly CliFile[],
  opts: CliPageOptions,
): Promise<CliCommandResult> {
  const extracted = await extractFiles(files, opts, Date.now());
  if (!extracted.ok) return { ok: false, reason: extracted.reason };
  const { snapshot } = extracted;
  const result = computeVetting(snapshot, { now: opts.at ?? snapshot.capturedAt });
  return { ok: true, output: toVetOutput(snapshot, result) };
}

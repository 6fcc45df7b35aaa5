import type { CliCommandResult, CliFile, CliPageOptions } from './command-types';

/** `scout extract`: the ProfileSnapshot the files describe (placeholder until extraction lands). */
export async function runExtract(
  files: readonly CliFile[],
  opts: CliPageOptions,
): Promise<CliCommandResult> {
  void files;
  void opts;
  return { ok: false, reason: 'extract is not built yet' };
}

import type { CliCommandResult, CliFile, CliPageOptions } from './command-types';

/** `scout vet`: snapshot, tier, engagement, rates and flags (placeholder until vetting lands). */
export async function runVet(
  files: readonly CliFile[],
  opts: CliPageOptions,
): Promise<CliCommandResult> {
  void files;
  void opts;
  return { ok: false, reason: 'vet is not built yet' };
}

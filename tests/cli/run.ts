import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import { ProfileSnapshotSchema } from '../../lib/model';
import { runCli } from '../../lib/cli/main';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `scout <argv>` in-process, reading real files from disk, with what it printed. */
export async function runScout(argv: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    readFile: (path) => readFile(path, 'utf8'),
  });
  return { code, stdout, stderr };
}

/**
 * `scout sightings --url <url> --at <at>` on files under `dir`: the printed entries, each checked
 * to be a valid ProfileSnapshot, after a clean exit.
 */
export async function printedSightings(
  dir: string,
  at: string,
  url: string,
  files: readonly string[],
): Promise<Record<string, unknown>[]> {
  const run = await runScout([
    'sightings',
    '--url',
    url,
    '--at',
    at,
    ...files.map((f) => join(dir, f)),
  ]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const printed = JSON.parse(run.stdout) as Record<string, unknown>[];
  for (const entry of printed) expect(ProfileSnapshotSchema.safeParse(entry).success).toBe(true);
  return printed;
}

/** An entry as `[handle, followers, followers' precision]`. */
export const followersView = (e: Record<string, unknown>) => [
  e['handle'],
  e['followers'],
  (e['precision'] as Record<string, string>)['followers'],
];

import { readFile } from 'node:fs/promises';
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

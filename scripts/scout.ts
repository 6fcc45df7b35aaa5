/**
 * Developer CLI entry: `npm run --silent scout -- <command>`. Wiring only; the commands live in
 * lib/cli so that tests run them in-process.
 */
import { readFile } from 'node:fs/promises';
import { runCli } from '../lib/cli/main';

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  readFile: (path) => readFile(path, 'utf8'),
});

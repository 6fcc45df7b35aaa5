import { MAX_AUDIENCE, parseCount } from '../parsing/count';
import { COUNT_NOUNS } from '../parsing/count-nouns';
import {
  parseArgs,
  parseCaptureTime,
  parseLocaleOption,
  parsePageUrl,
  type ArgsResult,
} from './args';
import type { CliCommandResult, CliFile, CliPageOptions } from './command-types';
import { runExtract } from './extract';
import { runSightings } from './sightings';
import { runVet } from './vet';

/** The outside world of the CLI, injected so that tests run it in-process. */
export interface CliIo {
  /** Receives whole lines (newline included); only ever JSON. */
  stdout: (s: string) => void;
  /** Receives whole lines (newline included): usage, or one `scout: ` line per error. */
  stderr: (s: string) => void;
  /** Reads a file as UTF-8 text; rejects when it is missing or unreadable. */
  readFile: (path: string) => Promise<string>;
}

/** Exit codes: 1 for bad input (unreadable file, nothing extracted), 2 for a usage mistake. */
export const EXIT_OK = 0;
export const EXIT_BAD_INPUT = 1;
export const EXIT_USAGE = 2;

export const USAGE = `usage: npm run --silent scout -- <command> [options]

commands:
  count [--locale <bcp47>] <text>...
      print a JSON array with the number each text means (null when it is not a count);
      default locale en; texts starting with "-" other than negative numbers go after "--"
  extract --url <page-url> [--at <ISO date | epoch ms>] <file>...
      print the ProfileSnapshot read from saved HTML pages and/or JSON bodies
  vet --url <page-url> [--at <ISO date | epoch ms>] <file>...
      print the snapshot with its tier, engagement, rates and flags
  sightings --url <page-url> [--at <ISO date | epoch ms>] <file>...
      print a JSON array: one snapshot-shaped entry per creator the feed, search or list files
      show (any page of the platform; never the viewer)

options:
  -h, --help   print this help (on stderr: stdout carries JSON only)

exit codes: 0 ok, 1 bad input, 2 usage
`;

type PageCommand = (files: readonly CliFile[], opts: CliPageOptions) => Promise<CliCommandResult>;

const PAGE_COMMANDS: Readonly<Record<string, PageCommand>> = {
  extract: runExtract,
  vet: runVet,
  sightings: runSightings,
};

/** Runs the developer CLI on argv (without node and script) and returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined) return usageError(io, 'no command given');
  if (command === '-h' || command === '--help') return printUsage(io);
  try {
    if (command === 'count') return runCount(rest, io);
    const pageCommand = PAGE_COMMANDS[command];
    if (pageCommand) return await runPageCommand(command, pageCommand, rest, io);
  } catch (error) {
    // A command throwing is a bug, but the one-line stderr contract still holds.
    return fail(io, EXIT_BAD_INPUT, `${command} failed unexpectedly: ${describeError(error)}`);
  }
  return usageError(io, `unknown command ${JSON.stringify(command)}`);
}

function runCount(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv, ['--locale']);
  if (!args.ok) return usageError(io, `count: ${args.message}`);
  if (args.value.help) return printUsage(io);
  const locale = parseLocaleOption(args.value.options.get('--locale'));
  if (!locale.ok) return usageError(io, `count: ${locale.message}`);
  if (args.value.positionals.length === 0) return usageError(io, 'count needs at least one text');
  // The CLI reads audience-style counts, so more than there are people on Earth is null; after
  // the number, the labels pages print are read past, any other word makes no count.
  const options = { locale: locale.value, max: MAX_AUDIENCE, nouns: COUNT_NOUNS };
  const values = args.value.positionals.map((text) => parseCount(text, options)?.value ?? null);
  io.stdout(`${JSON.stringify(values)}\n`);
  return EXIT_OK;
}

async function runPageCommand(
  name: string,
  command: PageCommand,
  argv: readonly string[],
  io: CliIo,
): Promise<number> {
  const args = parseArgs(argv, ['--url', '--at']);
  if (!args.ok) return usageError(io, `${name}: ${args.message}`);
  if (args.value.help) return printUsage(io);
  const url = parsePageUrl(args.value.options.get('--url'));
  if (!url.ok) return usageError(io, `${name}: ${url.message}`);
  const at = parseCaptureTime(args.value.options.get('--at'));
  if (!at.ok) return usageError(io, `${name}: ${at.message}`);
  const paths = args.value.positionals;
  if (paths.length === 0) return usageError(io, `${name} needs at least one file`);

  const files = await readFiles(paths, io);
  if (!files.ok) return fail(io, EXIT_BAD_INPUT, files.message);

  const opts: CliPageOptions =
    at.value === undefined ? { url: url.value } : { url: url.value, at: at.value };
  const result = await command(files.value, opts);
  if (!result.ok) return fail(io, EXIT_BAD_INPUT, result.reason);
  io.stdout(`${JSON.stringify(result.output ?? null)}\n`);
  return EXIT_OK;
}

async function readFiles(paths: readonly string[], io: CliIo): Promise<ArgsResult<CliFile[]>> {
  const files: CliFile[] = [];
  for (const path of paths) {
    try {
      files.push({ path, text: await io.readFile(path) });
    } catch (error) {
      return { ok: false, message: `cannot read ${path}: ${describeError(error)}` };
    }
  }
  return { ok: true, value: files };
}

function printUsage(io: CliIo): number {
  io.stderr(USAGE);
  return EXIT_OK;
}

function usageError(io: CliIo, message: string): number {
  return fail(io, EXIT_USAGE, `${message} (see --help)`);
}

function fail(io: CliIo, code: number, message: string): number {
  io.stderr(`scout: ${oneLine(message)}\n`);
  return code;
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The stderr contract is one line per error, whatever a reason or an OS message contains. */
function oneLine(message: string): string {
  return message.replace(/\s+/g, ' ').trim();
}

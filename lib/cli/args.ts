/**
 * Argument parsing for the developer CLI. Pure: a usage problem is a returned one-line message,
 * never an exception, so `runCli` can map it to exit code 2.
 */

export type ArgsResult<T> = { ok: true; value: T } | { ok: false; message: string };

export interface ParsedArgs {
  /** `--name value` / `--name=value` pairs, each option at most once. */
  options: Map<string, string>;
  positionals: string[];
  help: boolean;
}

/**
 * A text that starts with a minus and a digit ("-5", "-1.2K") is a value for `count` to judge,
 * not an option; anything else may follow `--`.
 */
const NEGATIVE_NUMBER = /^-[\d.,]/;

/** Splits argv into known options (each taking one value), positionals and the help flag. */
export function parseArgs(
  argv: readonly string[],
  known: readonly string[],
): ArgsResult<ParsedArgs> {
  const options = new Map<string, string>();
  const positionals: string[] = [];
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-h' || arg === '--help') {
      help = true;
      continue;
    }
    if (!arg.startsWith('-') || arg === '-' || NEGATIVE_NUMBER.test(arg)) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    if (!known.includes(name)) {
      return fail(`unknown option ${name}`);
    }
    let value: string | undefined;
    if (eq !== -1) {
      value = arg.slice(eq + 1);
    } else {
      const next = argv[i + 1];
      if (next !== undefined && !(next.startsWith('-') && !NEGATIVE_NUMBER.test(next))) {
        value = next;
        i++;
      }
    }
    if (value === undefined || value === '') return fail(`${name} needs a value`);
    if (options.has(name)) return fail(`${name} is given twice`);
    options.set(name, value);
  }
  return { ok: true, value: { options, positionals, help } };
}

/** Validates `--url`: an absolute http(s) URL, as the page the files were captured from. */
export function parsePageUrl(value: string | undefined): ArgsResult<string> {
  if (value === undefined) return fail('--url <page-url> is required');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return fail(`--url ${JSON.stringify(value)} is not an absolute URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return fail(`--url ${JSON.stringify(value)} is not an http(s) URL`);
  }
  return { ok: true, value: url.href };
}

const ISO_DATE =
  /^(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?<zone>Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Validates `--at`: epoch milliseconds or an ISO 8601 date / date-time. A date-time without a
 * zone is read as UTC (as a bare date already is), so that output never depends on the machine's
 * time zone.
 */
export function parseCaptureTime(value: string | undefined): ArgsResult<number | undefined> {
  if (value === undefined) return { ok: true, value: undefined };
  if (/^\d+$/.test(value)) {
    const ms = Number(value);
    if (Number.isSafeInteger(ms)) return { ok: true, value: ms };
  } else {
    const groups = ISO_DATE.exec(value)?.groups;
    if (groups && isCalendarDate(groups)) {
      const hasTime = value.length > 10;
      const normalized = hasTime && !groups['zone'] ? `${value}Z` : value;
      const ms = Date.parse(normalized.replace(' ', 'T'));
      if (Number.isFinite(ms)) return { ok: true, value: ms };
    }
  }
  return fail(`--at ${JSON.stringify(value)} is neither an ISO date nor epoch milliseconds`);
}

/** Date.parse rolls "2024-02-30" over to March 1st; a typo in a date should be reported instead. */
function isCalendarDate(groups: Record<string, string | undefined>): boolean {
  const [year, month, day] = [groups['year'], groups['month'], groups['day']].map(Number);
  if (year === undefined || month === undefined || day === undefined) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Validates `--locale`: a well-formed BCP 47 tag (an unknown but well-formed one reads as en). */
export function parseLocaleOption(value: string | undefined): ArgsResult<string> {
  if (value === undefined) return { ok: true, value: 'en' };
  try {
    const [canonical] = Intl.getCanonicalLocales(value);
    if (canonical) return { ok: true, value: canonical };
  } catch {
    // Falls through to the usage message: "de_DE" and the like are typos to point out.
  }
  return fail(`--locale ${JSON.stringify(value)} is not a BCP 47 language tag (e.g. de, pt-BR)`);
}

function fail(message: string): { ok: false; message: string } {
  return { ok: false, message };
}

import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { runExtract } from '../../lib/cli/extract';
import { runCli } from '../../lib/cli/main';
import { runVet } from '../../lib/cli/vet';

// The real extract and vet run on the project's own fixtures; they are wrapped in spies only to see
// what the CLI hands them, and to make one of them throw (no input makes the real ones throw).
vi.mock('../../lib/cli/extract', async (load) => {
  const actual = await load<typeof import('../../lib/cli/extract')>();
  return { ...actual, runExtract: vi.fn(actual.runExtract) };
});
vi.mock('../../lib/cli/vet', async (load) => {
  const actual = await load<typeof import('../../lib/cli/vet')>();
  return { ...actual, runVet: vi.fn(actual.runVet) };
});

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(argv: string[], files: Record<string, string> = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
    readFile: async (path) => {
      const text = files[path];
      if (text === undefined) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
      return text;
    },
  });
  return { code, stdout, stderr };
}

/** A usage or input error: nothing on stdout, exactly one `scout: ` line on stderr. */
function expectOneErrorLine(result: Run, code: number, mentions: RegExp): void {
  expect(result.code).toBe(code);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^scout: [^\n]+\n$/);
  expect(result.stderr).toMatch(mentions);
}

beforeEach(() => {
  vi.mocked(runExtract).mockClear();
  vi.mocked(runVet).mockClear();
});

describe('scout count', () => {
  it('prints 1.2M as 1200000 and "6,2 Mio." as null in the default locale (en)', async () => {
    const result = await run(['count', '1.2M', '6,2 Mio.']);
    expect(result).toEqual({ code: 0, stdout: '[1200000,null]\n', stderr: '' });
  });

  it('reads "6,2 Mio." as 6200000 with --locale de', async () => {
    const result = await run(['count', '--locale', 'de', '1.2M', '6,2 Mio.']);
    expect(result).toEqual({ code: 0, stdout: '[1200000,6200000]\n', stderr: '' });
  });

  it('accepts --locale=de and reads "1.234" there as 1234', async () => {
    const result = await run(['count', '--locale=de', '1.234']);
    expect(JSON.parse(result.stdout)).toEqual([1234]);
  });

  it('reads "1,2 B" with --locale tr as 1200, not a billion', async () => {
    const result = await run(['count', '--locale', 'tr', '1,2 B']);
    expect(JSON.parse(result.stdout)).toEqual([1200]);
  });

  it('prints null for negatives, non-counts and more followers than people on Earth', async () => {
    const result = await run(['count', '-5', 'followers', '1.5', '12B followers', '500+']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([null, null, null, null, 500]);
  });

  it('prints null for a number before a unit it does not know, and reads labels past', async () => {
    const result = await run(['count', '6 xyz', '6 Mio.', '12abc', '6.2M Fans', '7 connections']);
    expect(JSON.parse(result.stdout)).toEqual([null, null, null, 6_200_000, 7]);
    const de = await run(['count', '--locale', 'de', '6 Tsd.', '6 Tsd. Follower']);
    expect(JSON.parse(de.stdout)).toEqual([6000, 6000]);
  });

  it('takes texts that look like options after "--"', async () => {
    const result = await run(['count', '--', '--locale', '-x']);
    expect(JSON.parse(result.stdout)).toEqual([null, null]);
  });

  it('reads an unknown but well-formed locale as en', async () => {
    const result = await run(['count', '--locale', 'xx', '1.2K', '1.234']);
    expect(JSON.parse(result.stdout)).toEqual([1200, null]);
  });

  it('exits 2 without any text', async () => {
    expectOneErrorLine(await run(['count']), 2, /at least one text/);
  });

  it('exits 2 when --locale has no value', async () => {
    expectOneErrorLine(await run(['count', '1.2M', '--locale']), 2, /--locale needs a value/);
  });

  it('exits 2 for a malformed locale such as de_DE', async () => {
    expectOneErrorLine(await run(['count', '--locale', 'de_DE', '1']), 2, /de_DE/);
  });

  it('exits 2 for an unknown option', async () => {
    expectOneErrorLine(await run(['count', '--verbose', '1']), 2, /unknown option --verbose/);
  });

  it('exits 2 when --locale is given twice', async () => {
    const result = await run(['count', '--locale', 'de', '--locale', 'fr', '1']);
    expectOneErrorLine(result, 2, /twice/);
  });
});

describe('scout help and usage errors', () => {
  for (const argv of [['--help'], ['-h'], ['count', '--help'], ['vet', '-h']]) {
    it(`"${argv.join(' ')}" prints the usage on stderr and exits 0`, async () => {
      const result = await run(argv);
      expect(result.code).toBe(0);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^usage: /);
      expect(result.stderr).toContain('count [--locale <bcp47>] <text>...');
    });
  }

  it('exits 2 with no command', async () => {
    expectOneErrorLine(await run([]), 2, /no command/);
  });

  it('exits 2 with an unknown command', async () => {
    expectOneErrorLine(await run(['frobnicate']), 2, /unknown command "frobnicate"/);
  });
});

describe.each([
  ['extract', runExtract],
  ['vet', runVet],
] as const)('scout %s', (name, command) => {
  const url = 'https://www.tiktok.com/@nadia.draws';
  const fixture = (file: string) =>
    readFileSync(new URL(`../fixtures/tiktok/${file}`, import.meta.url), 'utf8');
  const files = {
    'page.html': fixture('login-wall.html'),
    'body.json': fixture('api-user-detail-nadia-draws.json'),
  };
  /** The snapshot a command printed: extract prints it, vet prints it inside its answer. */
  const snapshotOf = (stdout: string) => {
    const printed = JSON.parse(stdout) as { snapshot?: unknown };
    return (name === 'vet' ? printed.snapshot : printed) as { handle: string; capturedAt: number };
  };

  it('passes the files, the URL and the --at clock to the command and prints its JSON', async () => {
    const result = await run(
      [name, '--url', url, '--at', '2024-05-01T10:00:00Z', 'page.html', 'body.json'],
      files,
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.endsWith('}\n')).toBe(true);
    expect(snapshotOf(result.stdout)).toMatchObject({
      handle: 'nadia.draws',
      capturedAt: Date.UTC(2024, 4, 1, 10),
    });
    expect(command).toHaveBeenCalledWith(
      [
        { path: 'page.html', text: files['page.html'] },
        { path: 'body.json', text: files['body.json'] },
      ],
      { url, at: Date.UTC(2024, 4, 1, 10) },
    );
  });

  it('reads --at as epoch milliseconds, and leaves it out when not given', async () => {
    await run([name, '--url', url, '--at', '1714557600000', 'page.html'], files);
    expect(command).toHaveBeenLastCalledWith(expect.any(Array), { url, at: 1714557600000 });
    await run([name, `--url=${url}`, 'page.html'], files);
    expect(command).toHaveBeenLastCalledWith(expect.any(Array), { url });
  });

  it('reads a zone-less --at as UTC, so output does not depend on the machine', async () => {
    await run([name, '--url', url, '--at', '2024-05-01T10:00', 'page.html'], files);
    expect(command).toHaveBeenLastCalledWith(expect.any(Array), {
      url,
      at: Date.UTC(2024, 4, 1, 10),
    });
  });

  it('prints the reason on one stderr line and exits 1 when the command cannot answer', async () => {
    const result = await run([name, '--url', url, 'page.html'], files);
    expectOneErrorLine(result, 1, /^scout: sign-in required\n$/);
  });

  it('keeps a reason of several lines on one stderr line', async () => {
    vi.mocked(command).mockResolvedValueOnce({ ok: false, reason: 'login wall\nno profile' });
    const result = await run([name, '--url', url, 'page.html'], files);
    expectOneErrorLine(result, 1, /^scout: login wall no profile\n$/);
  });

  it('exits 1 when a file is missing, without calling the command', async () => {
    const result = await run([name, '--url', url, 'page.html', 'missing.html'], files);
    expectOneErrorLine(result, 1, /cannot read missing\.html: ENOENT/);
    expect(command).not.toHaveBeenCalled();
  });

  it('exits 1 with one line when the command throws', async () => {
    vi.mocked(command).mockRejectedValueOnce(new Error('boom'));
    const result = await run([name, '--url', url, 'page.html'], files);
    expectOneErrorLine(result, 1, /failed unexpectedly: boom/);
  });

  const usageErrors: [string, string[], RegExp][] = [
    ['without --url', ['page.html'], /--url <page-url> is required/],
    ['with a relative --url', ['--url', '/@creator', 'page.html'], /not an absolute URL/],
    ['with a non-http --url', ['--url', 'file:///tmp/x', 'page.html'], /not an http\(s\) URL/],
    ['with a bad --at', ['--url', url, '--at', 'yesterday', 'page.html'], /--at "yesterday"/],
    ['with an impossible date', ['--url', url, '--at', '2024-02-30', 'page.html'], /2024-02-30/],
    ['without files', ['--url', url], /needs at least one file/],
    ['with an unknown option', ['--url', url, '--locale', 'de', 'page.html'], /--locale/],
  ];
  for (const [label, argv, mentions] of usageErrors) {
    it(`exits 2 ${label}`, async () => {
      const result = await run([name, ...argv], files);
      expectOneErrorLine(result, 2, mentions);
      expect(command).not.toHaveBeenCalled();
    });
  }
});

describe('the real scout command', () => {
  it('prints [1200000] for "count 1.2M" through npx tsx', async () => {
    const { stdout, stderr } = await promisify(execFile)(
      'npx',
      ['tsx', 'scripts/scout.ts', 'count', '1.2M'],
      { cwd: PROJECT_ROOT, timeout: 60_000 },
    );
    expect(stdout).toBe('[1200000]\n');
    expect(stderr).toBe('');
  }, 60_000);
});

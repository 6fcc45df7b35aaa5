import type { z } from './zod';

/** A zod issue path as `entries[3].tags[0]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) =>
      typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}

const bound = (origin: string, value: number | bigint) =>
  origin === 'string' ? `${value} characters` : origin === 'array' ? `${value} items` : `${value}`;

/** zod/mini carries no message locale: say what was expected from the issue itself. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}`;
    case 'invalid_value':
      return `expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
    case 'too_small':
      return `too ${issue.origin === 'number' ? 'small' : 'short'} (${issue.inclusive === false ? 'more than' : 'at least'} ${bound(issue.origin, issue.minimum)})`;
    case 'too_big':
      return `too ${issue.origin === 'number' ? 'large' : 'long'} (${issue.inclusive === false ? 'less than' : 'at most'} ${bound(issue.origin, issue.maximum)})`;
    case 'invalid_format':
      return `not a valid ${issue.format}`;
    default:
      return issue.message && issue.message !== 'Invalid input' ? issue.message : 'invalid value';
  }
}

/** The first problem of a failed parse, for a person: its path ('' at the top) and what is wrong. */
export function firstIssue(error: z.core.$ZodError): { path: string; what: string } {
  const issue = error.issues[0];
  return issue
    ? { path: formatPath(issue.path), what: describeIssue(issue) }
    : { path: '', what: 'invalid value' };
}

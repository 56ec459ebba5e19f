/**
 * Turns a zod error into the one issue a user should read: a field path and a message.
 * Unions report every branch's failure; we descend into the branch that got furthest
 * (its discriminator matched), so "msg.acceptedBallot: expected number" beats a list
 * of every message type that did not match.
 */
import type { z } from 'zod';

export interface FieldIssue {
  path: (string | number)[];
  message: string;
}

type Issue = z.core.$ZodIssue;

export function firstIssue(error: z.ZodError): FieldIssue {
  return describe(error.issues[0], []);
}

function describe(issue: Issue, prefix: (string | number)[]): FieldIssue {
  const path = [...prefix, ...(issue.path as (string | number)[])];
  if (issue.code === 'invalid_union') {
    const branches = (issue.errors ?? []).filter((b) => b.length > 0);
    const matched = branches.filter((b) => !b.every(isDiscriminatorMiss));
    if (matched.length > 0) {
      const best = matched.reduce((a, b) => (b.length < a.length ? b : a));
      return describe(best[0], path);
    }
    const options = unionOptions(issue, branches);
    if (options.length > 0) {
      return { path: discriminatorPath(issue, branches, path), message: `must be one of ${options.map((o) => `'${o}'`).join(', ')}` };
    }
  }
  if (issue.code === 'invalid_type' && / received undefined$/.test(issue.message)) {
    return { path, message: `missing (expected ${(issue as { expected?: string }).expected ?? 'a value'})` };
  }
  return { path, message: issue.message };
}

function isDiscriminatorMiss(issue: Issue): boolean {
  return issue.code === 'invalid_union' && (issue as { note?: string }).note === 'No matching discriminator';
}

function unionOptions(issue: Issue, branches: Issue[][]): string[] {
  const own = (issue as { options?: unknown[] }).options;
  if (own) return own.map(String);
  return branches.flatMap((b) => b.flatMap((i) => ((i as { options?: unknown[] }).options ?? []).map(String)));
}

function discriminatorPath(issue: Issue, branches: Issue[][], path: (string | number)[]): (string | number)[] {
  if ((issue as { options?: unknown[] }).options) return path;
  const inner = branches[0]?.[0]?.path as (string | number)[] | undefined;
  return inner ? [...path, ...inner] : path;
}

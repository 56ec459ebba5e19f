/**
 * `coordkit/vitest`: a model check as one test in a user's suite. `checkSystem` runs the
 * check and throws an Error whose message is the summary with every counterexample's
 * step table, so the test report shows what went wrong. Kept out of the main entry so
 * coordkit never needs vitest; it imports nothing from vitest either (any runner that
 * fails a test on a thrown error works).
 */
import { check, type CheckOptions, type CheckResult } from './check.ts';
import type { SystemSpec } from '../explore/spec.ts';

export interface ExpectOptions extends CheckOptions {
  /**
   * What the check must end in; default 'pass'. 'fail' with `violates` asserts that a
   * mutant is caught (the properties named must be the ones violated).
   */
  expect?: 'pass' | 'fail' | 'bounded';
  violates?: readonly string[];
}

/** The error `checkSystem` throws: the result is attached for further assertions. */
export class ModelCheckError extends Error {
  constructor(message: string, readonly result: CheckResult) {
    super(message);
    this.name = 'ModelCheckError';
  }
}

/**
 * Model-checks `system` and throws unless the verdict is as expected (PASS by default).
 *
 * @example
 * ```ts
 * import { it } from 'vitest';
 * import { checkSystem } from 'coordkit/vitest';
 * it('keeps agreement through a coordinator crash', () => checkSystem(twoPhaseCommit), 30_000);
 * ```
 * @returns The result, for assertions on counts and counterexamples.
 * @throws ModelCheckError with the summary and step tables when the verdict differs.
 */
export async function checkSystem(system: SystemSpec, options: ExpectOptions = {}): Promise<CheckResult> {
  const want = options.expect ?? 'pass';
  const result = await check(system, { ...options, continueAfterViolation: options.continueAfterViolation ?? options.violates !== undefined });
  let problem: string | null = null;
  if (result.verdict !== want) problem = `expected ${want.toUpperCase()}, got ${result.verdict.toUpperCase()}`;
  else if (options.violates) {
    const got = result.summary.properties.filter((p) => p.status === 'violated').map((p) => p.name).sort();
    const wanted = [...options.violates].sort();
    if (got.join(',') !== wanted.join(',')) problem = `expected violations of ${wanted.join(', ') || 'nothing'}, got ${got.join(', ') || 'none'}`;
  }
  if (problem) throw new ModelCheckError(`model check of ${system.name}: ${problem}\n${result.text}`, result);
  return result;
}

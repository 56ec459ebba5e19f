import { describe, expect, it } from 'vitest';
import { fc } from '@fast-check/vitest';
import { clusterCheckModel, parseFaults } from './check-cluster.ts';
import { formatSummary, runCheck } from '../check/runner.ts';
import { UserError } from '../errors.ts';

const KEYS = { crash: 'crashes', restart: 'restarts', partition: 'partitions', loss: 'losses', dup: 'duplicates', pause: 'pauses' } as const;

describe('--faults parsing', () => {
  it('reads names and name:count pairs into budgets', () => {
    fc.assert(fc.property(
      fc.uniqueArray(fc.constantFrom(...(Object.keys(KEYS) as (keyof typeof KEYS)[]))),
      fc.array(fc.integer({ min: 0, max: 15 }), { minLength: 6, maxLength: 6 }),
      (names, counts) => {
        const raw = names.map((n, i) => (counts[i] === 1 && i % 2 === 0 ? n : `${n}:${counts[i]}`)).join(',');
        const f = parseFaults(raw);
        names.forEach((n, i) => {
          if (n !== 'crash') expect(f[KEYS[n]]).toBe(counts[i]);
        });
        const restarts = names.includes('restart') ? counts[names.indexOf('restart')] : 0;
        const crashes = names.includes('crash') ? counts[names.indexOf('crash')] : 0;
        expect(f.crashes).toBe(restarts > 0 && crashes === 0 ? restarts : crashes);
      },
    ));
  });

  it('rejects unknown faults and bad counts with a user error naming the option', () => {
    for (const bad of ['crash,meteor', 'loss:x', 'pause:-1', 'dup:99', 'loss:', 'loss:1e1', 'loss: 2']) {
      try {
        parseFaults(bad);
        expect.unreachable(`accepted ${bad}`);
      } catch (e) {
        expect(e).toBeInstanceOf(UserError);
        expect(String((e as Error).message)).toMatch(/fault/);
      }
    }
  });

  it('"none" and the empty list mean no faults', () => {
    expect(Object.values(parseFaults('none')).every((n) => n === 0)).toBe(true);
    expect(Object.values(parseFaults('')).every((n) => n === 0)).toBe(true);
  });
});

describe('--open-clock: the unbounded liveness property, reported with its lasso', () => {
  const build = (opts: Record<string, unknown>) => clusterCheckModel.build({ servers: 3, syncLimit: 2, maxTicks: 7, faults: 'none', sessionTimeout: 3, openClock: true, ...opts });

  it('the keeps-own-vote mutant fails leader-eventually: the summary prints the lasso and its 81-step table', () => {
    const run = runCheck('cluster', build({ mutant: 'keeps-own-vote' }), { strategy: 'bfs', continueAfterViolation: true });
    const p = run.summary.properties.find((x) => x.name === 'leader-eventually')!;
    expect(p).toMatchObject({ status: 'violated', kind: 'leadsTo', loop: { prefixSteps: 67, cycleSteps: 14 } });
    const text = formatSummary(run);
    expect(text).toMatch(/✗ leader-eventually +leads to: after the last fault/);
    expect(text).toMatch(/lasso: 67 steps, then a cycle of 14 steps \(from step 68\) repeats forever/);
    expect(text).toMatch(/\n +81 +env +env takes rebase\(\)/);
  }, 120_000);

  it('the specification passes with one crash; a window shorter than the bound is a user error', () => {
    const run = runCheck('cluster', build({ faults: 'crash' }), { strategy: 'bfs' });
    expect(run.summary.verdict).toBe('pass');
    expect(run.summary.properties.find((x) => x.name === 'leader-eventually')!.status).toBe('holds');
    expect(() => build({ maxTicks: 6 })).toThrow(UserError);
  }, 120_000);

  it('is refused with the session tracker (--sessions 1 or a session mutant), which it would silently leave out', () => {
    expect(() => build({ sessions: 1 })).toThrow(expect.objectContaining({ where: { field: '--open-clock' } }));
    expect(() => build({ mutant: 'session-never-expires' })).toThrow(/has no open clock/);
    expect(() => build({ openClock: undefined, sessions: 1, livenessBound: 5 })).toThrow(expect.objectContaining({ where: { field: '--liveness-bound' } }));
    expect(clusterCheckModel.build({ servers: 3, syncLimit: 2, maxTicks: 7, faults: 'none', sessionTimeout: 3, sessions: 1 }).name).toMatch(/^sessions\(/);
  });
  it('refuses a session timeout of 1 tick, under which no heartbeat can keep a session open (every run would be vacuous)', () => {
    const sessions = (opts: Record<string, unknown>) => clusterCheckModel.build({ servers: 3, syncLimit: 2, maxTicks: 5, faults: 'none', sessionTimeout: 2, sessions: 1, ...opts });
    expect(() => sessions({ sessionTimeout: 1 })).toThrow(expect.objectContaining({ where: { field: '--session-timeout' } }));
    expect(() => sessions({ sessionTimeout: 1, sessions: undefined, mutant: 'session-expires-early' })).toThrow(/least session timeout is 2 ticks/);
    // 2 ticks is enough: the reachability check is reached.
    expect(runCheck('cluster', sessions({}), { strategy: 'bfs' }).summary.verdict).toBe('pass');
  });
});

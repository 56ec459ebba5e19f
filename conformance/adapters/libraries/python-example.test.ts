/** The Python example library (clients/python/coordkit_balancer/) judged through the balancer protocol: a correct one passes, a broken one is caught. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PYTHON_EXAMPLE, stdioTarget } from './index.ts';
import { searchLibrary } from '../harness/search.ts';

const python = spawnSync('python3', ['--version'], { stdio: 'ignore' }).status === 0;
if (!python) console.warn('python3 is absent: the Python example library test is skipped');

describe.skipIf(!python)('the Python example library over the balancer protocol', () => {
  it('describes itself in hello and passes 40 generated scenarios, every least-connections property judged', async () => {
    const target = await stdioTarget('python-example', ['python3', PYTHON_EXAMPLE], { timeoutMs: 5000 });
    expect(target.info.capabilities.policy).toBe('least-connections');
    const run = await searchLibrary(target, { budget: { scenarios: 40, shrinkSeconds: 2 }, seed: 11 });
    expect(run.scenarios).toBe(40);
    const status = Object.fromEntries(run.properties.map((p) => [p.property, p.status]));
    expect(status).toMatchObject({ 'pick-validity': 'pass', 'least-connections': 'pass', 'zero-weight-never-picked': 'pass', 'call-returns': 'pass', 'no-crash': 'pass' });
  }, 60_000);

  it('a Python library that breaks least connections is caught the same way (the example changed to pick the most loaded backend)', async () => {
    const target = await stdioTarget('python-broken', ['python3', '-c', [
      'import runpy, sys',
      `sys.argv = [${JSON.stringify(PYTHON_EXAMPLE)}]`,
      `m = runpy.run_path(${JSON.stringify(PYTHON_EXAMPLE)})`,
      "LC = m['LeastConnections']",
      "def pick(self, request):",
      "    live = [b for b in self.order if self.weights.get(b, 0) > 0]",
      "    if not live: raise LookupError('no backend to pick')",
      "    chosen = max(live, key=lambda b: self.inflight.get(b, 0))",
      "    self.inflight[chosen] = self.inflight.get(chosen, 0) + 1",
      "    self.where[request] = chosen",
      "    return chosen",
      "LC.pick = pick",
      "m['main']()",
    ].join('\n')], { timeoutMs: 5000 });
    const run = await searchLibrary(target, { budget: { scenarios: 40, shrinkSeconds: 2 }, seed: 11 });
    const lc = run.properties.find((p) => p.property === 'least-connections')!;
    expect(lc.status).toBe('fail');
    expect(lc.found?.message).toMatch(/had \d+ in flight, but b\d+ had only/);
  }, 60_000);
});

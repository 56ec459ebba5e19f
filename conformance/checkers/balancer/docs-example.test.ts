/** The minimal balancer trace in docs/trace-format.md is accepted by verify, as the doc says. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readTraceTextSync } from '../../schema/reader.ts';
import { verifyTrace } from '../run.ts';

const doc = readFileSync(fileURLToPath(new URL('../../../docs/trace-format.md', import.meta.url)), 'utf8');

/** The fenced block right after `<!-- example: NAME ... -->`. */
function example(name: string): string {
  const at = doc.indexOf(`<!-- example: ${name}`);
  if (at < 0) throw new Error(`no example ${name} in docs/trace-format.md`);
  const m = /```jsonl\n([\s\S]*?)```/.exec(doc.slice(at));
  if (!m) throw new Error(`example ${name} has no jsonl block`);
  return m[1];
}

describe('docs/trace-format.md balancer example', () => {
  it('verify passes its 4 judged properties and skips aggregate for the minimum sample', () => {
    const text = example('balancer-minimal');
    const items = [...readTraceTextSync(text, 'trace-format.md')];
    const r = verifyTrace(items.map((i) => (i.kind === 'header' ? i.header : i.event)));
    const by = Object.fromEntries(r.verdicts.map((v) => [v.property, v.status]));
    expect(by).toEqual({
      'pick-validity': 'pass', 'zero-weight-never-picked': 'pass', 'round-robin-order': 'pass',
      'round-robin-membership': 'pass', aggregate: 'skip',
    });
    expect(r.events).toBe(8);
  });
});

/** Tests of the Paxos.tla view of a coordkit trace: the state export and the Quint replay run. */
import { describe, expect, it } from 'vitest';
import { failing, verifyRun } from '../checkers/test-support.ts';
import { readTraceFile } from '../schema/reader.ts';
import type { TraceEvent, TraceHeader } from '../schema/trace.ts';
import { expectNoLearnerVerdicts } from './testing/expect-no-learner-verdicts.ts';
import { builtinMappings } from './itf-mapping.ts';
import { importStates } from './itf-states.ts';
import { majorities, paxosStateItf, paxosStates, quintReplay } from './paxos-state.ts';

const MUTANT = 'traces/paxos/mutant-ignore-promised-values-seed3.fail.agreement+accept-value+refinement.jsonl';
const CORRECT = 'traces/paxos/correct-seed1.pass.jsonl';

async function read(file: string): Promise<{ header: TraceHeader; events: TraceEvent[] }> {
  let header: TraceHeader | undefined;
  const events: TraceEvent[] = [];
  for await (const item of readTraceFile(file)) {
    if (item.kind === 'header') header = item.header;
    else events.push(item.event);
  }
  return { header: header as TraceHeader, events };
}

describe('Paxos.tla state of a coordkit trace', () => {
  it('rebuilds the counterexample of the ignore-promised-values mutant as 40 Paxos.tla steps', async () => {
    const t = await read(MUTANT);
    const s = paxosStates(t.header, t.events);
    expect(s.steps).toHaveLength(40);
    expect(s.steps[0].action).toBe('Phase1a(0)');
    expect([...s.values]).toEqual([[1, 'v1'], [2, 'v2'], [3, 'v3']]);
    expect(s.quorums).toEqual(majorities(['a1', 'a2', 'a3']));
  });

  it('exports it as typed ITF that the quint-paxos mapping reads back: agreement still fails', async () => {
    const t = await read(MUTANT);
    const text = paxosStateItf(paxosStates(t.header, t.events), MUTANT);
    const doc = JSON.parse(text);
    expect(doc.vars).toEqual(['msgs', 'maxBal', 'maxVBal', 'maxVal']);
    expect(doc['#meta'].varTypes.maxBal).toBe('Str -> Int');
    expect(doc.states).toHaveLength(41);
    // every number in the variables is a #bigint (#meta is free-form)
    expect(JSON.stringify(doc.states.map(({ '#meta': _m, ...vars }: Record<string, unknown>) => vars))).not.toMatch(/[:,[]-?\d/);
    const back = importStates(doc, text, 'state.itf.json', builtinMappings['quint-paxos'], { constants: { values: [1, 2, 3] } });
    expect(failing(await verifyRun(back))).toEqual(expect.arrayContaining(['paxos.agreement', 'paxos.accept-value']));
  });

  it('round-trips a correct trace through the Paxos.tla state with every property it exercises passing (9; no learners: decide-chosen and learner-liveness skip)', async () => {
    const t = await read(CORRECT);
    const text = paxosStateItf(paxosStates(t.header, t.events), CORRECT);
    const back = importStates(JSON.parse(text), text, 'state.itf.json', builtinMappings['quint-paxos'], { constants: { values: [1, 2, 3] } });
    expectNoLearnerVerdicts(await verifyRun(back));
  });

  it('writes a Quint run with one step per message that expects the agreement violation', async () => {
    const t = await read(MUTANT);
    const run = quintReplay(paxosStates(t.header, t.events), MUTANT, { valueRule: false });
    expect(run.match(/^ {6}\.then\(/gm)).toHaveLength(40);
    expect(run).toContain('ValueRule = false');
    expect(run).toContain('run replayTest =');
    expect(run).toMatch(/\.expect\(not\(agreement\)\)\n\}\n$/);
    expect(quintReplay(paxosStates(t.header, t.events), MUTANT)).toContain('ValueRule = true');
  });

  it('refuses a trace that sends no Paxos message', async () => {
    const t = await read(CORRECT);
    expect(() => paxosStates(t.header, [])).toThrow(/sends no Paxos message/);
  });
});

/**
 * The compact per-ballot records (./columns.ts, ./ballot-index.ts) keep verdicts exact on
 * long traces: a fact recorded thousands of ballots earlier is still there when an event
 * at the end needs it, and sets of more than 32 acceptors span several bit words.
 */
import { describe, expect, it } from 'vitest';
import { readTraceText } from '../../schema/reader.ts';
import type { TraceEvent, TraceHeader } from '../../schema/trace.ts';
import { verifyItems } from '../run.ts';
import type { PaxosEvent } from './ballot-order.ts';
import { DecideChosenChecker } from './learners.ts';
import type { PaxosHeader } from './setup.ts';

const ROUNDS = 10_000;

const header = (acceptors = ['a1', 'a2', 'a3']): TraceHeader => ({
  type: 'header', format: 'coordkit-trace', version: 1, protocol: 'paxos', producer: { name: 'test' },
  config: { acceptors, proposers: ['p1', 'p2'], learners: [], values: ['x', 'y'] },
});

/** The streaming checkers' verdicts (refinement left out: it is not what these records serve). */
async function verdicts(events: Record<string, unknown>[], acceptors?: string[]) {
  const lines = [header(acceptors), ...events.map((e, i) => ({ seq: i + 1, ...e }) as TraceEvent)];
  const text = lines.map((x) => JSON.stringify(x)).join('\n') + '\n';
  const report = await verifyItems(readTraceText(text, 'long.jsonl'), 'long.jsonl', new Set(['paxos.refinement']));
  return (property: string) => report.verdicts.find((v) => v.property === `paxos.${property}`)!;
}

/** Prepares of ballots from..from+ROUNDS-1, p1 and p2 taking turns. */
const rounds = (from: number) => Array.from({ length: ROUNDS }, (_, i) => ({ node: i % 2 ? 'p2' : 'p1', kind: 'send', to: ['a1'], msg: { type: 'prepare', ballot: from + i } }));
const promise = (a: string, ballot: number, ab: number | null, av: string | null) => ({ node: a, kind: 'send', to: ['p1'], msg: { type: 'promise', ballot, acceptedBallot: ab, acceptedValue: av } });
const accept = (p: string, ballot: number, value: string) => ({ node: p, kind: 'send', to: ['a1'], msg: { type: 'accept', ballot, value } });
const accepted = (a: string, ballot: number, value: string) => ({ node: a, kind: 'send', to: ['p1'], msg: { type: 'accepted', ballot, value } });

describe('per-ballot records on long traces', () => {
  it(`unique-ballots: p2 reusing p1's ballot 0 after ${ROUNDS.toLocaleString('en')} ballots fails, naming line 2; p1 reusing it passes`, async () => {
    const reused = await verdicts([...rounds(0), { node: 'p2', kind: 'send', to: ['a1'], msg: { type: 'prepare', ballot: 0 } }]);
    expect(reused('unique-ballots').status).toBe('fail');
    expect(reused('unique-ballots').violations[0].message).toBe('p2 used ballot 0, already used by p1 (line 2)');
    expect(reused('unique-ballots').figures.ballots).toBe(ROUNDS);
    const own = await verdicts([...rounds(0), { node: 'p1', kind: 'send', to: ['a1'], msg: { type: 'prepare', ballot: 0 } }]);
    expect(own('unique-ballots').status).toBe('pass');
  });

  it(`accept-value: an accept in ballot 5 sent ${ROUNDS.toLocaleString('en')} ballots later is judged on the promises sent for 5`, async () => {
    const before = [promise('a1', 5, 3, 'y'), promise('a2', 5, null, null), ...rounds(6)];
    const wrong = await verdicts([...before, accept('p1', 5, 'x')]);
    expect(wrong('accept-value').status).toBe('fail');
    expect(wrong('accept-value').violations[0].message).toBe('p1 sent accept(5, "x") but its promises require "y" (accepted at ballot 3)');
    const right = await verdicts([...before, accept('p1', 5, 'y')]);
    expect(right('accept-value').status).toBe('pass');
    expect(right('accept-after-quorum').status).toBe('pass');
  });

  it(`chosen: an acceptance arriving ${ROUNDS.toLocaleString('en')} ballots after its proposal was chosen is not counted again (agreement judged 1)`, async () => {
    const late = await verdicts([accepted('a1', 1, 'x'), accepted('a2', 1, 'x'), ...rounds(2), accepted('a3', 1, 'x')]);
    expect(late('agreement').figures.judged).toBe(1);
    const other = await verdicts([accepted('a1', 1, 'x'), accepted('a2', 1, 'x'), ...rounds(2), accepted('a2', 7, 'y'), accepted('a3', 7, 'y')]);
    expect(other('agreement').status).toBe('fail');
  });

  // Judged by the checker alone: the trace pipeline also builds refinement, which lists every majority of 40.
  it('with 40 acceptors, votes of a20..a39 (20, across two bit words) choose nothing and a40\'s makes a majority of 21', () => {
    const acceptors = Array.from({ length: 40 }, (_, i) => `a${i + 1}`);
    const decides = (events: Record<string, unknown>[]) => {
      const checker = new DecideChosenChecker(header(acceptors) as PaxosHeader);
      [...events, { node: 'p1', kind: 'decide', value: 'x' }].forEach((e, i) => checker.event({ seq: i + 1, ...e } as PaxosEvent, i + 2));
      return checker.end()[0].status;
    };
    const votes = acceptors.slice(19, 39).map((a) => accepted(a, 1, 'x'));
    expect(decides(votes)).toBe('fail');
    expect(decides([...votes, accepted('a40', 1, 'x')])).toBe('pass');
  });
});

/** Paxos acceptor: promise above the highest ballot seen, accept at or above it. */
import { send, type AcceptorConfig, type AcceptorView, type Input, type Output, type PaxosNode } from './types.ts';

/** Points where a mutant may bend the acceptor's rules (see ./mutants.ts). */
export interface AcceptorRules {
  /** May it promise `ballot` given its highest promise? Correct: strictly above. */
  mayPromise(ballot: number, maxBal: number): boolean;
  /** May it accept `ballot`? Correct: at or above its promise. */
  mayAccept(ballot: number, maxBal: number): boolean;
  /** What a promise reports as previously accepted. Correct: the last accepted proposal. */
  report(state: AcceptorView): { acceptedBallot: number | null; acceptedValue: string | null };
}

export const correctAcceptorRules: AcceptorRules = {
  mayPromise: (ballot, maxBal) => ballot > maxBal,
  mayAccept: (ballot, maxBal) => ballot >= maxBal,
  report: (s) => ({ acceptedBallot: s.maxVBal < 0 ? null : s.maxVBal, acceptedValue: s.maxVal }),
};

export class Acceptor implements PaxosNode {
  readonly role = 'acceptor';
  readonly id: string;
  private state: AcceptorView = { maxBal: -1, maxVBal: -1, maxVal: null };

  constructor(private readonly config: AcceptorConfig, private readonly rules: AcceptorRules = correctAcceptorRules) {
    this.id = config.self;
  }

  handle(input: Input): Output[] {
    if (input.kind !== 'receive') return [];
    const { from, msg } = input;
    if (msg.type === 'prepare' && this.rules.mayPromise(msg.ballot, this.state.maxBal)) {
      const out = send([from], { type: 'promise', ballot: msg.ballot, ...this.rules.report(this.state) });
      this.state = { ...this.state, maxBal: msg.ballot };
      return [out];
    }
    if (msg.type === 'accept' && this.rules.mayAccept(msg.ballot, this.state.maxBal)) {
      const value = String(msg.value);
      this.state = { maxBal: msg.ballot, maxVBal: msg.ballot, maxVal: value };
      return [send([from, ...this.config.learners], { type: 'accepted', ballot: msg.ballot, value })];
    }
    return [];
  }

  observe(): AcceptorView { return { ...this.state }; }
  save(): unknown { return this.state; }
  load(saved: unknown): void { this.state = { ...(saved as AcceptorView) }; }
}

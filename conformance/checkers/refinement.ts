/**
 * Refinement against XState models: each role a node plays is replayed against its
 * machine, tracking every model state consistent with what the trace showed so far (a set
 * of candidates, since the trace does not reveal internal choices). Received messages are
 * fed as events and what the machine emits becomes "owed output"; a send or decide in the
 * trace must be owed by some candidate, possibly after a spontaneous step the role allows
 * (e.g. a proposer starting a round, or choosing its Phase2a value among the allowed ones).
 *
 * The specification's nondeterminism is kept, never resolved early: every allowed choice
 * stays a candidate until the trace rules it out. A message sent again that the node had
 * already sent (to the same recipients, when recipients are judged) is a stutter step
 * (in Paxos.tla's message set a resend changes nothing): it is allowed, and reported as
 * such, when no candidate owes it. Owed output that never appears is allowed too (the
 * message may be lost).
 *
 * A state event narrows the candidates to those whose context agrees on the fields the
 * event shows (partial observability: fields it leaves out are not compared).
 *
 * Uses the pure API only (initialTransition / transition). Transitions are memoized per
 * (state, event) in a bounded cache: XState builds an actor scope per call, so a repeated
 * step is much cheaper from the cache. Candidates are capped at CANDIDATE_LIMIT.
 */
import { transition, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';
import type { TraceEvent } from '../schema/trace.ts';

/** Something a model owes the trace: a message to some recipients, or a decision. */
export interface Owed {
  key: string;
  to: string[];
}

export interface Candidate {
  snap: AnyMachineSnapshot;
  stateKey: string;
  owed: Owed[];
}

export type ModelEvent = { type: string } & Record<string, unknown>;

/** How one role's machine reads the trace. */
export interface RoleBinding {
  machine: AnyStateMachine;
  /** A received message as a machine event, or null if the role ignores it. */
  received(e: Extract<TraceEvent, { kind: 'receive' }>): ModelEvent | null;
  /** What an emitted event owes: its key and recipients (decisions have none), or null. */
  owes(emitted: { type: string } & Record<string, unknown>): Owed | null;
  /** What a trace event (send or decide) claims, in the same terms as `owes`. */
  claims(e: TraceEvent): Owed | null;
  /** Spontaneous steps that could explain an unowed claim: (prepared snapshot, event) pairs. */
  spontaneous?(c: Candidate, claim: Owed, e: TraceEvent): { snap: AnyMachineSnapshot; event: ModelEvent }[];
  /**
   * Does the candidate agree with what a local event (e.g. a state snapshot) shows?
   * undefined: the event says nothing this role can compare.
   */
  narrow?(c: Candidate, e: TraceEvent): boolean | undefined;
}

/** What one trace event did to a node's replay. */
export type Outcome =
  | { kind: 'step' }
  /** A resend of a message already sent: allowed, changes nothing. */
  | { kind: 'stutter' }
  | { kind: 'diverged'; reason: string };

const stateKeyOf = (s: AnyMachineSnapshot) => JSON.stringify([s.value, s.context, s.status]);
const MEMO_LIMIT = 50_000;
const CANDIDATE_LIMIT = 64;
const STEP: Outcome = { kind: 'step' };

export class NodeReplay {
  private candidates: Candidate[];
  private readonly memo = new Map<string, { snap: AnyMachineSnapshot; stateKey: string; owed: Owed[] }>();
  /** key -> recipients this role has sent it to (claims the trace accepted). */
  private readonly sent = new Map<string, Set<string>>();

  constructor(
    private readonly role: RoleBinding,
    initial: AnyMachineSnapshot[],
    /** Judge recipients too (false: a message is the same message whoever it goes to). */
    private readonly exact = true,
  ) {
    this.candidates = initial.map((snap) => ({ snap, stateKey: stateKeyOf(snap), owed: [] }));
  }

  get size(): number { return this.candidates.length; }

  /** Contexts of the current candidates (tests and messages). */
  contexts(): unknown[] { return this.candidates.map((c) => c.snap.context); }

  private step(snap: AnyMachineSnapshot, stateKey: string, event: ModelEvent) {
    const memoKey = `${stateKey}\u0000${JSON.stringify(event)}`;
    const hit = this.memo.get(memoKey);
    if (hit) return hit;
    const [next, actions] = transition(this.role.machine, snap, event as never);
    const owed: Owed[] = [];
    for (const a of actions) {
      if ((a as { type: string }).type !== 'xstate.emit') continue;
      const o = this.role.owes((a as unknown as { params: { event: ModelEvent } }).params.event);
      if (o) owed.push(o);
    }
    const result = { snap: next, stateKey: next === snap ? stateKey : stateKeyOf(next), owed };
    if (this.memo.size >= MEMO_LIMIT) this.memo.clear();
    this.memo.set(memoKey, result);
    return result;
  }

  /** Feeds one trace event at this node. */
  apply(e: TraceEvent): Outcome {
    if (e.kind === 'receive') {
      const ev = this.role.received(e);
      if (!ev) return STEP;
      this.candidates = this.candidates.map((c) => {
        const r = this.step(c.snap, c.stateKey, ev);
        return { snap: r.snap, stateKey: r.stateKey, owed: r.owed.length ? [...c.owed, ...r.owed] : c.owed };
      });
      this.dedupe();
      return STEP;
    }
    if (this.role.narrow) {
      const verdicts = this.candidates.map((c) => this.role.narrow!(c, e));
      if (verdicts.some((v) => v !== undefined)) {
        const kept = this.candidates.filter((_, i) => verdicts[i] === true);
        if (kept.length === 0) return { kind: 'diverged', reason: `the model allows no state in which ${describe(e)}` };
        this.candidates = kept;
        return STEP;
      }
    }
    const claim = this.role.claims(e);
    if (!claim) return STEP;
    const next: Candidate[] = [];
    const unpaid: Candidate[] = [];
    for (const c of this.candidates) {
      const paid = pay(c, claim, this.exact);
      if (paid) { next.push(paid); continue; }
      unpaid.push(c);
      for (const s of this.role.spontaneous?.(c, claim, e) ?? []) {
        const r = this.step(s.snap, stateKeyOf(s.snap), s.event);
        const after = pay({ snap: r.snap, stateKey: r.stateKey, owed: [...c.owed, ...r.owed] }, claim, this.exact);
        if (after) next.push(after);
      }
    }
    const before = this.sent.get(claim.key);
    const resend = before !== undefined && (!this.exact || claim.to.every((t) => before.has(t)));
    // A resend leaves every candidate that did not pay as it was (a stutter step).
    if (resend) next.push(...unpaid);
    if (next.length === 0) return { kind: 'diverged', reason: `the model does not allow ${describe(e)} here` };
    const explained = next.length > (resend ? unpaid.length : 0);
    this.candidates = next;
    this.dedupe();
    if (before) for (const t of claim.to) before.add(t);
    else this.sent.set(claim.key, new Set(claim.to));
    return explained ? STEP : { kind: 'stutter' };
  }

  private dedupe(): void {
    if (this.candidates.length < 2) return;
    const seen = new Map<string, Candidate>();
    for (const c of this.candidates) {
      const k = `${c.stateKey}\u0000${JSON.stringify(c.owed)}`;
      if (!seen.has(k)) seen.set(k, c);
    }
    this.candidates = [...seen.values()].slice(0, CANDIDATE_LIMIT);
  }
}

/**
 * The candidate after the claim is taken out of what it owes, or null if it does not owe
 * it. With `exact` recipients, the claim must go to recipients the model sends it to, and
 * pays for those only (a broadcast logged per recipient pays in parts); otherwise the
 * message is what counts, as in Paxos.tla, whose messages have no addressee.
 */
function pay(c: Candidate, claim: Owed, exact: boolean): Candidate | null {
  for (let i = 0; i < c.owed.length; i++) {
    const o = c.owed[i];
    if (o.key !== claim.key || (exact && !claim.to.every((t) => o.to.includes(t)))) continue;
    const left = exact ? o.to.filter((t) => !claim.to.includes(t)) : [];
    const owed = [...c.owed.slice(0, i), ...(left.length > 0 ? [{ key: o.key, to: left }] : []), ...c.owed.slice(i + 1)];
    return { ...c, owed };
  }
  return null;
}

export function describe(e: TraceEvent): string {
  switch (e.kind) {
    case 'send': return `${e.node} sending ${JSON.stringify(e.msg)} to ${[e.to].flat().join(', ')}`;
    case 'decide': return `${e.node} deciding ${JSON.stringify(e.value)}`;
    case 'propose': return `${e.node} proposing ${JSON.stringify(e.value)}`;
    case 'state': return `${e.node} has state ${JSON.stringify(e.state)}`;
    default: return `${e.node}: ${e.kind}`;
  }
}

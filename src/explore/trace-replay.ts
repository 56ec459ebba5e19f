/**
 * Replays a trace on a system: is every recorded step a step the model can take from
 * where the trace has brought it? (A refinement check, as conformance/checkers/refinement.ts
 * does for Paxos, here over the whole composed system, network and faults included.)
 *
 * A step records the events `stepRecord` (counterexample.ts) gives it: a receive, what
 * the node emitted (sends, decisions), and the node's state; a crash, a partition, a lost
 * message. The trace does not say which step was taken (an offered event such as a
 * timeout leaves only its effects), so the replay keeps every model state consistent
 * with the events so far: a candidate is a global state plus the events its step in
 * progress still has to record. Recorded events are matched field by field, except that
 * a `state` event may leave fields out, and may be left out itself (partial
 * observability); `seq`, `ts` and message `id`s are not compared. Steps of environment
 * actors record nothing and are taken silently. The candidate set is capped (CANDIDATE_LIMIT);
 * a replay that hit the cap says so, and its divergence is then not a proof.
 *
 * For lassos (liveness counterexamples) the replay can mark where the cycle starts: from
 * there on each candidate keeps the steps and states it went through, so that the caller
 * can ask which candidates return to where they started and whether their cycle is fair.
 */
import type { TraceEvent } from '../../conformance/schema/trace.ts';
import { canonicalJson } from './canonical.ts';
import type { ComposedSystem } from './compose.ts';
import { stepRecord, type StepEvent } from './counterexample.ts';
import { stateKey } from './state-layout.ts';

const CANDIDATE_LIMIT = 10_000;
/** States reached by silent (environment) steps before one recorded event. */
const SILENT_LIMIT = 1_000;

export interface Candidate {
  state: Uint32Array;
  key: string;
  /** Events the step in progress has still to record (empty: between steps). */
  rest: StepEvent[];
  /** Once a cycle is tracked: the key of the state it started from, the steps taken and the states passed. */
  cycle?: { origin: string; actions: number[]; states: Uint32Array[] };
}

export type ReplayOutcome = { ok: true } | { ok: false; reason: string };

const IGNORED = new Set(['seq', 'ts', 'id', 'kind', 'node']);
const recipients = (to: unknown) => canonicalJson([to].flat());

/** Every field `shown` has is in `full` with the same value. */
function shows(shown: unknown, full: unknown): boolean {
  if (typeof shown !== 'object' || shown === null || typeof full !== 'object' || full === null) return false;
  const f = full as Record<string, unknown>;
  return Object.entries(shown).every(([k, v]) => k in f && canonicalJson(v) === canonicalJson(f[k]));
}

/** Does the recorded event `e` record the model's event `x`? */
export function records(e: TraceEvent, x: StepEvent): boolean {
  if (e.kind !== x.kind || e.node !== x.node) return false;
  const rec = e as unknown as Record<string, unknown>;
  for (const k of Object.keys(rec)) {
    if (IGNORED.has(k)) continue;
    if (x[k] === undefined) return false;
    if (k === 'state') { if (!shows(rec.state, x.state)) return false; continue; }
    if (k === 'to' ? recipients(rec.to) !== recipients(x.to) : canonicalJson(rec[k]) !== canonicalJson(x[k])) return false;
  }
  for (const k of Object.keys(x)) if (!IGNORED.has(k) && x[k] !== undefined && !(k in rec)) return false;
  return true;
}

/** What is left of `expected` after it records `e` (state events may be skipped), or null. */
function consume(expected: readonly StepEvent[], e: TraceEvent): StepEvent[] | null {
  for (let i = 0; i < expected.length; i++) {
    if (records(e, expected[i])) return expected.slice(i + 1);
    if (expected[i].kind !== 'state') return null;
  }
  return null;
}

const onlyStates = (rest: readonly StepEvent[]) => rest.every((x) => x.kind === 'state');

/** A recorded event in words, for divergence messages. */
export function describeRecorded(e: { node: string; kind: string } & Record<string, unknown>): string {
  const payload = Object.fromEntries(Object.entries(e).filter(([k]) => !IGNORED.has(k)));
  return `${e.node} ${e.kind}${Object.keys(payload).length > 0 ? ` ${JSON.stringify(payload)}` : ''}`;
}

export class TraceReplay {
  private candidates: Candidate[];
  private readonly successorCache = new Map<string, { code: number; next: Uint32Array; events: StepEvent[] }[]>();
  /** Whether the candidate set was ever cut at the cap (a divergence is then not certain). */
  capped = false;
  /** The most candidates held at once. */
  maxCandidates = 1;

  constructor(private readonly system: ComposedSystem) {
    const state = system.initial();
    this.candidates = [{ state, key: stateKey(state), rest: [] }];
  }

  /** True when every candidate is between two steps. */
  get between(): boolean {
    return this.candidates.every((c) => c.rest.length === 0);
  }

  /** The candidates' global states. */
  states(): Uint32Array[] {
    return this.candidates.map((c) => c.state);
  }

  /** Feeds one recorded event; on a divergence the candidates stay as they were. */
  apply(e: TraceEvent): ReplayOutcome {
    const next: Candidate[] = [];
    const seen = new Set<string>();
    const add = (c: Candidate) => {
      const k = `${c.key}|${canonicalJson(c.rest)}|${c.cycle?.origin ?? ''}`;
      if (seen.has(k)) return;
      seen.add(k);
      if (next.length >= CANDIDATE_LIMIT) { this.capped = true; return; }
      next.push(c);
    };
    for (const c of this.candidates) {
      if (c.rest.length > 0) {
        const rest = consume(c.rest, e);
        if (rest) add({ ...c, rest });
      }
      if (!onlyStates(c.rest)) continue;
      for (const s of this.silentClosure(c)) {
        for (const step of this.successorsOf(s.state)) {
          if (step.events.length === 0) continue;
          const rest = consume(step.events, e);
          if (rest) add(this.advance(s, step.code, step.next, rest));
        }
      }
    }
    if (next.length === 0) return { ok: false, reason: this.divergence(e) };
    this.candidates = next;
    this.maxCandidates = Math.max(this.maxCandidates, next.length);
    return { ok: true };
  }

  /**
   * Takes every step in progress as finished if all it has left to record are state
   * events (which a trace may leave out); candidates in the middle of anything else are
   * dropped. False when none is left.
   */
  settle(): boolean {
    const kept = this.candidates.filter((c) => onlyStates(c.rest)).map((c) => ({ ...c, rest: [] }));
    if (kept.length === 0) return false;
    this.candidates = kept;
    return true;
  }

  /** From here on, every candidate tracks the cycle it goes through. */
  startCycle(): void {
    this.candidates = this.candidates.map((c) => ({ ...c, cycle: { origin: c.key, actions: [], states: [c.state] } }));
  }

  /** The cycles of candidates back in the state they started from (each state of the cycle once). */
  closedCycles(): { actions: number[]; states: Uint32Array[] }[] {
    return this.candidates
      .filter((c) => c.cycle !== undefined && c.key === c.cycle.origin)
      .map((c) => ({ actions: c.cycle!.actions, states: c.cycle!.actions.length === 0 ? c.cycle!.states : c.cycle!.states.slice(0, -1) }));
  }

  /** The steps enabled in `state`: their action codes, who acts and what they do (as the step table says). */
  enabled(state: Uint32Array): { code: number; actor: string; action: string }[] {
    return this.successorsOf(state).map((s) => {
      const r = stepRecord(this.system, state, s.code, s.next);
      return { code: s.code, actor: r.actor, action: r.action };
    });
  }

  private advance(from: Candidate, code: number, next: Uint32Array, rest: StepEvent[]): Candidate {
    const c: Candidate = { state: next, key: stateKey(next), rest };
    if (from.cycle) c.cycle = { origin: from.cycle.origin, actions: [...from.cycle.actions, code], states: [...from.cycle.states, next] };
    return c;
  }

  /** `c` and the states its silent steps (environment actors) reach. */
  private silentClosure(c: Candidate): Candidate[] {
    const out = [c];
    const seen = new Set([c.key]);
    for (let h = 0; h < out.length && out.length < SILENT_LIMIT; h++) {
      for (const step of this.successorsOf(out[h].state)) {
        if (step.events.length > 0) continue;
        const s = this.advance(out[h], step.code, step.next, []);
        if (seen.has(s.key)) continue;
        seen.add(s.key);
        out.push(s);
      }
    }
    return out;
  }

  private successorsOf(state: Uint32Array): { code: number; next: Uint32Array; events: StepEvent[] }[] {
    const key = stateKey(state);
    const hit = this.successorCache.get(key);
    if (hit) return hit;
    const raw: { code: number; next: Uint32Array }[] = [];
    // `next` is a scratch buffer: copy it before anything else runs.
    this.system.successors(state, (code, next) => raw.push({ code, next: next.slice() }));
    const steps = raw.map((r) => ({ ...r, events: stepRecord(this.system, state, r.code, r.next).events }));
    if (this.successorCache.size >= CANDIDATE_LIMIT) this.successorCache.clear();
    this.successorCache.set(key, steps);
    return steps;
  }

  private divergence(e: TraceEvent): string {
    const could = new Set<string>();
    for (const c of this.candidates) {
      if (c.rest.length > 0) could.add(describeRecorded(c.rest[0]));
      if (!onlyStates(c.rest)) continue;
      for (const step of this.successorsOf(c.state)) if (step.events.length > 0) could.add(describeRecorded(step.events[0]));
    }
    const options = [...could];
    const shown = options.slice(0, 6).join('; ');
    return `the model cannot take a step that records ${describeRecorded(e as unknown as StepEvent)} here; `
      + (options.length === 0 ? 'no step is enabled' : `it could record: ${shown}${options.length > 6 ? `; ... (${options.length - 6} more)` : ''}`);
  }
}

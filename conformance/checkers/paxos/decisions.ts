/**
 * Agreement (no two nodes decide different values) and validity (only a proposed value
 * is decided). Validity uses the trace's propose events when it has any, otherwise the
 * header's list of values.
 */
import type { TraceEvent, TraceHeader } from '../../schema/trace.ts';
import type { Checker, Verdict } from '../types.ts';
import { EventWindow, ViolationLog, verdictOf } from '../window.ts';
import { paxosSetup, requirePaxos, type Value } from './setup.ts';

export class AgreementChecker implements Checker {
  readonly name = 'paxos.agreement';
  private readonly window = new EventWindow();
  private readonly log = new ViolationLog(this.window);
  private first: { value: Value; node: string; line: number } | undefined;
  private decisions = 0;

  begin(h: TraceHeader): void { requirePaxos(h); }

  event(e: TraceEvent, line: number): void {
    this.window.push(e, line);
    if (e.kind !== 'decide') return;
    this.decisions++;
    if (this.first === undefined) this.first = { value: e.value, node: e.node, line };
    else if (e.value !== this.first.value) {
      this.log.report(line, `${e.node} decided ${JSON.stringify(e.value)} but ${this.first.node} decided ${JSON.stringify(this.first.value)} (line ${this.first.line})`);
    }
  }

  end(): Verdict[] {
    return [verdictOf(this.name, this.log, { decisions: this.decisions, decided: this.first?.value ?? null })];
  }
}

export class ValidityChecker implements Checker {
  readonly name = 'paxos.validity';
  private readonly window = new EventWindow();
  private readonly log = new ViolationLog(this.window);
  private headerValues: ReadonlySet<Value> = new Set();
  private readonly proposed = new Set<Value>();

  begin(h: TraceHeader): void { this.headerValues = paxosSetup(requirePaxos(h)).values; }

  event(e: TraceEvent, line: number): void {
    this.window.push(e, line);
    if (e.kind === 'propose') this.proposed.add(e.value);
    else if (e.kind === 'decide') {
      const allowed = this.proposed.size > 0 ? this.proposed : this.headerValues;
      if (!allowed.has(e.value)) {
        const from = this.proposed.size > 0 ? 'proposed so far' : 'in the header';
        this.log.report(line, `${e.node} decided ${JSON.stringify(e.value)}, which is not among the values ${from}: ${[...allowed].map((v) => JSON.stringify(v)).join(', ')}`);
      }
    }
  }

  end(): Verdict[] { return [verdictOf(this.name, this.log)]; }
}

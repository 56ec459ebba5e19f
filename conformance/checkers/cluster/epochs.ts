/**
 * One leader per epoch (no two nodes announce 'leading' in the same epoch) and monotonic
 * epochs (a node's role events never go to a lower epoch, restarts included, since
 * ZooKeeper persists the accepted epoch). State: one entry per epoch led, one per node.
 */
import type { TraceEvent } from '../../schema/trace.ts';
import type { Checker, Verdict } from '../types.ts';
import { EventWindow, ViolationLog, verdictOf } from '../window.ts';

export class EpochChecker implements Checker {
  readonly name = 'cluster.epochs';
  private readonly window = new EventWindow();
  private readonly leaders = new ViolationLog(this.window, { nothingToJudge: "no server announced 'leading'" });
  private readonly monotonic = new ViolationLog(this.window, { nothingToJudge: 'no role event' });
  private readonly leaderOf = new Map<number, { node: string; line: number }>();
  private readonly epochOf = new Map<string, number>();


  event(e: TraceEvent, line: number): void {
    this.window.push(e, line);
    if (e.kind !== 'role') return;
    this.monotonic.judged++;
    const prior = this.epochOf.get(e.node);
    if (prior !== undefined && e.epoch < prior) {
      this.monotonic.report(line, `${e.node} went from epoch ${prior} back to epoch ${e.epoch}`);
    }
    this.epochOf.set(e.node, Math.max(prior ?? 0, e.epoch));
    if (e.role !== 'leading') return;
    this.leaders.judged++;
    const first = this.leaderOf.get(e.epoch);
    if (first === undefined) this.leaderOf.set(e.epoch, { node: e.node, line });
    else if (first.node !== e.node) {
      this.leaders.report(line, `${e.node} leads epoch ${e.epoch}, already led by ${first.node} (line ${first.line})`);
    }
  }

  end(): Verdict[] {
    return [
      verdictOf('cluster.one-leader-per-epoch', this.leaders, { epochsLed: this.leaderOf.size }),
      verdictOf('cluster.monotonic-epochs', this.monotonic),
    ];
  }
}

/**
 * One leader per epoch (no two nodes announce 'leading' in the same epoch) and monotonic
 * epochs (a node's role events never go to a lower epoch, restarts included, since
 * ZooKeeper persists the accepted epoch). State: one entry per epoch led, one per node.
 */
import type { TraceEvent } from '../../schema/trace.ts';
import type { Checker, Verdict } from '../types.ts';
export declare class EpochChecker implements Checker {
    readonly name = "cluster.epochs";
    private readonly window;
    private readonly leaders;
    private readonly monotonic;
    private readonly leaderOf;
    private readonly epochOf;
    event(e: TraceEvent, line: number): void;
    end(): Verdict[];
}

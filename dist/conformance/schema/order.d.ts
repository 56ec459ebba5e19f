import type { LineRef } from './parse-line.ts';
import type { TraceEvent, TraceHeader } from './trace.ts';
/** The node ids a header declares, or null when the protocol leaves them open. */
export declare function declaredNodes(h: TraceHeader): Set<string> | null;
export declare class OrderGuard {
    private lastSeq;
    private lastTs;
    private readonly nodes;
    private readonly protocol;
    constructor(header: TraceHeader);
    check(e: TraceEvent, at: LineRef): void;
    private unknown;
}

/**
 * The one constructor of trace headers: every producer (explorer, simulations, real-process
 * runs, recorders, third-party harnesses) builds its header here, so the format name and
 * version are written in one place.
 */
import { type Protocol, type TraceHeader } from './trace.ts';
export type HeaderOf<P extends Protocol> = Extract<TraceHeader, {
    protocol: P;
}>;
export type ConfigOf<P extends Protocol> = HeaderOf<P>['config'];
export interface Producer {
    name: string;
    version?: string;
}
export declare function traceHeader<P extends Protocol>(protocol: P, config: ConfigOf<P>, producer: Producer, description?: string): HeaderOf<P>;

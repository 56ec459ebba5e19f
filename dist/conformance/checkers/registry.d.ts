/** Which checkers judge which protocol: one factory per protocol family, from the header. */
import type { TraceHeader } from '../schema/trace.ts';
import type { Checker } from './types.ts';
/** Fresh checkers for one trace, built from its header. */
export declare function checkersFor(header: TraceHeader): Checker[];

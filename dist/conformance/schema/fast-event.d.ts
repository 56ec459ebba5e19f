/**
 * A hand-written acceptor for the common, well-formed event lines. It exists only for
 * speed: zod stays the definition. The contract (checked by a property test) is that
 * whenever `fastEvent` returns an event, zod would accept the same input and produce a
 * deep-equal result. Anything unusual (unknown keys, defaults to fill in, rare kinds)
 * returns undefined and goes through zod.
 */
import type { TraceEvent } from './trace.ts';
/** The event itself when it is certainly valid, else undefined (meaning: ask zod). */
export declare function fastEvent(v: unknown): TraceEvent | undefined;

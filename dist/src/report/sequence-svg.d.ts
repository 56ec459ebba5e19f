/**
 * A sequence diagram drawn directly as SVG from the same Sequence the Mermaid writer
 * uses, so the report needs no diagram library (and no network) in the browser.
 */
import type { Sequence } from '../diagram/sequence.ts';
export declare function sequenceToSvg(seq: Sequence): string;

/**
 * The systems `coordkit check MODEL` knows: each declares its own options and builds a
 * SystemSpec from them. Add a model by appending to `checkModels`.
 */
import { Option } from 'commander';
import type { SystemSpec } from '../../explore/spec.ts';
export interface CheckModel {
    name: string;
    description: string;
    options(): Option[];
    build(opts: Record<string, unknown>): SystemSpec;
    /** Configurations `npm start` checks, as option values. */
    defaults: {
        label: string;
        opts: Record<string, unknown>;
    }[];
}
export declare const checkModels: CheckModel[];
/**
 * Builds a registered model's system from plain options: how expansion workers rebuild
 * the system they replicate (see src/explore/parallel.ts).
 */
export declare function buildCheckSystem({ model, opts }: {
    model: string;
    opts: Record<string, unknown>;
}): SystemSpec;

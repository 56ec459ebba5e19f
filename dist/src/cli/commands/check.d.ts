/**
 * `coordkit check MODEL`: exhaustive model checking of a bundled system. Exit codes in
 * ../check/exit-codes.ts (0 pass, 1 violation, 2 unusable input, 3 bounded/incomplete).
 * The first Ctrl-C or SIGTERM stops the search within a slice (~50 ms), prints partial
 * statistics and writes the checkpoint if one was asked for; a second one exits at once.
 */
import { Command } from 'commander';
import type { CheckpointIdentity } from '../../explore/checkpoint.ts';
import { type CheckModel } from '../check/models.ts';
import type { SystemSpec } from '../../explore/spec.ts';
/**
 * The options that define a search, keyed by flag: every option of the model, and the
 * search's strategy, symmetry, depth bound, deadlock and continue flags. Not --workers,
 * --max-states, --max-memory: they change how far or how fast, not what is explored.
 */
export declare function searchIdentity(model: CheckModel, opts: Record<string, unknown>): CheckpointIdentity;
/** How expansion workers rebuild the system: a module, an export, plain arguments. */
export interface WorkerRecipe {
    module: string;
    exportName: string;
    args: unknown;
}
export declare function register(program: Command): void;
/** Checks one system with the CLI's options: progress, signals, summary, traces, exit code. */
export declare function runModelCheck(model: CheckModel, spec: SystemSpec, opts: Record<string, unknown>, recipe: WorkerRecipe): Promise<void>;

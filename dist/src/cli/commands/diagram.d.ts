/**
 * `coordkit diagram MODEL --format mermaid|dot|svg [--out FILE]`: the statechart of a
 * registered machine. `coordkit diagram --list` names them; `coordkit diagram --trace
 * FILE.jsonl` draws a trace (or counterexample) as a Mermaid sequence diagram.
 */
import type { Command } from 'commander';
export declare function register(program: Command): void;

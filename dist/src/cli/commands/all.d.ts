/**
 * `coordkit all` (what `npm start` runs): every model check, mutant, bundled trace and
 * diagram, summarised in out/report.html and out/report.json. Exit 1 only if something
 * did not go as expected.
 */
import type { Command } from 'commander';
export declare function register(program: Command): void;

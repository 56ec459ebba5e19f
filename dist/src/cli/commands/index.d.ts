/** The registered subcommands, in the order `coordkit --help` lists them. */
import type { Command } from 'commander';
export type Register = (program: Command) => void;
export declare const commands: Register[];

/**
 * `coordkit run paxos|cluster --nodes N --faults kill,pause,partition --out TRACE.jsonl`:
 * the implementation as real processes on 127.0.0.1 under faults, recorded as a trace.
 * The trace is streamed to --out as it is recorded. Exit codes: 0 recorded, 2 unusable
 * input or a trace that could not be (fully) written, 3 stopped early by Ctrl-C or
 * SIGTERM (the nodes stopped, the trace a valid prefix); a second signal exits at once.
 */
import type { Command } from 'commander';
export declare function register(program: Command): void;

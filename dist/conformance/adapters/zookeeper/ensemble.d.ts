import { type EnsembleSpec, type EnsembleTiming, type ServerSpec } from './config.ts';
/** Asks the kernel for `count` distinct free ports on 127.0.0.1. */
export declare function freePorts(count: number): Promise<number[]>;
export interface ServerFiles {
    dataDir: string;
    cfg: string;
    log4j: string;
    logDir: string;
    /** The log4j output the log watcher tails. */
    log: string;
    /** The JVM's own stdout/stderr (crash messages before log4j is up). */
    stdio: string;
}
export declare class Ensemble {
    readonly spec: EnsembleSpec;
    readonly dir: string;
    private readonly procs;
    private readonly onExit;
    private constructor();
    static create(timing?: EnsembleTiming, size?: number): Promise<Ensemble>;
    server(sid: number): ServerSpec;
    files(sid: number): ServerFiles;
    private writeFiles;
    pid(sid: number): number | undefined;
    isRunning(sid: number): boolean;
    /** Starts (or restarts, keeping its data dir) one server's JVM. */
    start(sid: number): number;
    startAll(): void;
    private signal;
    /** kill -9: the process dies at once, its sockets are closed by the kernel. */
    crash(sid: number): Promise<void>;
    /** SIGSTOP: the JVM freezes with its sockets open, like a long GC pause. */
    pause(sid: number): void;
    resume(sid: number): void;
    /** Kills every server we started (SIGKILL works on stopped processes too). */
    stop(removeDir?: boolean): Promise<void>;
    private killAllSync;
}

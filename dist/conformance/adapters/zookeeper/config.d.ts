/**
 * Pure description of a 3-server ZooKeeper ensemble on 127.0.0.1 and the files each
 * server needs (zoo.cfg, myid, log4j.properties). No I/O here: ensemble.ts writes them.
 */
export interface ServerPorts {
    client: number;
    quorum: number;
    election: number;
}
export interface ServerSpec {
    /** ZooKeeper's numeric server id (myid), 1-based. */
    sid: number;
    /** The trace's node id for this server, e.g. "s1". */
    node: string;
    ports: ServerPorts;
}
export interface EnsembleTiming {
    /** Milliseconds per tick. */
    tickTime: number;
    /** Ticks a follower may take to connect and sync with a new leader. */
    initLimit: number;
    /** Ticks without an answer before leader/follower give each other up. */
    syncLimit: number;
}
export interface EnsembleSpec extends EnsembleTiming {
    servers: ServerSpec[];
    /** Java heap ceiling per server, in MiB. */
    heapMiB: number;
}
export declare const DEFAULT_TIMING: EnsembleTiming;
export declare const nodeOf: (sid: number) => string;
/** Lays `count` servers over a flat list of 3*count free ports. */
export declare function ensembleSpec(ports: number[], timing?: EnsembleTiming, heapMiB?: number): EnsembleSpec;
/** zoo.cfg for one server. dataDir holds myid and the epoch files the recorder reads. */
export declare function zooCfg(spec: EnsembleSpec, self: ServerSpec, dataDir: string): string;
/**
 * log4j 1.2 config: one file per server, UTC timestamps with milliseconds so the log
 * watcher can place log lines on the recorder's clock.
 */
export declare function log4jProperties(logFile: string): string;
/** Debian's jars: zookeeper.jar's manifest names its own dependencies; we add the log binding. */
export declare const DEBIAN_CLASSPATH: string[];
/** The `java` argument vector for one server (small heap, fast start, UTC clock). */
export declare function javaArgs(spec: EnsembleSpec, cfgFile: string, log4jFile: string, logDir: string): string[];

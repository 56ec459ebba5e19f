/**
 * Pure description of a 3-server ZooKeeper ensemble on 127.0.0.1 and the files each
 * server needs (zoo.cfg, myid, log4j.properties). No I/O here: ensemble.ts writes them.
 */
export const DEFAULT_TIMING = { tickTime: 200, initLimit: 10, syncLimit: 5 };
export const nodeOf = (sid) => `s${sid}`;
/** Lays `count` servers over a flat list of 3*count free ports. */
export function ensembleSpec(ports, timing = DEFAULT_TIMING, heapMiB = 128) {
    if (ports.length % 3 !== 0 || ports.length === 0)
        throw new Error(`need 3 ports per server, got ${ports.length}`);
    const servers = [];
    for (let i = 0; i < ports.length / 3; i++) {
        const sid = i + 1;
        servers.push({ sid, node: nodeOf(sid), ports: { client: ports[3 * i], quorum: ports[3 * i + 1], election: ports[3 * i + 2] } });
    }
    return { ...timing, servers, heapMiB };
}
/** zoo.cfg for one server. dataDir holds myid and the epoch files the recorder reads. */
export function zooCfg(spec, self, dataDir) {
    const lines = [
        `tickTime=${spec.tickTime}`,
        `initLimit=${spec.initLimit}`,
        `syncLimit=${spec.syncLimit}`,
        `dataDir=${dataDir}`,
        `clientPort=${self.ports.client}`,
        'clientPortAddress=127.0.0.1',
        '4lw.commands.whitelist=*',
        // No HTTP admin server: it would need another port and we never use it.
        'admin.enableServer=false',
        // Speed over durability: a test ensemble's txn log needs no fsync.
        'forceSync=no',
        'preAllocSize=1024',
        'autopurge.purgeInterval=0',
        ...spec.servers.map((s) => `server.${s.sid}=127.0.0.1:${s.ports.quorum}:${s.ports.election}`),
    ];
    return lines.join('\n') + '\n';
}
/**
 * log4j 1.2 config: one file per server, UTC timestamps with milliseconds so the log
 * watcher can place log lines on the recorder's clock.
 */
export function log4jProperties(logFile) {
    return [
        'log4j.rootLogger=INFO, FILE',
        'log4j.appender.FILE=org.apache.log4j.FileAppender',
        `log4j.appender.FILE.File=${logFile}`,
        'log4j.appender.FILE.ImmediateFlush=true',
        'log4j.appender.FILE.layout=org.apache.log4j.PatternLayout',
        'log4j.appender.FILE.layout.ConversionPattern=%d{yyyy-MM-dd HH:mm:ss,SSS} %-5p [%t:%C{1}@%L] - %m%n',
        '',
    ].join('\n');
}
/** Debian's jars: zookeeper.jar's manifest names its own dependencies; we add the log binding. */
export const DEBIAN_CLASSPATH = [
    '/usr/share/java/zookeeper.jar',
    '/usr/share/java/slf4j-log4j12.jar',
    '/usr/share/java/log4j-1.2.jar',
];
/** The `java` argument vector for one server (small heap, fast start, UTC clock). */
export function javaArgs(spec, cfgFile, log4jFile, logDir) {
    return [
        `-Xmx${spec.heapMiB}m`,
        '-Xms32m',
        '-XX:+UseSerialGC',
        // C1 only: the servers start in about half the time and stay fast enough for a test.
        '-XX:TieredStopAtLevel=1',
        '-Duser.timezone=UTC',
        `-Dlog4j.configuration=file:${log4jFile}`,
        `-Dzookeeper.log.dir=${logDir}`,
        '-Dzookeeper.jmx.log4j.disable=true',
        '-cp', DEBIAN_CLASSPATH.join(':'),
        'org.apache.zookeeper.server.quorum.QuorumPeerMain',
        cfgFile,
    ];
}

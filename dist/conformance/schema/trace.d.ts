/**
 * The coordkit trace format: JSON Lines, one header line, then one event per line.
 * These zod schemas are the definition; `coordkit schema --json-schema` exports them
 * as JSON Schema for implementations in other languages.
 */
import { z } from 'zod';
export declare const TRACE_FORMAT = "coordkit-trace";
export declare const TRACE_VERSION = 1;
export declare const paxosConfig: z.ZodObject<{
    acceptors: z.ZodArray<z.ZodString>;
    proposers: z.ZodArray<z.ZodString>;
    learners: z.ZodDefault<z.ZodArray<z.ZodString>>;
    values: z.ZodArray<z.ZodUnion<readonly [z.ZodString, z.ZodNumber]>>;
    quorums: z.ZodOptional<z.ZodArray<z.ZodArray<z.ZodString>>>;
    ballots: z.ZodOptional<z.ZodArray<z.ZodNumber>>;
}, z.core.$strip>;
export declare const clusterConfig: z.ZodObject<{
    servers: z.ZodArray<z.ZodString>;
    tickTime: z.ZodNumber;
    syncLimit: z.ZodNumber;
    initLimit: z.ZodOptional<z.ZodNumber>;
    sessionTimeout: z.ZodOptional<z.ZodNumber>;
    clients: z.ZodDefault<z.ZodArray<z.ZodString>>;
}, z.core.$strip>;
export declare const balancerPolicy: z.ZodEnum<{
    "consistent-hash": "consistent-hash";
    hash: "hash";
    "least-connections": "least-connections";
    "power-of-two": "power-of-two";
    random: "random";
    "round-robin": "round-robin";
    "weighted-round-robin": "weighted-round-robin";
}>;
export declare const balancerConfig: z.ZodObject<{
    policy: z.ZodEnum<{
        "consistent-hash": "consistent-hash";
        hash: "hash";
        "least-connections": "least-connections";
        "power-of-two": "power-of-two";
        random: "random";
        "round-robin": "round-robin";
        "weighted-round-robin": "weighted-round-robin";
    }>;
    backends: z.ZodArray<z.ZodObject<{
        id: z.ZodString;
        weight: z.ZodDefault<z.ZodNumber>;
    }, z.core.$strip>>;
    seed: z.ZodOptional<z.ZodNumber>;
}, z.core.$strip>;
export declare const header: z.ZodDiscriminatedUnion<[z.ZodObject<{
    type: z.ZodLiteral<"header">;
    format: z.ZodLiteral<"coordkit-trace">;
    version: z.ZodLiteral<1>;
    producer: z.ZodObject<{
        name: z.ZodString;
        version: z.ZodOptional<z.ZodString>;
    }, z.core.$loose>;
    description: z.ZodOptional<z.ZodString>;
    protocol: z.ZodLiteral<"paxos">;
    config: z.ZodObject<{
        acceptors: z.ZodArray<z.ZodString>;
        proposers: z.ZodArray<z.ZodString>;
        learners: z.ZodDefault<z.ZodArray<z.ZodString>>;
        values: z.ZodArray<z.ZodUnion<readonly [z.ZodString, z.ZodNumber]>>;
        quorums: z.ZodOptional<z.ZodArray<z.ZodArray<z.ZodString>>>;
        ballots: z.ZodOptional<z.ZodArray<z.ZodNumber>>;
    }, z.core.$strip>;
}, z.core.$strip>, z.ZodObject<{
    type: z.ZodLiteral<"header">;
    format: z.ZodLiteral<"coordkit-trace">;
    version: z.ZodLiteral<1>;
    producer: z.ZodObject<{
        name: z.ZodString;
        version: z.ZodOptional<z.ZodString>;
    }, z.core.$loose>;
    description: z.ZodOptional<z.ZodString>;
    protocol: z.ZodLiteral<"cluster">;
    config: z.ZodObject<{
        servers: z.ZodArray<z.ZodString>;
        tickTime: z.ZodNumber;
        syncLimit: z.ZodNumber;
        initLimit: z.ZodOptional<z.ZodNumber>;
        sessionTimeout: z.ZodOptional<z.ZodNumber>;
        clients: z.ZodDefault<z.ZodArray<z.ZodString>>;
    }, z.core.$strip>;
}, z.core.$strip>, z.ZodObject<{
    type: z.ZodLiteral<"header">;
    format: z.ZodLiteral<"coordkit-trace">;
    version: z.ZodLiteral<1>;
    producer: z.ZodObject<{
        name: z.ZodString;
        version: z.ZodOptional<z.ZodString>;
    }, z.core.$loose>;
    description: z.ZodOptional<z.ZodString>;
    protocol: z.ZodLiteral<"balancer">;
    config: z.ZodObject<{
        policy: z.ZodEnum<{
            "consistent-hash": "consistent-hash";
            hash: "hash";
            "least-connections": "least-connections";
            "power-of-two": "power-of-two";
            random: "random";
            "round-robin": "round-robin";
            "weighted-round-robin": "weighted-round-robin";
        }>;
        backends: z.ZodArray<z.ZodObject<{
            id: z.ZodString;
            weight: z.ZodDefault<z.ZodNumber>;
        }, z.core.$strip>>;
        seed: z.ZodOptional<z.ZodNumber>;
    }, z.core.$strip>;
}, z.core.$strip>], "protocol">;
export type TraceHeader = z.infer<typeof header>;
export type Protocol = TraceHeader['protocol'];
export declare const paxosMessage: z.ZodDiscriminatedUnion<[z.ZodObject<{
    type: z.ZodLiteral<"prepare">;
    ballot: z.ZodNumber;
}, z.core.$strip>, z.ZodObject<{
    type: z.ZodLiteral<"promise">;
    ballot: z.ZodNumber;
    acceptedBallot: z.ZodNullable<z.ZodNumber>;
    acceptedValue: z.ZodNullable<z.ZodUnion<readonly [z.ZodString, z.ZodNumber]>>;
}, z.core.$strip>, z.ZodObject<{
    type: z.ZodLiteral<"accept">;
    ballot: z.ZodNumber;
    value: z.ZodUnion<readonly [z.ZodString, z.ZodNumber]>;
}, z.core.$strip>, z.ZodObject<{
    type: z.ZodLiteral<"accepted">;
    ballot: z.ZodNumber;
    value: z.ZodUnion<readonly [z.ZodString, z.ZodNumber]>;
}, z.core.$strip>], "type">;
export type PaxosMessage = z.infer<typeof paxosMessage>;
export declare const clusterMessage: z.ZodDiscriminatedUnion<[z.ZodObject<{
    type: z.ZodLiteral<"ping">;
    epoch: z.ZodNumber;
    zxid: z.ZodNumber;
    tick: z.ZodOptional<z.ZodNumber>;
}, z.core.$strip>, z.ZodObject<{
    type: z.ZodLiteral<"pong">;
    epoch: z.ZodNumber;
    zxid: z.ZodNumber;
    tick: z.ZodOptional<z.ZodNumber>;
}, z.core.$strip>, z.ZodObject<{
    type: z.ZodLiteral<"vote">;
    epoch: z.ZodNumber;
    zxid: z.ZodNumber;
    leader: z.ZodString;
    round: z.ZodOptional<z.ZodNumber>;
    state: z.ZodOptional<z.ZodEnum<{
        following: "following";
        leading: "leading";
        looking: "looking";
    }>>;
    tick: z.ZodOptional<z.ZodNumber>;
}, z.core.$strip>, z.ZodObject<{
    type: z.ZodLiteral<"followerInfo">;
    epoch: z.ZodNumber;
    zxid: z.ZodNumber;
    tick: z.ZodOptional<z.ZodNumber>;
}, z.core.$strip>, z.ZodObject<{
    type: z.ZodLiteral<"newEpoch">;
    epoch: z.ZodNumber;
    zxid: z.ZodNumber;
    tick: z.ZodOptional<z.ZodNumber>;
}, z.core.$strip>, z.ZodObject<{
    type: z.ZodLiteral<"ackEpoch">;
    epoch: z.ZodNumber;
    zxid: z.ZodNumber;
    tick: z.ZodOptional<z.ZodNumber>;
}, z.core.$strip>, z.ZodObject<{
    type: z.ZodLiteral<"session">;
    session: z.ZodString;
    op: z.ZodEnum<{
        close: "close";
        create: "create";
        expire: "expire";
        heartbeat: "heartbeat";
    }>;
    ephemerals: z.ZodOptional<z.ZodArray<z.ZodString>>;
    zxid: z.ZodOptional<z.ZodNumber>;
}, z.core.$strip>], "type">;
export type ClusterMessage = z.infer<typeof clusterMessage>;
declare const message: z.ZodUnion<readonly [z.ZodDiscriminatedUnion<[z.ZodObject<{
    type: z.ZodLiteral<"prepare">;
    ballot: z.ZodNumber;
}, z.core.$strip>, z.ZodObject<{
    type: z.ZodLiteral<"promise">;
    ballot: z.ZodNumber;
    acceptedBallot: z.ZodNullable<z.ZodNumber>;
    acceptedValue: z.ZodNullable<z.ZodUnion<readonly [z.ZodString, z.ZodNumber]>>;
}, z.core.$strip>, z.ZodObject<{
    type: z.ZodLiteral<"accept">;
    ballot: z.ZodNumber;
    value: z.ZodUnion<readonly [z.ZodString, z.ZodNumber]>;
}, z.core.$strip>, z.ZodObject<{
    type: z.ZodLiteral<"accepted">;
    ballot: z.ZodNumber;
    value: z.ZodUnion<readonly [z.ZodString, z.ZodNumber]>;
}, z.core.$strip>], "type">, z.ZodDiscriminatedUnion<[z.ZodObject<{
    type: z.ZodLiteral<"ping">;
    epoch: z.ZodNumber;
    zxid: z.ZodNumber;
    tick: z.ZodOptional<z.ZodNumber>;
}, z.core.$strip>, z.ZodObject<{
    type: z.ZodLiteral<"pong">;
    epoch: z.ZodNumber;
    zxid: z.ZodNumber;
    tick: z.ZodOptional<z.ZodNumber>;
}, z.core.$strip>, z.ZodObject<{
    type: z.ZodLiteral<"vote">;
    epoch: z.ZodNumber;
    zxid: z.ZodNumber;
    leader: z.ZodString;
    round: z.ZodOptional<z.ZodNumber>;
    state: z.ZodOptional<z.ZodEnum<{
        following: "following";
        leading: "leading";
        looking: "looking";
    }>>;
    tick: z.ZodOptional<z.ZodNumber>;
}, z.core.$strip>, z.ZodObject<{
    type: z.ZodLiteral<"followerInfo">;
    epoch: z.ZodNumber;
    zxid: z.ZodNumber;
    tick: z.ZodOptional<z.ZodNumber>;
}, z.core.$strip>, z.ZodObject<{
    type: z.ZodLiteral<"newEpoch">;
    epoch: z.ZodNumber;
    zxid: z.ZodNumber;
    tick: z.ZodOptional<z.ZodNumber>;
}, z.core.$strip>, z.ZodObject<{
    type: z.ZodLiteral<"ackEpoch">;
    epoch: z.ZodNumber;
    zxid: z.ZodNumber;
    tick: z.ZodOptional<z.ZodNumber>;
}, z.core.$strip>, z.ZodObject<{
    type: z.ZodLiteral<"session">;
    session: z.ZodString;
    op: z.ZodEnum<{
        close: "close";
        create: "create";
        expire: "expire";
        heartbeat: "heartbeat";
    }>;
    ephemerals: z.ZodOptional<z.ZodArray<z.ZodString>>;
    zxid: z.ZodOptional<z.ZodNumber>;
}, z.core.$strip>], "type">]>;
export type Message = z.infer<typeof message>;
export declare const role: z.ZodEnum<{
    down: "down";
    following: "following";
    leading: "leading";
    looking: "looking";
}>;
export declare const traceEvent: z.ZodDiscriminatedUnion<[z.ZodObject<{
    seq: z.ZodNumber;
    ts: z.ZodOptional<z.ZodNumber>;
    node: z.ZodString;
    kind: z.ZodLiteral<"send">;
    to: z.ZodUnion<readonly [z.ZodString, z.ZodArray<z.ZodString>]>;
    msg: z.ZodUnion<readonly [z.ZodDiscriminatedUnion<[z.ZodObject<{
        type: z.ZodLiteral<"prepare">;
        ballot: z.ZodNumber;
    }, z.core.$strip>, z.ZodObject<{
        type: z.ZodLiteral<"promise">;
        ballot: z.ZodNumber;
        acceptedBallot: z.ZodNullable<z.ZodNumber>;
        acceptedValue: z.ZodNullable<z.ZodUnion<readonly [z.ZodString, z.ZodNumber]>>;
    }, z.core.$strip>, z.ZodObject<{
        type: z.ZodLiteral<"accept">;
        ballot: z.ZodNumber;
        value: z.ZodUnion<readonly [z.ZodString, z.ZodNumber]>;
    }, z.core.$strip>, z.ZodObject<{
        type: z.ZodLiteral<"accepted">;
        ballot: z.ZodNumber;
        value: z.ZodUnion<readonly [z.ZodString, z.ZodNumber]>;
    }, z.core.$strip>], "type">, z.ZodDiscriminatedUnion<[z.ZodObject<{
        type: z.ZodLiteral<"ping">;
        epoch: z.ZodNumber;
        zxid: z.ZodNumber;
        tick: z.ZodOptional<z.ZodNumber>;
    }, z.core.$strip>, z.ZodObject<{
        type: z.ZodLiteral<"pong">;
        epoch: z.ZodNumber;
        zxid: z.ZodNumber;
        tick: z.ZodOptional<z.ZodNumber>;
    }, z.core.$strip>, z.ZodObject<{
        type: z.ZodLiteral<"vote">;
        epoch: z.ZodNumber;
        zxid: z.ZodNumber;
        leader: z.ZodString;
        round: z.ZodOptional<z.ZodNumber>;
        state: z.ZodOptional<z.ZodEnum<{
            following: "following";
            leading: "leading";
            looking: "looking";
        }>>;
        tick: z.ZodOptional<z.ZodNumber>;
    }, z.core.$strip>, z.ZodObject<{
        type: z.ZodLiteral<"followerInfo">;
        epoch: z.ZodNumber;
        zxid: z.ZodNumber;
        tick: z.ZodOptional<z.ZodNumber>;
    }, z.core.$strip>, z.ZodObject<{
        type: z.ZodLiteral<"newEpoch">;
        epoch: z.ZodNumber;
        zxid: z.ZodNumber;
        tick: z.ZodOptional<z.ZodNumber>;
    }, z.core.$strip>, z.ZodObject<{
        type: z.ZodLiteral<"ackEpoch">;
        epoch: z.ZodNumber;
        zxid: z.ZodNumber;
        tick: z.ZodOptional<z.ZodNumber>;
    }, z.core.$strip>, z.ZodObject<{
        type: z.ZodLiteral<"session">;
        session: z.ZodString;
        op: z.ZodEnum<{
            close: "close";
            create: "create";
            expire: "expire";
            heartbeat: "heartbeat";
        }>;
        ephemerals: z.ZodOptional<z.ZodArray<z.ZodString>>;
        zxid: z.ZodOptional<z.ZodNumber>;
    }, z.core.$strip>], "type">]>;
    id: z.ZodOptional<z.ZodString>;
}, z.core.$strip>, z.ZodObject<{
    seq: z.ZodNumber;
    ts: z.ZodOptional<z.ZodNumber>;
    node: z.ZodString;
    kind: z.ZodLiteral<"receive">;
    from: z.ZodString;
    msg: z.ZodUnion<readonly [z.ZodDiscriminatedUnion<[z.ZodObject<{
        type: z.ZodLiteral<"prepare">;
        ballot: z.ZodNumber;
    }, z.core.$strip>, z.ZodObject<{
        type: z.ZodLiteral<"promise">;
        ballot: z.ZodNumber;
        acceptedBallot: z.ZodNullable<z.ZodNumber>;
        acceptedValue: z.ZodNullable<z.ZodUnion<readonly [z.ZodString, z.ZodNumber]>>;
    }, z.core.$strip>, z.ZodObject<{
        type: z.ZodLiteral<"accept">;
        ballot: z.ZodNumber;
        value: z.ZodUnion<readonly [z.ZodString, z.ZodNumber]>;
    }, z.core.$strip>, z.ZodObject<{
        type: z.ZodLiteral<"accepted">;
        ballot: z.ZodNumber;
        value: z.ZodUnion<readonly [z.ZodString, z.ZodNumber]>;
    }, z.core.$strip>], "type">, z.ZodDiscriminatedUnion<[z.ZodObject<{
        type: z.ZodLiteral<"ping">;
        epoch: z.ZodNumber;
        zxid: z.ZodNumber;
        tick: z.ZodOptional<z.ZodNumber>;
    }, z.core.$strip>, z.ZodObject<{
        type: z.ZodLiteral<"pong">;
        epoch: z.ZodNumber;
        zxid: z.ZodNumber;
        tick: z.ZodOptional<z.ZodNumber>;
    }, z.core.$strip>, z.ZodObject<{
        type: z.ZodLiteral<"vote">;
        epoch: z.ZodNumber;
        zxid: z.ZodNumber;
        leader: z.ZodString;
        round: z.ZodOptional<z.ZodNumber>;
        state: z.ZodOptional<z.ZodEnum<{
            following: "following";
            leading: "leading";
            looking: "looking";
        }>>;
        tick: z.ZodOptional<z.ZodNumber>;
    }, z.core.$strip>, z.ZodObject<{
        type: z.ZodLiteral<"followerInfo">;
        epoch: z.ZodNumber;
        zxid: z.ZodNumber;
        tick: z.ZodOptional<z.ZodNumber>;
    }, z.core.$strip>, z.ZodObject<{
        type: z.ZodLiteral<"newEpoch">;
        epoch: z.ZodNumber;
        zxid: z.ZodNumber;
        tick: z.ZodOptional<z.ZodNumber>;
    }, z.core.$strip>, z.ZodObject<{
        type: z.ZodLiteral<"ackEpoch">;
        epoch: z.ZodNumber;
        zxid: z.ZodNumber;
        tick: z.ZodOptional<z.ZodNumber>;
    }, z.core.$strip>, z.ZodObject<{
        type: z.ZodLiteral<"session">;
        session: z.ZodString;
        op: z.ZodEnum<{
            close: "close";
            create: "create";
            expire: "expire";
            heartbeat: "heartbeat";
        }>;
        ephemerals: z.ZodOptional<z.ZodArray<z.ZodString>>;
        zxid: z.ZodOptional<z.ZodNumber>;
    }, z.core.$strip>], "type">]>;
    id: z.ZodOptional<z.ZodString>;
}, z.core.$strip>, z.ZodObject<{
    seq: z.ZodNumber;
    ts: z.ZodOptional<z.ZodNumber>;
    node: z.ZodString;
    kind: z.ZodLiteral<"drop">;
    from: z.ZodString;
    msg: z.ZodUnion<readonly [z.ZodDiscriminatedUnion<[z.ZodObject<{
        type: z.ZodLiteral<"prepare">;
        ballot: z.ZodNumber;
    }, z.core.$strip>, z.ZodObject<{
        type: z.ZodLiteral<"promise">;
        ballot: z.ZodNumber;
        acceptedBallot: z.ZodNullable<z.ZodNumber>;
        acceptedValue: z.ZodNullable<z.ZodUnion<readonly [z.ZodString, z.ZodNumber]>>;
    }, z.core.$strip>, z.ZodObject<{
        type: z.ZodLiteral<"accept">;
        ballot: z.ZodNumber;
        value: z.ZodUnion<readonly [z.ZodString, z.ZodNumber]>;
    }, z.core.$strip>, z.ZodObject<{
        type: z.ZodLiteral<"accepted">;
        ballot: z.ZodNumber;
        value: z.ZodUnion<readonly [z.ZodString, z.ZodNumber]>;
    }, z.core.$strip>], "type">, z.ZodDiscriminatedUnion<[z.ZodObject<{
        type: z.ZodLiteral<"ping">;
        epoch: z.ZodNumber;
        zxid: z.ZodNumber;
        tick: z.ZodOptional<z.ZodNumber>;
    }, z.core.$strip>, z.ZodObject<{
        type: z.ZodLiteral<"pong">;
        epoch: z.ZodNumber;
        zxid: z.ZodNumber;
        tick: z.ZodOptional<z.ZodNumber>;
    }, z.core.$strip>, z.ZodObject<{
        type: z.ZodLiteral<"vote">;
        epoch: z.ZodNumber;
        zxid: z.ZodNumber;
        leader: z.ZodString;
        round: z.ZodOptional<z.ZodNumber>;
        state: z.ZodOptional<z.ZodEnum<{
            following: "following";
            leading: "leading";
            looking: "looking";
        }>>;
        tick: z.ZodOptional<z.ZodNumber>;
    }, z.core.$strip>, z.ZodObject<{
        type: z.ZodLiteral<"followerInfo">;
        epoch: z.ZodNumber;
        zxid: z.ZodNumber;
        tick: z.ZodOptional<z.ZodNumber>;
    }, z.core.$strip>, z.ZodObject<{
        type: z.ZodLiteral<"newEpoch">;
        epoch: z.ZodNumber;
        zxid: z.ZodNumber;
        tick: z.ZodOptional<z.ZodNumber>;
    }, z.core.$strip>, z.ZodObject<{
        type: z.ZodLiteral<"ackEpoch">;
        epoch: z.ZodNumber;
        zxid: z.ZodNumber;
        tick: z.ZodOptional<z.ZodNumber>;
    }, z.core.$strip>, z.ZodObject<{
        type: z.ZodLiteral<"session">;
        session: z.ZodString;
        op: z.ZodEnum<{
            close: "close";
            create: "create";
            expire: "expire";
            heartbeat: "heartbeat";
        }>;
        ephemerals: z.ZodOptional<z.ZodArray<z.ZodString>>;
        zxid: z.ZodOptional<z.ZodNumber>;
    }, z.core.$strip>], "type">]>;
    id: z.ZodOptional<z.ZodString>;
}, z.core.$strip>, z.ZodObject<{
    seq: z.ZodNumber;
    ts: z.ZodOptional<z.ZodNumber>;
    node: z.ZodString;
    kind: z.ZodLiteral<"duplicate">;
    from: z.ZodString;
    msg: z.ZodUnion<readonly [z.ZodDiscriminatedUnion<[z.ZodObject<{
        type: z.ZodLiteral<"prepare">;
        ballot: z.ZodNumber;
    }, z.core.$strip>, z.ZodObject<{
        type: z.ZodLiteral<"promise">;
        ballot: z.ZodNumber;
        acceptedBallot: z.ZodNullable<z.ZodNumber>;
        acceptedValue: z.ZodNullable<z.ZodUnion<readonly [z.ZodString, z.ZodNumber]>>;
    }, z.core.$strip>, z.ZodObject<{
        type: z.ZodLiteral<"accept">;
        ballot: z.ZodNumber;
        value: z.ZodUnion<readonly [z.ZodString, z.ZodNumber]>;
    }, z.core.$strip>, z.ZodObject<{
        type: z.ZodLiteral<"accepted">;
        ballot: z.ZodNumber;
        value: z.ZodUnion<readonly [z.ZodString, z.ZodNumber]>;
    }, z.core.$strip>], "type">, z.ZodDiscriminatedUnion<[z.ZodObject<{
        type: z.ZodLiteral<"ping">;
        epoch: z.ZodNumber;
        zxid: z.ZodNumber;
        tick: z.ZodOptional<z.ZodNumber>;
    }, z.core.$strip>, z.ZodObject<{
        type: z.ZodLiteral<"pong">;
        epoch: z.ZodNumber;
        zxid: z.ZodNumber;
        tick: z.ZodOptional<z.ZodNumber>;
    }, z.core.$strip>, z.ZodObject<{
        type: z.ZodLiteral<"vote">;
        epoch: z.ZodNumber;
        zxid: z.ZodNumber;
        leader: z.ZodString;
        round: z.ZodOptional<z.ZodNumber>;
        state: z.ZodOptional<z.ZodEnum<{
            following: "following";
            leading: "leading";
            looking: "looking";
        }>>;
        tick: z.ZodOptional<z.ZodNumber>;
    }, z.core.$strip>, z.ZodObject<{
        type: z.ZodLiteral<"followerInfo">;
        epoch: z.ZodNumber;
        zxid: z.ZodNumber;
        tick: z.ZodOptional<z.ZodNumber>;
    }, z.core.$strip>, z.ZodObject<{
        type: z.ZodLiteral<"newEpoch">;
        epoch: z.ZodNumber;
        zxid: z.ZodNumber;
        tick: z.ZodOptional<z.ZodNumber>;
    }, z.core.$strip>, z.ZodObject<{
        type: z.ZodLiteral<"ackEpoch">;
        epoch: z.ZodNumber;
        zxid: z.ZodNumber;
        tick: z.ZodOptional<z.ZodNumber>;
    }, z.core.$strip>, z.ZodObject<{
        type: z.ZodLiteral<"session">;
        session: z.ZodString;
        op: z.ZodEnum<{
            close: "close";
            create: "create";
            expire: "expire";
            heartbeat: "heartbeat";
        }>;
        ephemerals: z.ZodOptional<z.ZodArray<z.ZodString>>;
        zxid: z.ZodOptional<z.ZodNumber>;
    }, z.core.$strip>], "type">]>;
    id: z.ZodOptional<z.ZodString>;
}, z.core.$strip>, z.ZodObject<{
    seq: z.ZodNumber;
    ts: z.ZodOptional<z.ZodNumber>;
    node: z.ZodString;
    kind: z.ZodLiteral<"state">;
    state: z.ZodRecord<z.ZodString, z.ZodUnknown>;
}, z.core.$strip>, z.ZodObject<{
    seq: z.ZodNumber;
    ts: z.ZodOptional<z.ZodNumber>;
    node: z.ZodString;
    kind: z.ZodLiteral<"propose">;
    value: z.ZodUnion<readonly [z.ZodString, z.ZodNumber]>;
}, z.core.$strip>, z.ZodObject<{
    seq: z.ZodNumber;
    ts: z.ZodOptional<z.ZodNumber>;
    node: z.ZodString;
    kind: z.ZodLiteral<"decide">;
    value: z.ZodUnion<readonly [z.ZodString, z.ZodNumber]>;
}, z.core.$strip>, z.ZodObject<{
    seq: z.ZodNumber;
    ts: z.ZodOptional<z.ZodNumber>;
    node: z.ZodString;
    kind: z.ZodLiteral<"role">;
    role: z.ZodEnum<{
        down: "down";
        following: "following";
        leading: "leading";
        looking: "looking";
    }>;
    epoch: z.ZodNumber;
    leader: z.ZodOptional<z.ZodNullable<z.ZodString>>;
    zxid: z.ZodOptional<z.ZodNumber>;
}, z.core.$strip>, z.ZodObject<{
    seq: z.ZodNumber;
    ts: z.ZodOptional<z.ZodNumber>;
    node: z.ZodString;
    kind: z.ZodLiteral<"tick">;
    tick: z.ZodNumber;
}, z.core.$strip>, z.ZodObject<{
    seq: z.ZodNumber;
    ts: z.ZodOptional<z.ZodNumber>;
    node: z.ZodString;
    kind: z.ZodLiteral<"suspect">;
    peer: z.ZodString;
    tick: z.ZodOptional<z.ZodNumber>;
}, z.core.$strip>, z.ZodObject<{
    seq: z.ZodNumber;
    ts: z.ZodOptional<z.ZodNumber>;
    node: z.ZodString;
    kind: z.ZodLiteral<"session">;
    session: z.ZodString;
    action: z.ZodEnum<{
        close: "close";
        create: "create";
        expire: "expire";
        heartbeat: "heartbeat";
    }>;
    ephemerals: z.ZodOptional<z.ZodArray<z.ZodString>>;
}, z.core.$strip>, z.ZodObject<{
    seq: z.ZodNumber;
    ts: z.ZodOptional<z.ZodNumber>;
    node: z.ZodString;
    kind: z.ZodLiteral<"crash">;
}, z.core.$strip>, z.ZodObject<{
    seq: z.ZodNumber;
    ts: z.ZodOptional<z.ZodNumber>;
    node: z.ZodString;
    kind: z.ZodLiteral<"restart">;
}, z.core.$strip>, z.ZodObject<{
    seq: z.ZodNumber;
    ts: z.ZodOptional<z.ZodNumber>;
    node: z.ZodString;
    kind: z.ZodLiteral<"pause">;
}, z.core.$strip>, z.ZodObject<{
    seq: z.ZodNumber;
    ts: z.ZodOptional<z.ZodNumber>;
    node: z.ZodString;
    kind: z.ZodLiteral<"resume">;
}, z.core.$strip>, z.ZodObject<{
    seq: z.ZodNumber;
    ts: z.ZodOptional<z.ZodNumber>;
    node: z.ZodString;
    kind: z.ZodLiteral<"partition">;
    groups: z.ZodArray<z.ZodArray<z.ZodString>>;
}, z.core.$strip>, z.ZodObject<{
    seq: z.ZodNumber;
    ts: z.ZodOptional<z.ZodNumber>;
    node: z.ZodString;
    kind: z.ZodLiteral<"heal">;
}, z.core.$strip>, z.ZodObject<{
    seq: z.ZodNumber;
    ts: z.ZodOptional<z.ZodNumber>;
    node: z.ZodString;
    kind: z.ZodLiteral<"pick">;
    request: z.ZodString;
    backend: z.ZodString;
    key: z.ZodOptional<z.ZodString>;
    candidates: z.ZodOptional<z.ZodArray<z.ZodString>>;
    inflight: z.ZodOptional<z.ZodRecord<z.ZodString, z.ZodNumber>>;
}, z.core.$strip>, z.ZodObject<{
    seq: z.ZodNumber;
    ts: z.ZodOptional<z.ZodNumber>;
    node: z.ZodString;
    kind: z.ZodLiteral<"done">;
    request: z.ZodString;
    backend: z.ZodString;
}, z.core.$strip>, z.ZodObject<{
    seq: z.ZodNumber;
    ts: z.ZodOptional<z.ZodNumber>;
    node: z.ZodString;
    kind: z.ZodLiteral<"membership">;
    backends: z.ZodArray<z.ZodObject<{
        id: z.ZodString;
        weight: z.ZodDefault<z.ZodNumber>;
    }, z.core.$strip>>;
}, z.core.$strip>], "kind">;
export type TraceEvent = z.infer<typeof traceEvent>;
export type EventKind = TraceEvent['kind'];
export type EventOf<K extends EventKind> = Extract<TraceEvent, {
    kind: K;
}>;
/** JSON Schema of one trace line (header or event), for implementers elsewhere. */
export declare function traceJsonSchema(): Record<string, unknown>;
export {};

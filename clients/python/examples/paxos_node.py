#!/usr/bin/env python3
"""A multi-role Paxos node in the style most Paxos libraries share, written to test coordkit.

Each node runs a proposer, an acceptor and a learner (those its configuration gives it);
ballots are (number, node id) pairs compared lexicographically; stale prepares and
accepts are answered with `nack`; a duplicate prepare for the promised ballot is answered
again (`>=`); a proposer free to choose proposes a value it heard in an earlier round if
it heard one, else its own; the learner exposes only its decision.

Run it under the driver (it speaks docs/drive-protocol.md through coordkit_client):

    node bin/coordkit.mjs drive paxos --stdio "python3 clients/python/examples/paxos_node.py"

or record runs over the seeded in-memory network and verify them:

    python3 clients/python/examples/paxos_node.py record --seeds 1-20 --out DIR
    node bin/coordkit.mjs verify DIR/*.jsonl

`--bug NAME` plants one defect: accept-below-promise, ignore-promised-values,
decide-without-quorum, promise-omits-value, learner-latest-ballot-only.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from coordkit_client import BallotMap, Network, TraceRecorder, decide, nack, send, serve  # noqa: E402
from coordkit_client.ballots import as_json, as_pair  # noqa: E402

BUGS = ["accept-below-promise", "ignore-promised-values", "decide-without-quorum", "promise-omits-value", "learner-latest-ballot-only"]


def is_quorum(members, quorums):
    return any(all(a in members for a in q) for q in quorums)


class Acceptor:
    def __init__(self, node, cfg):
        self.node, self.learners = node, cfg["learners"]
        self.promised = None        # highest ballot promised
        self.accepted = None        # (ballot, value) of the last vote

    def on_prepare(self, frm, b):
        if self.promised is not None and b < self.promised:
            return [nack(frm, as_json(b), as_json(self.promised))]
        self.promised = b           # >=: a duplicate prepare is answered again
        vb, vv = self.accepted if self.accepted else (None, None)
        if self.node.bug == "promise-omits-value":
            vb, vv = None, None
        return [send(frm, {"type": "promise", "ballot": as_json(b), "acceptedBallot": as_json(vb), "acceptedValue": vv})]

    def on_accept(self, frm, b, v):
        if self.promised is not None and b < self.promised and self.node.bug != "accept-below-promise":
            return [nack(frm, as_json(b), as_json(self.promised))]
        self.promised = b if self.promised is None else max(self.promised, b)
        self.accepted = (b, v)
        return [send([frm] + self.learners, {"type": "accepted", "ballot": as_json(b), "value": v})]

    def state(self):
        vb, vv = self.accepted if self.accepted else (None, None)
        return {"maxBal": as_json(self.promised), "maxVBal": as_json(vb), "maxVal": vv}

    def restart(self):
        pass                        # promise and vote are on stable storage


class Proposer:
    def __init__(self, node, cfg):
        self.node = node
        self.ballots = [as_pair(b) for b in cfg["ballots"]]
        self.acceptors, self.quorums, self.value = cfg["acceptors"], cfg["quorums"], cfg["value"]
        self.round = -1
        self.restart()

    def restart(self):
        self.phase, self.promises, self.proposed, self.heard = "idle", {}, None, None

    @property
    def ballot(self):
        return self.ballots[self.round] if self.round >= 0 else None

    def on_start(self):
        if self.round + 1 >= len(self.ballots):
            return []
        self.round += 1
        self.phase, self.promises, self.proposed = "preparing", {}, None
        return [send(self.acceptors, {"type": "prepare", "ballot": as_json(self.ballot)})]

    def on_promise(self, frm, b, vb, vv):
        if vv is not None and b != self.ballot:
            self.heard = vv         # a value heard in another round
        if self.phase != "preparing" or b != self.ballot or frm in self.promises:
            return []
        self.promises[frm] = (vb, vv)
        if not is_quorum(self.promises, self.quorums):
            return []
        votes = [p for p in self.promises.values() if p[0] is not None]
        if votes and self.node.bug != "ignore-promised-values":
            value = max(votes)[1]   # the value of the highest-ballot vote
        else:
            value = self.heard if self.heard is not None else self.value
        for p in votes:
            self.heard = p[1]
        self.phase, self.proposed = "accepting", value
        return [send(self.acceptors, {"type": "accept", "ballot": as_json(self.ballot), "value": value})]

    def state(self):
        return {"phase": self.phase, "ballot": as_json(self.ballot), "proposed": self.proposed}


class Learner:
    def __init__(self, node, cfg):
        self.node, self.quorums = node, cfg["quorums"]
        self.votes = {}             # (ballot, value) -> acceptors (internal: not exposed)
        self.latest = {}            # acceptor -> (ballot, value): the latest-ballot-only bug's table
        self.decided = None

    def on_accepted(self, frm, b, v):
        if self.decided is not None:
            return []
        if self.node.bug == "learner-latest-ballot-only":
            if frm in self.latest and self.latest[frm][0] >= b:
                return []
            self.latest[frm] = (b, v)
            heard = [a for a, bv in self.latest.items() if bv == (b, v)]
        else:
            heard = self.votes.setdefault((b, v), set())
            if frm in heard:
                return []
            heard.add(frm)
        if is_quorum(heard, self.quorums) or self.node.bug == "decide-without-quorum":
            self.decided = v
            return [decide(v)]
        return []

    def state(self):
        return {"decided": self.decided}

    def restart(self):
        pass                        # decisions and votes heard are kept


class PaxosNode:
    """One process node hosting role instances, each addressed by its own id (p1, a1, l1)."""

    ROLES = {"proposer": Proposer, "acceptor": Acceptor, "learner": Learner}

    def __init__(self, node_id, bug=None):
        self.id, self.bug, self.roles = node_id, bug, {}

    def add(self, actor, role, cfg):
        self.roles[actor] = self.ROLES[role](self, cfg)

    def handle(self, actor, inp):
        r = self.roles[actor]
        if inp["kind"] == "event":
            return r.on_start() if inp["event"]["type"] == "start" and isinstance(r, Proposer) else []
        frm, m = inp["from"], inp["msg"]
        t = m["type"]
        if t == "prepare" and isinstance(r, Acceptor):
            return r.on_prepare(frm, as_pair(m["ballot"]))
        if t == "accept" and isinstance(r, Acceptor):
            return r.on_accept(frm, as_pair(m["ballot"]), m["value"])
        if t == "promise" and isinstance(r, Proposer):
            return r.on_promise(frm, as_pair(m["ballot"]), as_pair(m["acceptedBallot"]), m["acceptedValue"])
        if t == "accepted" and isinstance(r, Learner):
            return r.on_accepted(frm, as_pair(m["ballot"]), m["value"])
        return []                   # nacks and anything else: no obligation, nothing to do


class PaxosSystem:
    """The nodes of one configuration (the driver's reset `config`), by actor id."""

    def __init__(self, config, bug=None):
        self.nodes, self.actor = {}, {}
        for n in config["nodes"]:
            host = n.get("host", n["id"])
            node = self.nodes.setdefault(host, PaxosNode(host, bug))
            node.add(n["id"], n["role"], n["input"])
            self.actor[n["id"]] = node

    def step(self, actor, inp):
        return self.actor[actor].handle(actor, inp)

    def observe(self, actor):
        return self.actor[actor].roles[actor].state()

    def restart(self, actor):
        self.actor[actor].roles[actor].restart()


OBSERVES = {"acceptor": ["maxBal", "maxVBal", "maxVal"], "proposer": ["phase", "ballot", "proposed"], "learner": ["decided"]}


def drive_main(bug):
    serve(lambda config: PaxosSystem(config, bug), "python-paxos-node" + ("+" + bug if bug else ""),
          ["proposer", "acceptor", "learner"], observes=OBSERVES, ballots="pair")


# ---------------------------------------------------------------- recorded runs

def default_config(rounds=3):
    acceptors, proposers, learners = ["a1", "a2", "a3"], ["p1", "p2"], ["l1", "l2"]
    values = ["v1", "v2"]
    quorums = [["a1", "a2"], ["a1", "a3"], ["a2", "a3"]]
    owners = {p + r * len(proposers): pid for r in range(rounds) for p, pid in enumerate(proposers)}
    bmap = BallotMap.from_owners(owners)
    nodes = []
    for i, pid in enumerate(proposers):
        nodes.append({"id": pid, "role": "proposer", "host": "n%d" % (i + 1), "input": {
            "self": pid, "ballots": [list(p) for p in bmap.ballots_of(pid)], "acceptors": acceptors,
            "quorums": quorums, "value": values[i]}})
    for a in acceptors:
        nodes.append({"id": a, "role": "acceptor", "host": "n" + a[1:], "input": {"self": a, "learners": learners}})
    for l in learners:
        nodes.append({"id": l, "role": "learner", "host": "n" + l[1:], "input": {"self": l, "quorums": quorums}})
    header = {"acceptors": acceptors, "proposers": proposers, "learners": learners, "values": values,
              "quorums": quorums, "ballots": sorted(owners)}
    return {"nodes": nodes}, header, bmap


def record_run(seed, bug=None, drop=0.1, duplicate=0.1, max_delay=4, nacks=True, restart=True, max_events=4000, slow_accepted=0):
    """One run over the seeded network: both proposers start, time out and retry; returns a TraceRecorder.
    `slow_accepted` > 0: `accepted` messages take up to that many ticks (reorders them at learners)."""
    config, header, bmap = default_config()
    system = PaxosSystem(config, bug)
    rec = TraceRecorder("paxos", header, producer="python-paxos-node",
                        description="clients/python/examples/paxos_node.py seed %d%s" % (seed, ", bug " + bug if bug else ""))

    def to_trace(m):
        m = dict(m)
        for k in ("ballot", "acceptedBallot", "promised"):
            if k in m:
                m[k] = bmap.int(as_pair(m[k]))
        return m

    net = Network(rec, seed, drop=drop, duplicate=duplicate, max_delay=max_delay, to_trace=to_trace,
                  keep=lambda m: nacks or m["type"] != "nack",
                  delay_of=lambda m: slow_accepted if slow_accepted and m["type"] == "accepted" else max_delay)
    rng = net.rng
    proposers = [n["id"] for n in config["nodes"] if n["role"] == "proposer"]
    acceptors = [n["id"] for n in config["nodes"] if n["role"] == "acceptor"]
    learners = [n["id"] for n in config["nodes"] if n["role"] == "learner"]

    def emit(actor, outputs):
        for o in outputs:
            if o["type"] == "send":
                net.send(actor, o["to"], o["msg"])
            elif o["type"] == "decide":
                rec.event(actor, "decide", value=o["value"])

    def start(p):
        prop = system.actor[p].roles[p]
        if prop.round + 1 < len(prop.ballots):
            if prop.round < 0:
                rec.event(p, "propose", value=prop.value)
            emit(p, system.step(p, {"kind": "event", "event": {"type": "start"}}))

    for p in proposers:
        start(p)
    restarted = False
    while len(rec.events) < max_events:
        if not net.pending():
            if all(system.observe(l)["decided"] is not None for l in learners):
                break
            idle = [p for p in proposers if system.actor[p].roles[p].round + 1 < len(system.actor[p].roles[p].ballots)]
            if not idle:
                break
            net.tick()
            start(rng.choice(idle))                 # a timeout: retry with the next ballot
            continue
        if restart and not restarted and rng.random() < 0.02:
            a = rng.choice(acceptors)               # a crash and restart from stable storage
            rec.event(a, "crash")
            rec.event(a, "restart")
            system.restart(a)
            restarted = True
        if rng.random() < 0.05:
            p = rng.choice(proposers)               # an early timeout: a competing ballot
            start(p)
            continue
        frm, to, msg = net.next()
        emit(to, system.step(to, {"kind": "receive", "from": frm, "msg": msg}))
    return rec


def parse_seeds(text):
    if "-" in text:
        lo, hi = text.split("-")
        return list(range(int(lo), int(hi) + 1))
    return [int(s) for s in text.split(",")]


def main(argv):
    bug = argv[argv.index("--bug") + 1] if "--bug" in argv else None
    if bug is not None and bug not in BUGS:
        sys.stderr.write("unknown bug %r; known: %s\n" % (bug, ", ".join(BUGS)))
        return 2
    if argv and argv[0] == "record":
        out = argv[argv.index("--out") + 1]
        seeds = parse_seeds(argv[argv.index("--seeds") + 1]) if "--seeds" in argv else list(range(1, 21))
        nacks = "--no-nacks" not in argv
        net = {k: float(argv[argv.index("--" + k) + 1]) for k in ("drop", "duplicate") if "--" + k in argv}
        for k in ("max-delay", "slow-accepted"):
            if "--" + k in argv:
                net[k.replace("-", "_")] = int(argv[argv.index("--" + k) + 1])
        os.makedirs(out, exist_ok=True)
        for s in seeds:
            rec = record_run(s, bug, nacks=nacks, **net)
            rec.write(os.path.join(out, "paxos-node%s-seed%d.jsonl" % ("-" + bug if bug else "", s)))
        return 0
    drive_main(bug)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

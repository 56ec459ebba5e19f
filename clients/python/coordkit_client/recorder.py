"""Recording runs as coordkit traces: an in-memory network with seeded delays, drops and
duplicates, and a recorder writing JSON Lines (docs/trace-format.md) that `coordkit verify`
reads.

    rec = TraceRecorder("paxos", config, producer="my-lib")
    net = Network(rec, seed=7, drop=0.1, duplicate=0.1, max_delay=3)
    net.send("p1", ["a1", "a2"], {"type": "prepare", "ballot": 0})
    while net.pending():
        frm, to, msg = net.next()       # records the receive
        ... hand msg to node `to`, send its outputs with net.send / rec.event ...
    rec.write("run.jsonl")

`delay_of(msg)` may give some messages a longer maximum delay than `max_delay`.
`to_trace` (a function msg -> msg) turns messages into the trace's vocabulary, e.g. pair
ballots into the model's integers (BallotMap.int). Messages whose type the trace
vocabulary lacks can be left out (`keep`), and are counted in `rec.left_out`.
"""
import heapq
import json
import random

FORMAT = "coordkit-trace"
VERSION = 1


class TraceRecorder:
    def __init__(self, protocol, config, producer="coordkit python client", description=None):
        self.header = {
            "type": "header", "format": FORMAT, "version": VERSION, "protocol": protocol,
            "producer": {"name": producer}, "config": config,
        }
        if description:
            self.header["description"] = description
        self.events = []
        self.now = 0
        self.left_out = 0

    def event(self, node, kind, **fields):
        e = {"seq": len(self.events) + 1, "ts": self.now, "node": node, "kind": kind}
        e.update(fields)
        self.events.append(e)
        return e

    def lines(self):
        yield json.dumps(self.header)
        for e in self.events:
            yield json.dumps(e)

    def text(self):
        return "\n".join(self.lines()) + "\n"

    def write(self, path):
        with open(path, "w") as f:
            f.write(self.text())


class Network:
    """Messages in flight, delivered in order of a seeded random delay (1..max_delay ticks)."""

    def __init__(self, recorder, seed, drop=0.0, duplicate=0.0, max_delay=3, to_trace=None, keep=None, delay_of=None):
        self.rec = recorder
        self.rng = random.Random(seed)
        self.drop = drop
        self.duplicate = duplicate
        self.max_delay = max_delay
        self.to_trace = to_trace or (lambda m: m)
        self.keep = keep or (lambda m: True)
        self.delay_of = delay_of or (lambda msg: self.max_delay)
        self.queue = []
        self.counter = 0

    def _log(self, node, kind, **fields):
        if self.keep(fields["msg"]):
            fields["msg"] = self.to_trace(fields["msg"])
            self.rec.event(node, kind, **fields)
        else:
            self.rec.left_out += 1

    def _schedule(self, frm, to, msg):
        self.counter += 1
        heapq.heappush(self.queue, (self.rec.now + self.rng.randint(1, self.delay_of(msg)), self.counter, frm, to, msg))

    def send(self, frm, to, msg):
        to = list(to) if isinstance(to, (list, tuple)) else [to]
        self._log(frm, "send", to=to, msg=msg)
        for t in to:
            if self.rng.random() < self.drop:
                self._log(t, "drop", **{"from": frm, "msg": msg})
                continue
            self._schedule(frm, t, msg)
            if self.rng.random() < self.duplicate:
                self._log(t, "duplicate", **{"from": frm, "msg": msg})
                self._schedule(frm, t, msg)

    def pending(self):
        return len(self.queue)

    def next(self):
        """The next delivery (from, to, msg); records its receive."""
        t, _, frm, to, msg = heapq.heappop(self.queue)
        self.rec.now = max(self.rec.now, t)
        self._log(to, "receive", **{"from": frm, "msg": msg})
        return frm, to, msg

    def tick(self):
        self.rec.now += 1

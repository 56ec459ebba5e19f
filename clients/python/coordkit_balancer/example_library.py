#!/usr/bin/env python3
"""An example balancer library in Python behind coordkit's balancer protocol
(docs/balancer-protocol.md): JSON lines on stdin, one reply line per request on stdout.

The balancer is a plain weighted least-connections balancer, written the way a Python
user would write one: fewest in-flight requests per unit of weight, ties broken by a
seeded random choice among the tied backends, weight-0 backends never picked. It uses
only the standard library (Debian's python3), so `coordkit thirdparty` can judge it with
no pip package. Run by hand:

    printf '%s\n' '{"op":"hello"}' | python3 clients/python/coordkit_balancer/example_library.py
"""
import json
import random
import sys

CAPABILITIES = {
    "policy": "least-connections",
    "membership": "any",
    "weights": "any",
    "zeroWeight": True,
    "reweight": True,
    "completions": True,
    "empty": True,
}


class LeastConnections:
    def __init__(self, backends, seed):
        self.weights = {b["id"]: b["weight"] for b in backends}
        self.order = [b["id"] for b in backends]
        self.inflight = {}
        self.where = {}
        self.random = random.Random(seed)

    def pick(self, request):
        live = [b for b in self.order if self.weights.get(b, 0) > 0]
        if not live:
            raise LookupError("no backend to pick")
        load = lambda b: self.inflight.get(b, 0) / self.weights[b]
        least = min(load(b) for b in live)
        tied = [b for b in live if load(b) == least]
        chosen = self.random.choice(tied)
        self.inflight[chosen] = self.inflight.get(chosen, 0) + 1
        self.where[request] = chosen
        return chosen

    def done(self, request):
        b = self.where.pop(request, None)
        if b is not None:
            self.inflight[b] -= 1

    def membership(self, backends):
        self.weights = {b["id"]: b["weight"] for b in backends}
        self.order = [b["id"] for b in backends]


def main():
    instance = None
    config = None
    for line in sys.stdin:
        try:
            msg = json.loads(line)
            op = msg.get("op")
            if op == "hello":
                reply = {"ok": True, "library": "python example", "variant": "LeastConnections",
                         "version": "1", "notes": "clients/python/coordkit_balancer/example_library.py over stdio",
                         "capabilities": CAPABILITIES}
            elif op == "configure":
                config = {"backends": msg["backends"], "seed": msg.get("seed", 0) + 7919 * msg.get("incarnation", 0)}
                instance = LeastConnections(msg["backends"], config["seed"])
                reply = {"ok": True}
            elif op == "restart":
                instance = LeastConnections(config["backends"], config["seed"])
                reply = {"ok": True}
            elif op == "pick":
                try:
                    reply = {"ok": True, "backend": instance.pick(msg["request"])}
                except LookupError as e:
                    reply = {"ok": False, "rejected": str(e)}
            elif op == "done":
                instance.done(msg["request"])
                reply = {"ok": True}
            elif op == "membership":
                instance.membership(msg["backends"])
                config["backends"] = msg["backends"]
                reply = {"ok": True}
            else:
                reply = {"ok": False, "error": "unknown op %r" % op}
        except Exception as e:  # a crash is reported, not hidden
            reply = {"ok": False, "error": "%s: %s" % (type(e).__name__, e)}
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()

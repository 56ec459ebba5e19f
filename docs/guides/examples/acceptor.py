#!/usr/bin/env python3
"""The Paxos acceptor of docs/guides/validate-implementation.md, complete.

It speaks coordkit's drive protocol (docs/drive-protocol.md): one JSON request per line
on stdin, one JSON reply per line on stdout, logs on stderr. The guide's commands drive
it with `node bin/coordkit.mjs drive paxos --stdio "python3 docs/guides/examples/acceptor.py"`.
Two deliberate bugs show what a divergence looks like:
  --bug accept-below-promise   accept a proposal whose ballot is below the promise
  --bug forget-on-restart      lose the promise and the vote on a crash-restart
"""
import json
import sys

BUG = sys.argv[sys.argv.index("--bug") + 1] if "--bug" in sys.argv else None


class Acceptor:
    """Lamport's acceptor: Phase1b answers a prepare, Phase2b votes for an accept."""

    def __init__(self, node_id, learners):
        self.id, self.learners = node_id, learners
        self.max_bal, self.max_vbal, self.max_val = -1, -1, None  # -1: none yet

    def step(self, inp):
        if inp["kind"] != "receive":            # acceptors have no environment events
            return []
        sender, msg = inp["from"], inp["msg"]
        if msg["type"] == "prepare" and msg["ballot"] > self.max_bal:
            self.max_bal = msg["ballot"]
            voted = self.max_vbal >= 0
            return [{"type": "send", "to": [sender], "msg": {
                "type": "promise", "ballot": msg["ballot"],
                "acceptedBallot": self.max_vbal if voted else None,
                "acceptedValue": self.max_val if voted else None}}]
        if msg["type"] == "accept" and (msg["ballot"] >= self.max_bal or BUG == "accept-below-promise"):
            self.max_bal = max(self.max_bal, msg["ballot"])
            self.max_vbal, self.max_val = msg["ballot"], msg["value"]
            return [{"type": "send", "to": [sender] + self.learners, "msg": {
                "type": "accepted", "ballot": msg["ballot"], "value": msg["value"]}}]
        return []                               # anything else: ignore, change nothing

    def state(self):
        return {"maxBal": self.max_bal, "maxVBal": self.max_vbal, "maxVal": self.max_val}

    def restart(self):
        # An acceptor's promise and vote live in stable storage: a restart keeps them.
        if BUG == "forget-on-restart":
            self.max_bal, self.max_vbal, self.max_val = -1, -1, None


def handle(req, nodes):
    op = req["op"]
    if op == "hello":
        return {"name": "guide-acceptor", "roles": ["acceptor"]}
    if op == "reset":                           # a new path: forget everything
        nodes.clear()
        for n in req["config"]["nodes"]:
            if n["role"] == "acceptor":
                nodes[n["id"]] = Acceptor(n["id"], n["input"]["learners"])
        return {}
    node = nodes[req["node"]]
    if op == "step":
        return {"outputs": node.step(req["input"])}
    if op == "observe":
        return {"state": node.state()}
    if op == "restart":
        node.restart()
        return {}
    raise ValueError("unknown op %r" % op)


def main():
    nodes = {}
    for line in sys.stdin:
        req = {}
        try:
            req = json.loads(line)
            reply = {"ok": True, **handle(req, nodes)}
        except (KeyError, TypeError, ValueError) as err:
            reply = {"ok": False, "error": "%s: %s" % (type(err).__name__, err)}
        if "id" in req:                          # protocol version 2 numbers requests
            reply["id"] = req["id"]
        print(json.dumps(reply), flush=True)


if __name__ == "__main__":
    main()

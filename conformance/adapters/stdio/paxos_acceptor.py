#!/usr/bin/env python3
"""A Paxos acceptor speaking coordkit's drive protocol (docs/drive-protocol.md).

One JSON request per line on stdin, one JSON reply per line on stdout. The driver runs
the other roles (proposers, learners) itself and drives the acceptors through this
process. `--bug accept-below-promise` makes it accept any proposal, and
`--bug forget-on-restart` makes it lose its promise and vote on restart, to show the
driver catching a broken implementation. Every reply echoes the request's "id".
"""
import json
import sys


class Acceptor:
    def __init__(self, node_id, learners, bug=None):
        self.id = node_id
        self.learners = learners
        self.bug = bug
        self.max_bal = -1
        self.max_vbal = -1
        self.max_val = None

    def handle(self, inp):
        if inp.get("kind") != "receive":
            return []
        sender, msg = inp["from"], inp["msg"]
        if msg["type"] == "prepare" and msg["ballot"] > self.max_bal:
            self.max_bal = msg["ballot"]
            return [{
                "type": "send", "to": [sender],
                "msg": {
                    "type": "promise", "ballot": msg["ballot"],
                    "acceptedBallot": None if self.max_vbal < 0 else self.max_vbal,
                    "acceptedValue": self.max_val,
                },
            }]
        if msg["type"] == "accept" and (msg["ballot"] >= self.max_bal or self.bug == "accept-below-promise"):
            self.max_bal = max(self.max_bal, msg["ballot"])
            self.max_vbal = msg["ballot"]
            self.max_val = msg["value"]
            return [{
                "type": "send", "to": [sender] + self.learners,
                "msg": {"type": "accepted", "ballot": msg["ballot"], "value": msg["value"]},
            }]
        return []

    def observe(self):
        return {"maxBal": self.max_bal, "maxVBal": self.max_vbal, "maxVal": self.max_val}


def main():
    bug = sys.argv[sys.argv.index("--bug") + 1] if "--bug" in sys.argv else None
    nodes = {}
    for line in sys.stdin:
        req = None
        try:
            req = json.loads(line)
            op = req.get("op")
            if op == "hello":
                reply = {"ok": True, "name": "python-paxos-acceptor", "roles": ["acceptor"]}
            elif op == "reset":
                nodes = {
                    n["id"]: Acceptor(n["id"], n["input"]["learners"], bug)
                    for n in req["config"]["nodes"] if n["role"] == "acceptor"
                }
                reply = {"ok": True}
            elif op == "step":
                reply = {"ok": True, "outputs": nodes[req["node"]].handle(req["input"])}
            elif op == "observe":
                reply = {"ok": True, "state": nodes[req["node"]].observe()}
            elif op == "restart":
                # Acceptor state is stable storage: a restart keeps it (unless the bug forgets it).
                if bug == "forget-on-restart":
                    old = nodes[req["node"]]
                    nodes[req["node"]] = Acceptor(old.id, old.learners, bug)
                reply = {"ok": True}
            else:
                reply = {"ok": False, "error": "unknown op %r" % op}
        except (KeyError, TypeError, ValueError) as err:
            reply = {"ok": False, "error": "%s: %s" % (type(err).__name__, err)}
        if isinstance(req, dict) and "id" in req:
            reply["id"] = req["id"]
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()

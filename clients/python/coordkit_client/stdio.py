"""The `coordkit drive --stdio` loop (docs/drive-protocol.md, protocol version 2).

`serve(make_system, name, roles, observes=None, ballots="int")` reads one JSON request per
line on stdin and writes one reply per line on stdout, echoing the request's "id".
`make_system(config)` is called at every reset with the driver's configuration and
returns an object with:
    step(node, input) -> list of outputs
    observe(node)     -> the node's state (a dict), or None if it shows none
    restart(node)     -> None (the node crashed and comes back from stable storage)
Logs must go to stderr: anything else on stdout is a stray line the driver reports.
"""
import json
import sys
import traceback

PROTOCOL_VERSION = 2


def handle(req, state, make_system, hello):
    op = req.get("op")
    if op == "hello":
        return dict(hello)
    if op == "reset":
        state["system"] = make_system(req["config"])
        return {}
    system = state.get("system")
    if system is None:
        raise ValueError("%s before reset" % op)
    if op == "step":
        return {"outputs": system.step(req["node"], req["input"])}
    if op == "observe":
        s = system.observe(req["node"])
        return {} if s is None else {"state": s}
    if op == "restart":
        system.restart(req["node"])
        return {}
    raise ValueError("unknown op %r" % op)


def serve(make_system, name, roles, observes=None, ballots="int", stdin=None, stdout=None):
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    hello = {"name": name, "roles": list(roles), "ballots": ballots}
    if observes is not None:
        hello["observes"] = observes
    state = {}
    for line in stdin:
        if not line.strip():
            continue
        req = {}
        try:
            req = json.loads(line)
            reply = {"ok": True}
            reply.update(handle(req, state, make_system, hello))
        except Exception as err:  # a refusal names the error; the driver reports it
            traceback.print_exc(file=sys.stderr)
            reply = {"ok": False, "error": "%s: %s" % (type(err).__name__, err)}
        if isinstance(req, dict) and "id" in req:
            reply["id"] = req["id"]
        stdout.write(json.dumps(reply) + "\n")
        stdout.flush()

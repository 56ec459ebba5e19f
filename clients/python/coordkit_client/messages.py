"""Builders for what a node emits in one step, in coordkit's vocabulary (docs/drive-protocol.md)."""


def send(to, msg):
    """A message to one node or several: {"type": "send", "to": [...], "msg": msg}."""
    return {"type": "send", "to": list(to) if isinstance(to, (list, tuple)) else [to], "msg": msg}


def decide(value):
    """A learner's decision."""
    return {"type": "decide", "value": value}


def nack(to, ballot, promised):
    """A rejection carrying no obligation: the driver lists it, verify's safety checks ignore it."""
    return send(to, {"type": "nack", "ballot": ballot, "promised": promised})

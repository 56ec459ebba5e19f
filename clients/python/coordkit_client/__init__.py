"""coordkit's Python client: speak `coordkit drive --stdio` and record coordkit traces.

- stdio: the JSON-lines loop (docs/drive-protocol.md): hello, reset, step, observe, restart,
  replies echoing the request id.
- ballots: (number, node id) ballot pairs <-> the model's integer ballots.
- messages: output builders (send, decide, nack).
- recorder: an in-memory network with seeded delays, drops and duplicates that runs your
  nodes and writes a coordkit JSONL trace for `coordkit verify`.

Debian's python3 only: no third-party packages.
"""
from .ballots import BallotMap
from .messages import decide, nack, send
from .recorder import Network, TraceRecorder
from .stdio import serve

__all__ = ["BallotMap", "Network", "TraceRecorder", "decide", "nack", "send", "serve"]

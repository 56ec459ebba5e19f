"""Ballots as (number, node id) pairs, mapped to the model's integer ballots.

The driver hands the mapping to the implementation at reset (`config["ballotPairs"]`:
[{"ballot": 0, "pair": [1, "p1"]}, ...]). Pairs compare lexicographically (number, then
node id), which is the model's integer order. A recorded trace must use the model's
integers, so the recorder maps pairs back with the same table. `BallotMap.from_owners`
builds the table the way the driver does: each owner's ballots numbered from 1 in
increasing model order (or [ballot, owner] if that would not keep the order).
"""


class BallotMap:
    def __init__(self, pairs):
        """`pairs`: a list of {"ballot": int, "pair": [number, owner]}."""
        self.to_pair = {p["ballot"]: tuple(p["pair"]) for p in pairs}
        self.to_int = {tuple(p["pair"]): p["ballot"] for p in pairs}

    @classmethod
    def from_config(cls, config):
        return cls(config.get("ballotPairs") or [])

    @classmethod
    def from_owners(cls, owners):
        """`owners`: model ballot -> owning node id."""
        ballots = sorted(owners)
        counted = {}
        pairs = []
        for b in ballots:
            counted[owners[b]] = counted.get(owners[b], 0) + 1
            pairs.append((b, (counted[owners[b]], owners[b])))
        if any(pairs[i - 1][1] >= pairs[i][1] for i in range(1, len(pairs))):
            pairs = [(b, (b, owners[b])) for b in ballots]
        return cls([{"ballot": b, "pair": list(p)} for b, p in pairs])

    def pair(self, ballot):
        """Model integer -> (number, id); None stays None."""
        return None if ballot is None else self.to_pair[ballot]

    def int(self, pair):
        """(number, id) -> model integer; None stays None."""
        return None if pair is None else self.to_int[tuple(pair)]

    def ballots_of(self, owner):
        """The pairs `owner` may use, in order."""
        return sorted(p for p in self.to_int if p[1] == owner)


def as_pair(x):
    """A ballot as it arrives in JSON ([n, "id"] or null) as a comparable tuple."""
    return None if x is None else (x[0], x[1])


def as_json(pair):
    return None if pair is None else [pair[0], pair[1]]

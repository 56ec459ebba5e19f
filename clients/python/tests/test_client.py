"""Unit tests of coordkit_client and the example Paxos node (python3 -m unittest, run by npm test)."""
import io
import json
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
sys.path.insert(0, os.path.join(HERE, "..", "examples"))

from coordkit_client import BallotMap, Network, TraceRecorder, send  # noqa: E402
from coordkit_client.stdio import serve  # noqa: E402
import paxos_node  # noqa: E402


def session(requests, make_system, **hello):
    out = io.StringIO()
    serve(make_system, hello.pop("name", "t"), hello.pop("roles", ["acceptor"]), stdin=io.StringIO("".join(json.dumps(r) + "\n" for r in requests)), stdout=out, **hello)
    return [json.loads(line) for line in out.getvalue().splitlines()]


class Echo:
    def __init__(self, config):
        self.config = config

    def step(self, node, inp):
        return [send(inp["from"], {"type": "echo"})]

    def observe(self, node):
        return None

    def restart(self, node):
        pass


class StdioLoopTest(unittest.TestCase):
    def test_every_reply_echoes_its_request_id_including_refusals(self):
        replies = session([
            {"id": 7, "op": "hello", "version": 2},
            {"id": 8, "op": "step", "node": "a1", "input": {}},
            {"id": 9, "op": "reset", "config": {"nodes": []}},
            {"id": 10, "op": "step", "node": "a1", "input": {"kind": "receive", "from": "p1", "msg": {}}},
            {"id": 11, "op": "observe", "node": "a1"},
            {"id": 12, "op": "bogus"},
        ], Echo, observes={"acceptor": ["maxBal"]}, ballots="pair")
        self.assertEqual([r["id"] for r in replies], [7, 8, 9, 10, 11, 12])
        self.assertEqual(replies[0], {"ok": True, "id": 7, "name": "t", "roles": ["acceptor"], "ballots": "pair", "observes": {"acceptor": ["maxBal"]}})
        self.assertFalse(replies[1]["ok"])
        self.assertIn("before reset", replies[1]["error"])
        self.assertEqual(replies[3]["outputs"], [{"type": "send", "to": ["p1"], "msg": {"type": "echo"}}])
        self.assertNotIn("state", replies[4])
        self.assertIn("unknown op", replies[5]["error"])


class BallotMapTest(unittest.TestCase):
    def test_pairs_number_each_owners_ballots_from_1_as_the_driver_does(self):
        m = BallotMap.from_owners({0: "p1", 1: "p2", 2: "p1", 3: "p2"})
        self.assertEqual([m.pair(b) for b in range(4)], [(1, "p1"), (1, "p2"), (2, "p1"), (2, "p2")])
        self.assertEqual(m.int((2, "p1")), 2)
        self.assertEqual(m.ballots_of("p2"), [(1, "p2"), (2, "p2")])
        self.assertIsNone(m.pair(None))

    def test_falls_back_to_ballot_and_owner_when_counting_would_break_the_order(self):
        m = BallotMap.from_owners({0: "p2", 1: "p1"})
        self.assertEqual([m.pair(0), m.pair(1)], [(0, "p2"), (1, "p1")])


class RecorderTest(unittest.TestCase):
    def run_net(self, seed):
        rec = TraceRecorder("paxos", {"acceptors": ["a1"], "proposers": ["p1"], "values": ["v1"]})
        net = Network(rec, seed, drop=0.3, duplicate=0.3)
        for i in range(20):
            net.send("p1", ["a1", "a2"], {"type": "prepare", "ballot": i})
        while net.pending():
            net.next()
        return rec

    def test_the_same_seed_gives_the_same_trace_and_another_seed_another(self):
        self.assertEqual(self.run_net(3).text(), self.run_net(3).text())
        self.assertNotEqual(self.run_net(3).text(), self.run_net(4).text())

    def test_every_send_is_received_dropped_or_duplicated_as_recorded(self):
        rec = self.run_net(5)
        kinds = [e["kind"] for e in rec.events]
        self.assertEqual(kinds.count("send"), 20)
        self.assertEqual(kinds.count("receive"), 40 - kinds.count("drop") + kinds.count("duplicate"))
        self.assertGreater(kinds.count("drop"), 0)
        self.assertGreater(kinds.count("duplicate"), 0)
        self.assertEqual([e["seq"] for e in rec.events], list(range(1, len(rec.events) + 1)))
        self.assertEqual(json.loads(rec.text().splitlines()[0])["format"], "coordkit-trace")


def system(bug=None):
    config, _, _ = paxos_node.default_config(rounds=2)
    return paxos_node.PaxosSystem(config, bug)


def recv(frm, msg):
    return {"kind": "receive", "from": frm, "msg": msg}


class PaxosNodeTest(unittest.TestCase):
    def test_an_acceptor_nacks_a_stale_prepare_and_answers_a_duplicate_one_again(self):
        s = system()
        s.step("a1", recv("p2", {"type": "prepare", "ballot": [1, "p2"]}))
        again = s.step("a1", recv("p2", {"type": "prepare", "ballot": [1, "p2"]}))
        self.assertEqual(again[0]["msg"]["type"], "promise")
        stale = s.step("a1", recv("p1", {"type": "prepare", "ballot": [1, "p1"]}))
        self.assertEqual(stale[0]["msg"], {"type": "nack", "ballot": [1, "p1"], "promised": [1, "p2"]})
        self.assertEqual(s.observe("a1"), {"maxBal": [1, "p2"], "maxVBal": None, "maxVal": None})

    def test_a_learner_shows_only_its_decision(self):
        s = system()
        self.assertEqual(s.observe("l1"), {"decided": None})
        s.step("l1", recv("a1", {"type": "accepted", "ballot": [1, "p1"], "value": "v1"}))
        out = s.step("l1", recv("a2", {"type": "accepted", "ballot": [1, "p1"], "value": "v1"}))
        self.assertEqual(out, [{"type": "decide", "value": "v1"}])

    def test_a_free_proposer_adopts_a_value_heard_in_an_earlier_round(self):
        s = system()
        s.step("p1", {"kind": "event", "event": {"type": "start"}})
        s.step("p1", recv("a1", {"type": "promise", "ballot": [1, "p1"], "acceptedBallot": [1, "p2"], "acceptedValue": "v2"}))
        s.step("p1", recv("a2", {"type": "promise", "ballot": [1, "p1"], "acceptedBallot": None, "acceptedValue": None}))
        s.step("p1", {"kind": "event", "event": {"type": "start"}})
        s.step("p1", recv("a2", {"type": "promise", "ballot": [2, "p1"], "acceptedBallot": None, "acceptedValue": None}))
        out = s.step("p1", recv("a3", {"type": "promise", "ballot": [2, "p1"], "acceptedBallot": None, "acceptedValue": None}))
        self.assertEqual(out[0]["msg"], {"type": "accept", "ballot": [2, "p1"], "value": "v2"})

    def test_the_latest_ballot_only_learner_misses_a_value_chosen_in_an_older_ballot(self):
        for bug, decides in ((None, True), ("learner-latest-ballot-only", False)):
            s = system(bug)
            s.step("l1", recv("a1", {"type": "accepted", "ballot": [2, "p2"], "value": "v2"}))
            s.step("l1", recv("a1", {"type": "accepted", "ballot": [1, "p1"], "value": "v1"}))
            out = s.step("l1", recv("a2", {"type": "accepted", "ballot": [1, "p1"], "value": "v1"}))
            self.assertEqual(out == [{"type": "decide", "value": "v1"}], decides, bug)

    def test_recorded_runs_are_deterministic_per_seed_and_use_the_models_integer_ballots(self):
        a = paxos_node.record_run(4).text()
        self.assertEqual(a, paxos_node.record_run(4).text())
        ballots = {json.loads(l)["msg"].get("ballot") for l in a.splitlines()[1:] if "msg" in json.loads(l)}
        self.assertTrue(all(isinstance(b, int) for b in ballots), ballots)


if __name__ == "__main__":
    unittest.main()

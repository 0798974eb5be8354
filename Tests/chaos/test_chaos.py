"""The short chaos run, as a test: 40 documents, one of every kind of hostile entry, three SIGKILLs of random
services and one Redis restart, on a local mesh of the built services (MESH_BIN_DIR or BIN, default
.build/debug). Asserts on the runner's JSON summary. `make test-chaos`; the full run is `make chaos`.
The batches are spread over 15 s: the mesh reviews 40 documents in a few seconds, and a run that ended
before its kills (seen once, 8.9 s with 0 kills) would prove nothing about them."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(os.environ.get("MESH_BIN_DIR") or os.environ.get("BIN") or ROOT / ".build" / "debug")
DOCS = 40


def test_short_chaos_run_loses_nothing(tmp_path):
    for exe in ("mesh-producer", "mesh-coordinator", "mesh-specialist", "mesh-aggregator"):
        assert (BIN / exe).exists(), f"{BIN / exe} is missing: run make build"
    out = tmp_path / "summary.json"
    run = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("chaos.py")), "--docs", str(DOCS), "--batch", "5", "--seed", "7",
         "--hostile-rounds", "1", "--oversize", "0", "--huge", "0", "--max-kills", "3", "--kill-interval", "3", "--spread", "15",
         "--redis-restarts", "1", "--timeout", "240", "--drain", "30", "--bin", str(BIN), "--json", str(out)],
        capture_output=True, text=True, timeout=420)
    assert out.exists(), f"no summary; exit {run.returncode}\n{run.stdout[-4000:]}\n{run.stderr[-4000:]}"
    s = json.loads(out.read_text())
    context = run.stdout[-3000:]

    assert s["documents_submitted"] == DOCS, context
    assert s["reports"]["complete"] == DOCS, context
    assert s["reports"]["incomplete"] == 0 and s["reports"]["missing"] == 0, context
    assert s["duplicates"] == {} and s["unexpected_reports"] == [], context
    assert s["pending"] == 0 and s["lag"] == 0, context
    assert all(g["length"] == 0 for g in s["groups"].values()), f"work streams not trimmed: {s['groups']}"
    # every hostile entry is in doc.deadletter, from the stream it was written to, with the reason for it
    assert s["hostile"]["written"] >= 20 and s["hostile"]["missed"] == [], json.dumps(s["hostile"]["missed"], indent=1)
    assert s["hostile"]["dead_lettered_as_expected"] == s["hostile"]["written"]
    assert s["other_deadletters"] == [], s["other_deadletters"]
    assert s["kills"] == 3 and s["recovery"]["unrecovered"] == [], context
    assert s["supervisor_restarts"] >= 3, context
    assert len(s["redis_restarts"]) == 1 and s["redis_restarts"][0].get("recovery_s") is not None, context
    assert s["redis"]["leftover_results_keys"] == [] and s["redis"]["keys_left"] == [], s["redis"]
    assert s["targets"]["Redis memory back near its start"], s["redis"]
    assert s["ok"] and run.returncode == 0, context

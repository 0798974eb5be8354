#!/usr/bin/env bash
# make bench-mesh: the mesh next to one in-process run (mesh-agents) and the Python peer (../shared/peers,
# streams-tuned), on the same documents, in one run; release build. Prints paragraphs/s, CPU seconds per process
# and Redis, messaging CPU / analysis CPU, closed-loop p50/p99, peak RSS, and the ratio to each target of issue 12.
#   DOCS      folder of documents (default ../shared/eval/docs); the corpus is built from it as corpus.py real does
#   SLOWEST   the specialist given a second replica in the second mesh run (default grammar)
#   BENCH_ARGS more flags for bench.py (--no-peer, --json FILE)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
exec python3 "$ROOT/Deploy/local/bench.py" --bin "${BIN:-$ROOT/.build/release}" --docs "${DOCS:-$ROOT/../shared/eval/docs}" \
    --slowest "${SLOWEST:-grammar}" ${BENCH_ARGS:-}

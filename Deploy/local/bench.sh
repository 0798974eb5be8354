#!/usr/bin/env bash
# Mesh throughput, end to end: the same documents reviewed (1) in one process by `mesh-agents` (all four
# specialists, no Redis: the baseline) and (2) through a local mesh (producer → coordinator → specialists →
# aggregator over Redis Streams, `mesh-producer --wait`), in the same run, release build.
#   DOCS      folder of .md/.txt documents (default ../shared/eval/docs)
#   REPLICAS  specialist replicas of each type in the mesh (default 1)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BIN=${BIN:-$ROOT/.build/release}
DOCS=${DOCS:-$ROOT/../shared/eval/docs}
REPLICAS=${REPLICAS:-1}
export STATE=${STATE:-$ROOT/.mesh-bench}

mapfile -t files < <(find "$DOCS" -type f \( -name '*.md' -o -name '*.txt' \) | sort)
((${#files[@]})) || { echo "bench.sh: no .md or .txt files under $DOCS" >&2; exit 2; }
bytes=$(cat "${files[@]}" | wc -c)
now() { date +%s.%N; }
rate() { python3 -c "import sys; b,s=float(sys.argv[1]),float(sys.argv[2]); print(f'{b/s/1e6:.2f}')" "$1" "$2"; }

echo "documents: ${#files[@]} files, $bytes bytes, from $DOCS" >&2

start=$(now)
"$BIN/mesh-agents" --type all "${files[@]}" > "$STATE.baseline.out" || true
baseline=$(python3 -c "print($(now) - $start)")

BIN=$BIN SPECIALIST_REPLICAS=$REPLICAS "$ROOT/Deploy/local/mesh.sh" up
trap 'BIN=$BIN "$ROOT/Deploy/local/mesh.sh" down' EXIT
start=$(now)
BIN=$BIN PRODUCER_ARGS="--fail-on none --output-format json" TIMEOUT=1200 "$ROOT/Deploy/local/mesh.sh" submit "${files[@]}" > "$STATE.mesh.out"
mesh=$(python3 -c "print($(now) - $start)")
findings=$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); r=d.get('reports',[d]); print(sum(len(x['suggestions']) for x in r))" "$STATE.mesh.out")

printf '\n%-44s %10s %10s %10s\n' "review of ${#files[@]} documents ($bytes bytes)" seconds "MB/s" "docs/s"
printf '%-44s %10.2f %10s %10.1f\n' "baseline: mesh-agents, one process, no Redis" "$baseline" "$(rate "$bytes" "$baseline")" "$(python3 -c "print(${#files[@]}/$baseline)")"
printf '%-44s %10.2f %10s %10.1f\n' "mesh: 4 specialist types x $REPLICAS, over Redis" "$mesh" "$(rate "$bytes" "$mesh")" "$(python3 -c "print(${#files[@]}/$mesh)")"
printf '%-44s %10s\n' "mesh / baseline throughput" "$(python3 -c "print(f'{$baseline/$mesh:.2f}x')")"
printf '%-44s %10s\n' "suggestions in the mesh's reports" "$findings"
rm -f "$STATE.baseline.out" "$STATE.mesh.out"

#!/usr/bin/env bash
# make kube-play / make kube-down: the dev overlay under podman (Deploy/README.md, "The dev overlay
# under podman").
#   kube-play.sh up            render Deploy/overlays/dev, translate it (kube_play.py), play it on the
#                              podman network $KUBE_NETWORK, wait until every consumer group exists
#   kube-play.sh review FILE   play one producer pod (the CronJob's Job template) reviewing FILE; print its report
#   kube-play.sh down          remove every pod, volume and network that up and review made
# Environment: CONTAINER_TOOL (podman), KUBECTL, REDIS_IMAGE, KUBE_NETWORK (agentic-mesh), KUBE_DIR.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
tool=${CONTAINER_TOOL:-podman}
kubectl=${KUBECTL:-kubectl}
net=${KUBE_NETWORK:-agentic-mesh}
dir=${KUBE_DIR:-$ROOT/render/kube-play}
redis_image=${REDIS_IMAGE:-localhost/mesh-redis:bookworm}
translate="python3 $ROOT/Deploy/images/kube_play.py"

# redis-cli in the Redis pod's container (kube play names it <pod>-<container>).
rcli() { $tool exec redis-redis redis-cli "$@" 2> /dev/null; }

ready() {
    rcli XINFO GROUPS doc.chunks | grep -q coordinator-group || return 1
    for t in grammar clarity tone structure; do
        rcli XINFO GROUPS "doc.review.$t" | grep -q "$t-group" || return 1
        rcli XINFO GROUPS "doc.suggestions.$t" | grep -q aggregator-group || return 1
    done
}

up() {
    [[ $(basename "$tool") == podman* ]] || { echo "kube-play needs podman (CONTAINER_TOOL=$tool)" >&2; exit 2; }
    mkdir -p "$dir"
    $kubectl kustomize "$ROOT/Deploy/overlays/dev" > "$dir/dev.yaml"
    $translate mesh "$dir/dev.yaml" "$redis_image" > "$dir/mesh.yaml"
    $tool network exists "$net" || $tool network create "$net" > /dev/null
    $tool kube play --network "$net" "$dir/mesh.yaml" >&2
    for _ in $(seq 600); do ready && { echo "mesh is up under podman kube play (network $net)" >&2; return 0; }; sleep 0.2; done
    echo "kube-play: the services did not become ready; logs:" >&2
    $tool pod ps >&2
    for c in $($tool ps -a --format '{{.Names}}' --filter "network=$net"); do echo "--- $c" >&2; $tool logs --tail 20 "$c" >&2 || true; done
    exit 1
}

review() {
    local file=${1:?usage: kube-play.sh review FILE} name status
    [[ -f $file ]] || { echo "kube-play: no such file: $file" >&2; exit 2; }
    [[ -f $dir/dev.yaml ]] || { echo "kube-play: not up (run make kube-play)" >&2; exit 1; }
    name="review-$(date +%s)-$$"
    $translate review "$dir/dev.yaml" "$file" "$name" > "$dir/$name.yaml"
    $tool kube play --network "$net" "$dir/$name.yaml" > /dev/null
    status=$($tool wait "$name-producer")
    $tool logs "$name-producer" 2> /dev/null
    $tool kube down "$dir/$name.yaml" > /dev/null
    rm -f "$dir/$name.yaml"
    # The producer's status, as make run's: 1 when a finding reaches --fail-on (error), 2+ when the review failed.
    [[ $status == 0 ]] || { echo "kube-play: the producer exited $status" >&2; exit "$status"; }
}

down() {
    local f
    if [[ -d $dir ]]; then
        for f in "$dir"/review-*.yaml "$dir/mesh.yaml"; do
            [[ -f $f ]] && $tool kube down "$f" > /dev/null 2>&1 || true
        done
        # Volumes kube play made, which kube down keeps: one per PersistentVolumeClaim and per ConfigMap.
        if [[ -f $dir/mesh.yaml ]]; then
            for v in $(python3 -c 'import sys, yaml; [print(d["metadata"]["name"]) for d in yaml.safe_load_all(open(sys.argv[1])) if d and d["kind"] in ("PersistentVolumeClaim", "ConfigMap")]' "$dir/mesh.yaml"); do
                $tool volume rm -f "$v" > /dev/null 2>&1 || true
            done
        fi
    fi
    $tool network exists "$net" && $tool network rm -f "$net" > /dev/null
    rm -rf "$dir"
    echo "kube-play: everything removed" >&2
}

cmd=${1:-}; shift || true
case $cmd in
    up) up ;;
    review) review "$@" ;;
    down) down ;;
    *) sed -n '2,9p' "$0" >&2; exit 2 ;;
esac

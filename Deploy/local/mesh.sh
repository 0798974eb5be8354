#!/usr/bin/env bash
# A local mesh on one machine: redis-server, the coordinator, the four specialists and the aggregator as
# separate processes, as in Kubernetes but without it. Used by `make run`, `make up` and `make down`.
# As a Deployment would, each service is restarted when it exits (after 1 s, doubling to 30 s while it keeps
# failing), and the restart is said on standard error and in logs/supervisor.log. Redis keeps an AOF in the
# state folder, so a Redis restart loses nothing that was acknowledged.
#
#   mesh.sh up                  start everything (a private redis-server unless REDIS_HOST is set)
#   mesh.sh submit FILE...      review files on the running mesh and print the reports
#   mesh.sh down                stop everything `up` started
#   mesh.sh run FILE...         up, submit, down (the mesh is stopped even when the review fails)
#
# Environment: BIN (folder of the service executables), STATE (default .mesh-local), SPECIALIST_REPLICAS
# (replicas of each specialist, default 1; GRAMMAR_REPLICAS... for one type), REDIS_HOST/REDIS_PORT
# (use that Redis instead of starting one; services reach the one it starts through a Unix socket, REDIS_SOCKET in
# the state folder's env, unless MESH_TCP=1), PRODUCER_ARGS (extra producer flags, e.g. --output-format json),
# READY_TRIES (checks, 50 ms apart, that the services are ready; default 200: raise it for services under valgrind).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BIN=${BIN:-$ROOT/.build/debug}
STATE=${STATE:-$ROOT/.mesh-local}
SPECIALISTS=(grammar clarity tone structure)

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

load_env() {
    [[ -f $STATE/env ]] || { echo "mesh.sh: no local mesh is running (run: make up)" >&2; exit 1; }
    # shellcheck disable=SC1091
    source "$STATE/env"
    export REDIS_HOST REDIS_PORT REDIS_DB REDIS_SOCKET
}

# Runs a service and starts it again whenever it exits, until `down` asks the mesh to stop.
supervise() { # name, command...
    local name=$1; shift
    local delay=1 code started
    while [[ ! -f $STATE/stopping ]]; do
        started=$SECONDS
        HTTP_PORT=0 CONSUMER_NAME="local-$name" "$@" </dev/null >>"$STATE/logs/$name.log" 2>&1 &
        echo $! >"$STATE/pids/$name"
        code=0
        wait $! || code=$?
        [[ -f $STATE/stopping ]] && break
        # A service that ran a while before exiting starts again after 1 s; one that keeps failing, later each time.
        if ((SECONDS - started > 30)); then delay=1; fi
        echo "mesh.sh: $name exited with status $code; restarting it in $delay s (log: $STATE/logs/$name.log)" \
            | tee -a "$STATE/logs/supervisor.log" >&2
        sleep "$delay"
        delay=$((delay * 2 > 30 ? 30 : delay * 2))
    done
}

start() { # name, command...
    local name=$1
    supervise "$@" &
    echo $! >"$STATE/supervisors/$name"
    for _ in $(seq 100); do [[ -f $STATE/pids/$name ]] && break; sleep 0.01; done
}

up() {
    if [[ -f $STATE/env ]]; then echo "mesh.sh: already up ($STATE); run: make down" >&2; exit 1; fi
    for exe in mesh-coordinator mesh-specialist mesh-aggregator mesh-producer; do
        [[ -x $BIN/$exe ]] || { echo "mesh.sh: $BIN/$exe is missing; run: make build" >&2; exit 1; }
    done
    mkdir -p "$STATE/logs" "$STATE/pids" "$STATE/supervisors"
    rm -f "$STATE/stopping"
    if [[ -z ${REDIS_HOST:-} ]]; then
        REDIS_HOST=127.0.0.1
        REDIS_PORT=$(free_port)
        mkdir -p "$STATE/redis"
        # AOF, fsync'ed every second: a restarted Redis (SIGTERM writes the AOF out) loses nothing acknowledged.
        # Services on this machine connect through a Unix socket: loopback TCP costs Redis and every service the
        # kernel's TCP path for each command and reply (MESH_TCP=1 keeps them on TCP; a path too long for a
        # socket address does too).
        local socket=() path
        path=$(cd "$STATE/redis" && pwd)/redis.sock
        REDIS_SOCKET=""
        if [[ -z ${MESH_TCP:-} && ${#path} -le 107 ]]; then
            REDIS_SOCKET=$path
            socket=(--unixsocket "$REDIS_SOCKET" --unixsocketperm 700)
        fi
        redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --dir "$STATE/redis" --save "" "${socket[@]}" \
            --appendonly yes --appendfsync everysec \
            --daemonize no --logfile "$STATE/logs/redis.log" </dev/null >/dev/null 2>&1 &
        echo $! >"$STATE/pids/redis"
        for _ in $(seq "${READY_TRIES:-100}"); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.05; done
    fi
    REDIS_PORT=${REDIS_PORT:-6379}
    REDIS_DB=${REDIS_DB:-0}
    # Services would only retry against a Redis that is not there, and `up` wait for them in vain.
    if ! redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" ping >/dev/null 2>&1; then
        echo "mesh.sh: no Redis answers at $REDIS_HOST:$REDIS_PORT (REDIS_HOST is set, or ours did not start: $STATE/logs/redis.log)" >&2
        [[ -f $STATE/pids/redis ]] && kill -TERM "$(cat "$STATE/pids/redis")" 2>/dev/null
        exit 1
    fi
    printf 'REDIS_HOST=%s\nREDIS_PORT=%s\nREDIS_DB=%s\n' "$REDIS_HOST" "$REDIS_PORT" "$REDIS_DB" >"$STATE/env"
    [[ -n ${REDIS_SOCKET:-} ]] && printf 'REDIS_SOCKET=%s\n' "$REDIS_SOCKET" >>"$STATE/env"
    export REDIS_HOST REDIS_PORT REDIS_DB REDIS_SOCKET
    start coordinator "$BIN/mesh-coordinator"
    for type in "${SPECIALISTS[@]}"; do
        local per_type="${type^^}_REPLICAS" # GRAMMAR_REPLICAS=2: that specialist alone gets more
        for replica in $(seq "${!per_type:-${SPECIALIST_REPLICAS:-1}}"); do
            start "$type-$replica" "$BIN/mesh-specialist" --type "$type"
        done
    done
    start aggregator "$BIN/mesh-aggregator"
    # Ready when every consumer group exists.
    for _ in $(seq "${READY_TRIES:-200}"); do
        local ready=1
        redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" XINFO GROUPS doc.chunks 2>/dev/null | grep -q coordinator-group || ready=0
        for type in "${SPECIALISTS[@]}"; do
            redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" XINFO GROUPS "doc.review.$type" 2>/dev/null | grep -q "$type-group" || ready=0
            redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" XINFO GROUPS "doc.suggestions.$type" 2>/dev/null | grep -q aggregator-group || ready=0
        done
        if ((ready)); then
            echo "mesh is up: redis $REDIS_HOST:$REDIS_PORT, logs in $STATE/logs" >&2
            return 0
        fi
        sleep 0.05
    done
    # `down` removes the state folder: the logs are kept elsewhere first, and their ends shown.
    local kept
    kept=$(mktemp -d "${TMPDIR:-/tmp}/mesh-logs.XXXXXX")
    cp -r "$STATE/logs/." "$kept/"
    echo "mesh.sh: services did not become ready; their logs are kept in $kept" >&2
    for log in "$kept"/*.log; do
        [[ -s $log ]] && { echo "--- $(basename "$log") (last lines)" >&2; tail -n 5 "$log" >&2; }
    done
    down
    exit 1
}

submit() {
    load_env
    (($#)) || { echo "usage: mesh.sh submit FILE..." >&2; exit 2; }
    # shellcheck disable=SC2086
    "$BIN/mesh-producer" --wait --timeout "${TIMEOUT:-300}" ${PRODUCER_ARGS:-} "$@"
}

down() {
    [[ -d $STATE/pids ]] || { echo "mesh.sh: nothing to stop" >&2; return 0; }
    local pid
    # Supervisors stop restarting; services first (they finish the batch in hand), Redis last.
    touch "$STATE/stopping"
    for file in "$STATE"/pids/*; do
        [[ $(basename "$file") == redis ]] || kill -TERM "$(cat "$file")" 2>/dev/null || true
    done
    for file in "$STATE"/pids/*; do
        [[ $(basename "$file") == redis ]] && continue
        pid=$(cat "$file")
        for _ in $(seq 250); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$pid" 2>/dev/null || true
    done
    for file in "$STATE"/supervisors/*; do
        [[ -f $file ]] || continue
        pid=$(cat "$file")
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$pid" 2>/dev/null || true
    done
    for file in "$STATE"/pids/redis; do
        [[ -f $file ]] || continue
        pid=$(cat "$file")
        kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 250); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$pid" 2>/dev/null || true
    done
    rm -rf "$STATE"
    echo "mesh is down" >&2
}

run() {
    up
    trap down EXIT
    submit "$@"
}

command=${1:-}
shift || true
case $command in
    up) up ;;
    down) down ;;
    submit) submit "$@" ;;
    run) run "$@" ;;
    *) sed -n '2,15p' "$0" >&2; exit 2 ;;
esac

#!/usr/bin/env bash
# Builds and runs the libFuzzer targets in Tests/Fuzz/ (see Tests/Fuzz/README.md). Called by the Makefile:
#   fuzz.sh build                 build every target ($FUZZ_CONFIG, default release; -sanitize=fuzzer) into $FUZZ_BUILD_DIR
#   fuzz.sh run [target...]       fuzz each target for $FUZZ_SECONDS on its corpus; a crash is kept in
#                                 Tests/Fuzz/Regressions/<target>/ and the run fails
#   fuzz.sh regress [target...]   replay every file of Tests/Fuzz/Corpus/* and Tests/Fuzz/Regressions/* through each target
#   fuzz.sh merge [target...]     merge what runs found (.build-fuzz/corpus/<target>) into Tests/Fuzz/Corpus/<target>,
#                                 keeping only inputs that add coverage
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$(dirname "$HERE")")"
SWIFT="${SWIFT:-swift}"
BUILD_DIR="${FUZZ_BUILD_DIR:-$ROOT/.build-fuzz}"
# release for fuzzing (5-7 times the executions per second of debug); debug builds in a third of the time,
# which suits a replay and a short run (make test-fuzz).
CONFIG="${FUZZ_CONFIG:-release}"
SECONDS_PER_TARGET="${FUZZ_SECONDS:-60}"
# A hang is a crash: an input that takes longer than this many seconds is kept like one.
TIMEOUT="${FUZZ_TIMEOUT:-10}"
RSS_LIMIT_MB="${FUZZ_RSS_LIMIT_MB:-2048}"
SEED="${FUZZ_SEED:-}"
# FUZZ_FRESH=1: start from the checked-in corpus only and throw away what the run finds (make test-fuzz), so
# the short run does the same work in a fresh clone and in a worktree that has fuzzed for hours.
FRESH="${FUZZ_FRESH:-}"
ALL_TARGETS="chunker wire inflate config grammar clarity tone structure"
# libFuzzer handles a crash itself (it writes the input out); Swift's backtracer would take the signal first.
export SWIFT_BACKTRACE="${SWIFT_BACKTRACE:-enable=no}"

command="${1:-}"
shift || true
targets="${*:-${FUZZ_TARGETS:-$ALL_TARGETS}}"
for target in $targets; do
    case " $ALL_TARGETS " in *" $target "*) ;; *) echo "unknown fuzz target '$target' (one of: $ALL_TARGETS)" >&2; exit 2 ;; esac
done

bin() { echo "$BUILD_DIR/$CONFIG/fuzz-$1"; }

# The libFuzzer dictionary of a target: tokens worth splicing into its inputs.
dict() {
    case "$1" in
        wire) echo "-dict=$HERE/Dictionaries/json.dict" ;;
        chunker) echo "-dict=$HERE/Dictionaries/markdown.dict" ;;
        grammar | clarity | tone | structure)
            # Markdown and prose for the chunked modes, JSON for the chunk-off-the-wire mode.
            cat "$HERE/Dictionaries/markdown.dict" "$HERE/Dictionaries/json.dict" > "$BUILD_DIR/specialist.dict"
            echo "-dict=$BUILD_DIR/specialist.dict" ;;
    esac
}

build() {
    rm -f "$BUILD_DIR/$CONFIG/description.json"
    "$SWIFT" build -c "$CONFIG" --package-path "$HERE" --scratch-path "$BUILD_DIR" \
        -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library
}

# The figure after `name:` in a libFuzzer status line.
field() { sed -n "s/.* $1: *\([0-9]*\).*/\1/p" <<<"$2"; }

run() {
    local failed=0 target
    for target in $targets; do
        local corpus="$HERE/Corpus/$target" found="$BUILD_DIR/corpus/$target" artifacts="$BUILD_DIR/artifacts/$target"
        if [ -n "$FRESH" ]; then found="$BUILD_DIR/corpus-fresh/$target"; rm -rf "$found"; fi
        local regressions="$HERE/Regressions/$target" log="$BUILD_DIR/logs/$target.log"
        mkdir -p "$corpus" "$found" "$artifacts" "$regressions" "$(dirname "$log")"
        rm -f "$artifacts"/*
        local before
        before=$(find "$found" -type f | wc -l)
        local status=0
        # New inputs go to the first folder (scratch); the checked-in corpus and the regressions are read only.
        "$(bin "$target")" -max_total_time="$SECONDS_PER_TARGET" -timeout="$TIMEOUT" -rss_limit_mb="$RSS_LIMIT_MB" \
            -print_final_stats=1 -artifact_prefix="$artifacts/" ${SEED:+-seed=$SEED} $(dict "$target") \
            "$found" "$corpus" "$regressions" > "$log" 2>&1 || status=$?
        local last runs seconds cov ft crashes=0 file kept=""
        last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
        runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
        seconds=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -1)
        cov=$(field cov "$last")
        ft=$(field ft "$last")
        for file in "$artifacts"/*; do
            [ -f "$file" ] || continue
            crashes=$((crashes + 1))
            cp "$file" "$regressions/"
            kept="$kept Tests/Fuzz/Regressions/$target/$(basename "$file")"
        done
        if [ "$status" -ne 0 ] && [ "$crashes" -eq 0 ]; then crashes=1; kept=" (exit $status, no input saved)"; fi
        local after
        after=$(find "$found" -type f | wc -l)
        printf '%-10s %9s runs in %3ss (%s/s), coverage %s edges %s features, %s new corpus entries, %s crashes%s\n' \
            "$target" "${runs:-?}" "${seconds:-?}" "$([ -n "$runs" ] && [ "${seconds:-0}" -gt 0 ] && echo $((runs / seconds)) || echo '?')" \
            "${cov:-?}" "${ft:-?}" "$((after - before))" "$crashes" "$kept"
        if [ "$crashes" -ne 0 ]; then
            failed=1
            grep -E 'FUZZ INVARIANT|Fatal error|ERROR: libFuzzer' "$log" | head -3 | sed 's/^/    /'
            echo "    log: $log"
        fi
    done
    return "$failed"
}

regress() {
    local failed=0 target dirs=()
    for dir in "$HERE"/Corpus/* "$HERE"/Regressions/*; do [ -d "$dir" ] && dirs+=("$dir"); done
    for target in $targets; do
        local log="$BUILD_DIR/logs/$target.regress.log"
        mkdir -p "$(dirname "$log")"
        # -runs=0: execute every input of the folders once, then stop.
        if "$(bin "$target")" -runs=0 -timeout="$TIMEOUT" -rss_limit_mb="$RSS_LIMIT_MB" "${dirs[@]}" > "$log" 2>&1; then
            printf '%-10s %s inputs replayed, all pass\n' "$target" "$(find "${dirs[@]}" -type f | wc -l)"
        else
            failed=1
            printf '%-10s FAILED replaying the corpora and regressions (log: %s)\n' "$target" "$log"
            grep -E 'FUZZ INVARIANT|Fatal error|ERROR: libFuzzer|Running:' "$log" | tail -3 | sed 's/^/    /'
        fi
    done
    return "$failed"
}

merge() {
    local target
    for target in $targets; do
        local corpus="$HERE/Corpus/$target" found="$BUILD_DIR/corpus/$target"
        mkdir -p "$corpus" "$found"
        local before
        before=$(find "$corpus" -type f | wc -l)
        "$(bin "$target")" -merge=1 -timeout="$TIMEOUT" -rss_limit_mb="$RSS_LIMIT_MB" "$corpus" "$found" \
            > "$BUILD_DIR/logs/$target.merge.log" 2>&1
        echo "$target: Tests/Fuzz/Corpus/$target $before -> $(find "$corpus" -type f | wc -l) files"
    done
}

case "$command" in
    build) build ;;
    run) run ;;
    regress) regress ;;
    merge) merge ;;
    *) echo "usage: $0 build|run|regress|merge [target...]" >&2; exit 2 ;;
esac

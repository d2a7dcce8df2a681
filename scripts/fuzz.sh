#!/usr/bin/env bash
# Fuzz one stage with libFuzzer and AddressSanitizer.
#
#   scripts/fuzz.sh TARGET SECONDS [libFuzzer options…]
#   scripts/fuzz.sh all SECONDS      every target in turn, SECONDS each
#   scripts/fuzz.sh list             the targets
#
# Targets: decoder, segmenter, extractor (one document), graphjson (the graph JSON reader),
# dot (the DOT writer, read back by Graphviz), docx, pdf, html (the document readers).
# Builds into .build-fuzz (apart from the ordinary build), seeds .build-fuzz/corpus/TARGET from
# Examples/ (and the test fixtures for the formats Examples/ has none of), and keeps what
# libFuzzer finds there, so a later run goes on from it. A crash, a leak or a failed property
# leaves its input in .build-fuzz/crashes/TARGET and makes the script exit 1.
set -euo pipefail
cd "$(dirname "$0")/.."

TARGETS=(decoder segmenter extractor graphjson dot docx pdf html)
SCRATCH=.build-fuzz
BIN="$SCRATCH/debug/twingraph-fuzz"

usage() { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

[[ $# -ge 1 ]] || usage
if [[ $1 == list ]]; then printf '%s\n' "${TARGETS[@]}"; exit 0; fi
[[ $# -ge 2 && $2 =~ ^[0-9]+$ ]] || usage
target=$1 seconds=$2; shift 2
if [[ $target != all && ! " ${TARGETS[*]} " =~ " $target " ]]; then
    echo "fuzz.sh: unknown target '$target' (one of: ${TARGETS[*]}, all)" >&2; exit 2
fi

# build: the fuzz driver with libFuzzer and AddressSanitizer; its log in $SCRATCH/build.log.
build() {
    mkdir -p "$SCRATCH"
    echo "== build $BIN (log: $SCRATCH/build.log)" >&2
    if ! TWINGRAPH_FUZZ=1 swift build --scratch-path "$SCRATCH" --product twingraph-fuzz \
        -Xswiftc -sanitize=fuzzer,address > "$SCRATCH/build.log" 2>&1; then
        grep -v 'Cannot export local symbol' "$SCRATCH/build.log" | tail -n 30 >&2
        echo "fuzz.sh: the build failed" >&2
        exit 1
    fi
}

# seed NAME: the seed inputs of target NAME, into $SCRATCH/corpus/NAME (once).
seed() {
    local dir="$SCRATCH/corpus/$1"
    [[ -d $dir ]] && return
    mkdir -p "$dir"
    case $1 in
    decoder|segmenter|extractor)
        # pieces of the example reports: libFuzzer works best on small inputs
        for report in Examples/corpus/*.txt; do
            split -b 2048 -d -a 3 "$report" "$dir/$(basename "$report" .txt)-"
        done
        [[ $1 == decoder ]] || return 0
        for report in Examples/corpus/*.txt; do
            head -c 4096 "$report" | iconv -c -f UTF-8 -t CP1251 2>/dev/null > "$dir/$(basename "$report" .txt)-cp1251" || true
            head -c 4096 "$report" | iconv -c -f UTF-8 -t KOI8-R 2>/dev/null > "$dir/$(basename "$report" .txt)-koi8r" || true
            head -c 4096 "$report" | iconv -c -f UTF-8 -t UTF-16 2>/dev/null > "$dir/$(basename "$report" .txt)-utf16" || true
        done ;;
    graphjson)
        cp Tests/ReportsTests/Fixtures/*.json "$dir/"
        if [[ -x .build/debug/twingraph ]]; then
            for report in Examples/corpus/*.txt; do
                head -c 3000 "$report" > "$SCRATCH/seed.txt"
                .build/debug/twingraph extract "$SCRATCH/seed.txt" > "$dir/$(basename "$report" .txt).json" 2>/dev/null || true
            done
        fi ;;
    dot)
        # lines of the example reports: names, countries and years as the extractor sees them
        for report in Examples/corpus/*.txt; do
            head -n 24 "$report" > "$dir/$(basename "$report" .txt)-head"
        done ;;
    docx|pdf|html)
        cp "Tests/DocumentsTests/Fixtures/sample.$1" "$dir/" ;;
    esac
}

# run NAME: fuzz target NAME for $seconds seconds.
run() {
    local name=$1 crashes="$SCRATCH/crashes/$1"
    shift
    seed "$name"
    mkdir -p "$crashes"
    local max_len=4096
    [[ $name == docx || $name == pdf ]] && max_len=65536
    local log="$SCRATCH/logs/$name.log" status=0
    mkdir -p "$SCRATCH/logs"
    echo "== fuzz $name for ${seconds}s (full log: $log)" >&2
    TWINGRAPH_FUZZ_TARGET=$name SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 \
        "$BIN" -max_total_time="$seconds" -max_len="$max_len" -timeout=25 -rss_limit_mb=4096 \
        -print_final_stats=1 -artifact_prefix="$crashes/" "$@" "$SCRATCH/corpus/$name" > "$log" 2>&1 || status=$?
    grep -E '^(#[0-9]+ +(INITED|DONE)|stat::number_of_executed_units|==[0-9]+==ERROR|property failed|SUMMARY|Fatal error|Test unit written|Done [0-9]+ runs)' "$log" >&2 || true
    [[ $status -eq 0 ]] || echo "fuzz $name: FAILED (exit $status); the input is in $crashes" >&2
    return "$status"
}

build
if [[ $target == all ]]; then
    failed=0
    for name in "${TARGETS[@]}"; do run "$name" "$@" || failed=1; done
    exit $failed
fi
run "$target" "$@"

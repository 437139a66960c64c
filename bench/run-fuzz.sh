#!/usr/bin/env bash
# run-fuzz.sh [SECONDS]: builds the CSV reader's libFuzzer target with clang
# and AddressSanitizer and runs it for a bounded time (default 60 s) on the
# seed corpus. A crashing input is left in build-fuzz/ as crash-*: copy it
# to tests/fuzz/regressions/ once fixed, where the suite replays it.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
if [ ! -f build-fuzz/build.ninja ]; then
  CC=clang meson setup build-fuzz -Dfuzzing=true -Db_sanitize=address -Db_lundef=false
fi
meson compile -C build-fuzz tests/fuzz-csv
mkdir -p build-fuzz/corpus
cp tests/fuzz/corpus/* build-fuzz/corpus/
cd build-fuzz
./tests/fuzz-csv -max_total_time="$seconds" -max_len=4096 -timeout=10 corpus 2>&1 | tail -n 15

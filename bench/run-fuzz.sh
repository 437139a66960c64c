#!/usr/bin/env bash
# run-fuzz.sh [SECONDS] [TARGET...]: builds the libFuzzer targets with clang
# and AddressSanitizer and runs each for a bounded time (default 60 s) on
# its seed corpus: csv (the CSV reader), xlsx (the XLSX reader, inputs the
# texts of a workbook's parts, see tests/fuzz/xlsx-parts.h) and document
# (a .shnor file through --check, open and classify; its seeds are the
# first format's file in tests/fuzz/corpus-document and the small documents
# make-hostile writes). Without TARGET, all three in turn.
# One process at a time, niced: the machine is shared. A crashing input is
# left in build-fuzz/ as crash-*: copy it to tests/fuzz/regressions*/ once
# fixed, where the suite replays it.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(csv xlsx document)
fi
if [ ! -f build-fuzz/build.ninja ]; then
  CC=clang meson setup build-fuzz -Dfuzzing=true -Db_sanitize=address -Db_lundef=false
fi
# a critical warning is a bug as much as a crash (to see the whole stack
# of a leak, run the crash input again with ASAN_OPTIONS=fast_unwind_on_malloc=0)
export G_DEBUG=fatal-criticals
for target in "${targets[@]}"; do
  meson compile -C build-fuzz "tests/fuzz-$target"
  corpus="build-fuzz/corpus-$target"
  mkdir -p "$corpus"
  case "$target" in
    csv) cp tests/fuzz/corpus/* "$corpus/"; max_len=4096 ;;
    xlsx) cp tests/fuzz/corpus-xlsx/* "$corpus/"; max_len=65536 ;;
    document)
      meson compile -C build-fuzz tests/make-hostile
      cp tests/fuzz/corpus-document/* "$corpus/"
      build-fuzz/tests/make-hostile --seeds "$corpus"
      max_len=262144 ;;
    *) echo "unknown target $target (csv, xlsx, document)" >&2; exit 2 ;;
  esac
  # the document target writes a file a run: in memory, where syncing costs nothing
  if [ -d /dev/shm ]; then export TMPDIR=/dev/shm; fi
  echo "== fuzz-$target for $seconds s"
  (cd build-fuzz && nice "./tests/fuzz-$target" -max_total_time="$seconds" -max_len="$max_len" -timeout=10 \
     -rss_limit_mb=2048 -print_final_stats=1 "corpus-$target" 2>&1 | tail -n 25)
done

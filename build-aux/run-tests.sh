#!/usr/bin/env bash
# run-tests.sh: installs what is missing, then builds with warnings as
# errors and runs the whole suite three times: in C.UTF-8, in ru_RU.UTF-8,
# and built with AddressSanitizer and UBSan. The UI tests run under Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."

bash build-aux/setup.sh

export GSK_RENDERER=cairo GTK_A11Y=none NO_AT_BRIDGE=1 GSETTINGS_BACKEND=memory
export SHNOR_REQUIRE_DISPLAY=1

passed=0
failed=0

count () {
  local log=$1/meson-logs/testlog.txt ok bad
  ok=$(grep -cE '^ok [0-9]+ ' "$log" || true)
  bad=$(grep -cE '^not ok [0-9]+ ' "$log" || true)
  passed=$((passed + ok))
  failed=$((failed + bad))
}

run_suite () {
  local dir=$1 locale=$2
  echo "=== meson test in $dir under LC_ALL=$locale"
  # a screen large enough for the UI test's 1600×1000 window
  LC_ALL=$locale LANG=$locale xvfb-run -a -s "-screen 0 1920x1200x24" \
    meson test -C "$dir" --print-errorlogs --num-processes 2
  count "$dir"
}

setup () {
  local dir=$1; shift
  if [ -f "$dir/build.ninja" ]; then
    meson configure "$dir" "$@" >/dev/null
  else
    meson setup "$dir" "$@"
  fi
  meson compile -C "$dir"
}

setup build-ci -Dwerror=true
run_suite build-ci C.UTF-8
run_suite build-ci ru_RU.UTF-8

# Leaks inside GTK and fontconfig are not ours: LeakSanitizer checks the
# core tests, where everything is ours.
setup build-asan -Dwerror=true -Db_sanitize=address,undefined -Db_lundef=false \
  -Dc_args=-fno-sanitize-recover=undefined
ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  run_suite build-asan ru_RU.UTF-8
ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$PWD/build-aux/lsan.supp \
  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  LC_ALL=C.UTF-8 meson test -C build-asan --suite core --print-errorlogs
count build-asan

echo "All test runs passed (subtests of the four runs):"
echo "shnor: $passed passed, $failed failed"

#!/usr/bin/env bash
# run-demo.sh: installs what is missing, builds Shnor and opens it on the
# demo municipality (made anew in build/demo/ on the first run).
set -euo pipefail
cd "$(dirname "$0")/.."

bash build-aux/setup.sh
[ -f build/build.ninja ] || meson setup build
meson compile -C build

demo="build/demo/Демо муниципалитет.shnor"
mkdir -p build/demo
[ -f "$demo" ] || ./build/src/shnor --demo "$demo"
exec ./build/src/shnor "$demo"

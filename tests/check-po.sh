#!/bin/sh
# check-po.sh SRCDIR: po/ru.po is valid, complete (nothing untranslated or
# fuzzy, every string of the sources present) and POTFILES lists every
# source file that has translatable strings.
set -eu
src=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

stats=$(msgfmt --check --statistics -o /dev/null "$src/po/ru.po" 2>&1)
echo "ru.po: $stats"
case $stats in
  *untranslated*|*fuzzy*|*warning*) echo "po/ru.po is not complete or not clean"; exit 1 ;;
esac

missing=0
for f in $(cd "$src" && find src data/ui -name '*.c' -o -name '*.ui' | sort); do
  if grep -qE '(^|[^a-z_])N?C?_\(|translatable="yes"' "$src/$f" && ! grep -qx "$f" "$src/po/POTFILES"; then
    echo "$f has translatable strings but is not in po/POTFILES"
    missing=1
  fi
done
[ $missing -eq 0 ]

(cd "$src" && xgettext --from-code=UTF-8 --add-comments \
   --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
   --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
   --files-from=po/POTFILES --output="$tmp/shnor.pot")
# Fails on any string of the sources without a translation in ru.po.
msgcmp "$src/po/ru.po" "$tmp/shnor.pot"
echo "every string is translated"

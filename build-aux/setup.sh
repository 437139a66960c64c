#!/usr/bin/env bash
# setup.sh: installs with apt-get whatever Shnor needs to build, run and
# test that this Debian/Ubuntu machine lacks, and makes the ru_RU.UTF-8
# locale. Safe to run again: it only installs what is missing.
set -euo pipefail

packages=(
  build-essential meson ninja-build pkg-config gettext
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libadwaita-1-dev libsqlite3-dev
  libxlsxwriter-dev libminizip-dev libfontconfig-dev
  desktop-file-utils appstream
  xvfb xauth dbus locales e2fsprogs sqlite3 libxtst-dev
  python3 python3-openpyxl python3-xlsxwriter
  libreoffice-calc-nogui poppler-utils fonts-liberation fonts-paratype
  libpq-dev postgresql libsecret-1-dev
)

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The suite runs under a Russian locale too, and the documents are
# compared under an English one (an English Windows is common in offices).
for want in ru_RU en_US; do
  if ! locale -a 2>/dev/null | grep -qi "^${want}\.utf-\?8$"; then
    echo "Generating the ${want}.UTF-8 locale"
    if [ -f /etc/locale.gen ]; then
      $sudo sed -i "s/^# *\(${want}.UTF-8 UTF-8\)/\1/" /etc/locale.gen
      grep -q "^${want}.UTF-8 UTF-8" /etc/locale.gen || echo "${want}.UTF-8 UTF-8" | $sudo tee -a /etc/locale.gen >/dev/null
      $sudo locale-gen >/dev/null
    else
      $sudo localedef -i "$want" -f UTF-8 "${want}.UTF-8"
    fi
  fi
done

#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs everything LUX Marketing needs to build, run and test on Debian 12, from Debian's packages.
# Used by both README commands and by .ci/run. Idempotent: a second run installs nothing new.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  qt6-base-dev qt6-base-dev-tools qt6-charts-dev libqt6opengl6-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools
  qt6-l10n-tools qt6-httpserver-dev qt6-networkauth-dev libqt6sql6-sqlite libqt6svg6
  qt6-qpa-plugins qt6-translations-l10n
  qtkeychain-qt6-dev qcoro-qt6-dev libsodium-dev
  libgl-dev libxkbcommon-dev
  libgtest-dev libbenchmark-dev json-schema-test-suite
  gnome-keyring dbus dbus-x11 libsecret-tools xvfb xauth
  libsqlite3-dev sqlite3 appstream desktop-file-utils file
  libgumbo-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libvmime-dev liblitehtml-dev
  chromium
  libmicrohttpd-dev wrk nginx-light
  libphonenumber-dev libical-dev tzdata libqrencode-dev libpng-dev zbar-tools
  python3 python3-phonenumbers python3-icalendar bc time
  fonts-dejavu-core fonts-liberation
)

# Node.js and npm run the test oracles from the npm registry (twitter-text's X length; Lighthouse).
# A machine that has them from elsewhere (NodeSource ships npm inside its nodejs) keeps its own.
if ! command -v npm >/dev/null 2>&1; then
  packages+=(nodejs npm)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"

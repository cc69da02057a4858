#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the pinned twitter-text (package-lock.json) into DEST from the npm registry, for the
# parity test. Run by ctest as the fixture of tst_xtextparity; with the same lockfile already
# installed it only copies the oracle.
set -eu
src=$(cd "$(dirname "$0")" && pwd)
dest=$1
mkdir -p "$dest"
cp "$src/oracle.js" "$dest/"
if [ -f "$dest/node_modules/twitter-text/package.json" ] && cmp -s "$src/package-lock.json" "$dest/package-lock.json"; then
    exit 0
fi
cp "$src/package.json" "$src/package-lock.json" "$dest/"
cd "$dest"
npm ci --no-audit --no-fund --loglevel=error

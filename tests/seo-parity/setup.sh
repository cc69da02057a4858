#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the pinned Lighthouse (package-lock.json) into DEST from the npm registry, with the oracle
# script, for the SEO parity test. Run by ctest as the fixture of seo_parity; with the same lockfile
# already installed it only copies the oracle.
set -eu
src=$(cd "$(dirname "$0")" && pwd)
dest=$1
mkdir -p "$dest"
cp "$src/oracle.mjs" "$dest/"
if [ -f "$dest/node_modules/lighthouse/package.json" ] && cmp -s "$src/package-lock.json" "$dest/package-lock.json"; then
    exit 0
fi
cp "$src/package.json" "$src/package-lock.json" "$dest/"
cd "$dest"
npm ci --no-audit --no-fund --loglevel=error

#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs a test oracle's pinned npm packages (SRC's package.json and package-lock.json) into DEST
# from the npm registry, with the oracle script: twitter-text for tst_xtextparity, Lighthouse for
# seo_parity. Run by ctest as their fixtures; with the same lockfile already installed it only copies
# the script.   npm-oracle.sh SRC DEST SCRIPT PACKAGE
set -eu
src=$(cd "$1" && pwd)
dest=$2
script=$3
package=$4
mkdir -p "$dest"
cp "$src/$script" "$dest/"
if [ -f "$dest/node_modules/$package/package.json" ] && cmp -s "$src/package-lock.json" "$dest/package-lock.json"; then
    exit 0
fi
cp "$src/package.json" "$src/package-lock.json" "$dest/"
cd "$dest"
npm ci --no-audit --no-fund --loglevel=error

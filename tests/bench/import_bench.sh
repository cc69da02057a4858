#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Imports a Mailchimp-format CSV of ROWS rows (about 20 columns, with tags) with `luxctl contacts
# import` into an empty database, and the same file with the sqlite3 shell's .import into a table with
# a unique email index, in the same run, and prints both times, the ratio and luxctl's peak memory.
#   tests/bench/import_bench.sh [ROWS] [BUILD_DIR]      (defaults: 1000000, build/release)
set -euo pipefail
rows=${1:-1000000}
build=${2:-build/release}
here=$(cd "$(dirname "$0")" && pwd)
luxctl="$build/cli/luxctl"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
csv="$work/mailchimp.csv"
if [ -n "${LUX_BENCH_CSV:-}" ]; then csv=$LUX_BENCH_CSV; else python3 "$here/make_mailchimp_csv.py" "$rows" "$csv"; fi
echo "file: $rows rows, $(du -m "$csv" | cut -f1) MB"
cat "$csv" > /dev/null # both runs start with the file in the page cache

columns=$(head -n 1 "$csv" | tr -d '\r' | sed 's/,/ TEXT, /g; s/$/ TEXT/')
sqlite3 "$work/shell.sqlite" "PRAGMA journal_mode=WAL; CREATE TABLE contacts ($columns);
  CREATE UNIQUE INDEX contacts_email ON contacts (lower(\"Email Address\"));" > /dev/null
start=$(date +%s.%N)
sqlite3 "$work/shell.sqlite" ".import --csv --skip 1 $csv contacts"
shell=$(echo "$(date +%s.%N) - $start" | bc)

"$luxctl" --db "$work/lux.sqlite" db init > /dev/null
start=$(date +%s.%N)
/usr/bin/time -f "%M" -o "$work/rss" "$luxctl" --db "$work/lux.sqlite" contacts import "$csv" --json > "$work/report.json"
lux=$(echo "$(date +%s.%N) - $start" | bc)

echo "sqlite3 .import:        ${shell} s  ($(sqlite3 "$work/shell.sqlite" 'SELECT count(*) FROM contacts') rows)"
echo "luxctl contacts import: ${lux} s  $(cat "$work/report.json")"
echo "ratio luxctl/sqlite3:   $(echo "scale=2; $lux / $shell" | bc)"
echo "luxctl peak memory:     $(( $(cat "$work/rss") / 1024 )) MB"

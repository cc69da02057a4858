#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring Secret Service, in a
# throw-away keyring folder, so QtKeychain works headless and nothing touches the user's keyrings.
#   tests/with-keyring.sh ctest --preset dev
set -euo pipefail
if [ -z "${LUX_IN_KEYRING_SESSION:-}" ]; then
    keyring_home=$(mktemp -d)
    export XDG_DATA_HOME="$keyring_home/data" XDG_CONFIG_HOME="$keyring_home/config"
    mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME"
    set +e
    LUX_IN_KEYRING_SESSION=1 dbus-run-session -- "$0" "$@"
    rc=$?
    rm -rf "$keyring_home" 2>/dev/null
    exit $rc
fi
# A non-empty password unlocks (and creates) the login keyring without a prompt. The daemon ends
# with the private bus.
printf 'lux-test' | gnome-keyring-daemon --unlock --components=secrets >/dev/null
exec "$@"

#!/usr/bin/env bash
# Inside a D-Bus session: start gnome-keyring's Secret Service with an unlocked login collection, then run "$@".
set -u
eval "$(printf '%s' tokodesk-test | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)"
export GNOME_KEYRING_CONTROL
export TOKODESK_TEST_KEYRING=1
exec "$@"

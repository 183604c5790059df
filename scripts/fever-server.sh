#!/usr/bin/env bash
# Install the Fever server the sync tests run against (coldsweat, a Flask
# RSS reader with the Fever API, from PyPI) into a virtual environment at
# target/fever-venv, from the pinned scripts/fever-requirements.txt.
# Idempotent: a venv made from the same requirements is left as it is.
# Needs python3 (3.9 or newer, with the venv module) and access to PyPI.
# tests/e2e_sync.rs runs target/fever-venv/bin/coldsweat (or the venv named
# by DOCBAO_FEVER_VENV).
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${DOCBAO_FEVER_VENV:-target/fever-venv}"
req=scripts/fever-requirements.txt
stamp="$venv/.requirements"
if [ -x "$venv/bin/coldsweat" ] && [ -f "$stamp" ] && cmp -s "$req" "$stamp"; then
    echo "fever-server: $venv is ready (coldsweat $("$venv/bin/python" -c 'import coldsweat; print(".".join(map(str, coldsweat.__version__[:3])))'))"
    exit 0
fi
python=${PYTHON:-python3}
usable() { "$python" -c 'import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 9))' 2>/dev/null; }
# A fresh Debian machine may lack python3 or its venv module: install them
# when we can (as root, with apt-get), as CI runs.
if ! usable && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "fever-server: installing python3 and python3-venv with apt-get"
    apt-get update -qq && apt-get install -y -qq python3 python3-venv >/dev/null
    python=python3
fi
if ! usable; then
    echo "fever-server: needs python3 (3.9 or newer) with the venv module (Debian: apt-get install python3-venv)" >&2
    exit 1
fi
rm -rf "$venv"
mkdir -p "$(dirname "$venv")"
"$python" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-input -r "$req"
"$venv/bin/coldsweat" --help >/dev/null
cp "$req" "$stamp"
echo "fever-server: installed coldsweat into $venv"

#!/usr/bin/env bash
# The end-to-end test of `twingraph serve` in a real browser (make test runs it): installs Debian's
# chromium and a venv with websockets when missing, starts the server on the example corpus's
# graph (Graphs/graph.json) on a free port, and runs scripts/browser-test.py against it.
# Screenshots go to $TWINGRAPH_SCREENSHOTS (default .build/browser-test/).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-.build/debug/twingraph}
SHOTS=${TWINGRAPH_SCREENSHOTS:-.build/browser-test}
VENV=${XDG_DATA_HOME:-$HOME/.local/share}/twingraph/browser-venv

if ! command -v chromium >/dev/null; then
  echo "browser-test: installing chromium" >&2
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q chromium >&2 \
    || { $SUDO apt-get update -q >&2; DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q chromium >&2; }
fi
if ! "$VENV/bin/python" -c "import websockets" 2>/dev/null; then
  echo "browser-test: installing websockets into $VENV" >&2
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q "websockets==17.4" >&2 || "$VENV/bin/pip" install -q websockets >&2
fi
[ -x "$BIN" ] || swift build --product twingraph >&2

log=$(mktemp)
"$BIN" serve --graph Graphs/graph.json --port 0 2>"$log" &
server=$!
trap 'kill $server 2>/dev/null; rm -f "$log"' EXIT
url=""
for _ in $(seq 1 100); do
  url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$log" || true)
  [ -n "$url" ] && break
  kill -0 $server 2>/dev/null || { cat "$log" >&2; echo "browser-test: the server did not start" >&2; exit 1; }
  sleep 0.1
done
[ -n "$url" ] || { echo "browser-test: the server did not say where it listens" >&2; exit 1; }
"$VENV/bin/python" scripts/browser-test.py "$url" "$SHOTS"

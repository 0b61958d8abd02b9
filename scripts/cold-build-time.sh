#!/usr/bin/env bash
# Measures what a new user waits for: from a fresh clone with an empty target directory, the
# README's first command until the demo serves its first page, then the README's test command.
# Run on an otherwise idle machine; it builds everything twice (about 25 minutes on 2 cores).
#
#   scripts/cold-build-time.sh
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'kill "${demo:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
git clone -q "$here" "$work/clone"
cd "$work/clone"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

start=$(date +%s)
CARGO_TARGET_DIR="$work/demo-target" cargo run -q -p consulta -- demo --addr "127.0.0.1:$port" > "$work/demo.log" 2>&1 &
demo=$!
until curl -sf "http://127.0.0.1:$port/" > /dev/null; do
  kill -0 "$demo" 2>/dev/null || { echo "the demo stopped:"; tail "$work/demo.log"; exit 1; }
  sleep 2
done
echo "demo: first page $(( $(date +%s) - start )) s after the build started"
kill "$demo"
rm -rf "$work/demo-target"

start=$(date +%s)
CARGO_TARGET_DIR="$work/test-target" cargo test --workspace > "$work/test.log" 2>&1 || { tail -30 "$work/test.log"; exit 1; }
echo "tests: cargo test --workspace took $(( $(date +%s) - start )) s from an empty target directory"

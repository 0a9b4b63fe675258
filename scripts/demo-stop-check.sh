#!/usr/bin/env bash
# Checks that scripts/demo.sh leaves nothing running when it is stopped mid-scenario and when the scenario fails:
#   interrupt  SIGTERM to the demo's whole process group once registrations have begun (as a terminal's Ctrl-C reaches
#              every process of the foreground group)
#   failure    a dataset file that does not exist: the scenario stops with an error after the model is created
# Each case must end with a non-zero exit, and neither the chain nor the node host the demo printed may still answer.
# Prints "demo stop check <case>: passed" per case (scripts/test.sh counts them). Needs a build (it skips its own).
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
trap 'rm -f "$log"' EXIT

answers() { curl -s -m 2 -o /dev/null "$1"; }

check_stopped() { # case
  local chain api
  chain=$(sed -n 's/^chain: //p' "$log")
  api=$(sed -n 's/^node host: \([^ ]*\).*/\1/p' "$log")
  if [ -z "$chain" ] || [ -z "$api" ]; then
    echo "demo stop check $1: the demo never printed both the chain and the node host URL; its output:" >&2; cat "$log" >&2; exit 1
  fi
  for url in "$chain" "$api/health"; do
    if answers "$url"; then echo "demo stop check $1: $url still answers after the demo ended" >&2; exit 1; fi
  done
  echo "demo stop check $1: passed"
}

# interrupt: setsid gives the demo its own process group, signalled as a whole like a terminal's Ctrl-C would be.
setsid env OPENLEDGER_DEMO_SKIP_BUILD=1 scripts/demo.sh >"$log" 2>&1 &
pid=$!
for _ in $(seq 1 600); do
  grep -q '^== 4\.' "$log" && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.2
done
grep -q '^== 4\.' "$log" || { echo "demo stop check interrupt: the scenario never reached its registrations; output:" >&2; cat "$log" >&2; exit 1; }
kill -TERM -- "-$pid"
status=0
wait "$pid" || status=$?
[ "$status" -ne 0 ] || { echo "demo stop check interrupt: the demo exited 0 although it was stopped" >&2; exit 1; }
check_stopped interrupt

# failure
status=0
OPENLEDGER_DEMO_SKIP_BUILD=1 OPENLEDGER_DEMO_DATASET=data/does-not-exist.csv scripts/demo.sh >"$log" 2>&1 || status=$?
[ "$status" -ne 0 ] || { echo "demo stop check failure: the demo exited 0 without its dataset" >&2; exit 1; }
grep -q '^demo failed: ' "$log" || { echo "demo stop check failure: no 'demo failed:' line; output:" >&2; cat "$log" >&2; exit 1; }
check_stopped failure

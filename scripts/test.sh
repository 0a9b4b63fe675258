#!/usr/bin/env bash
# Runs every test of the project: installs what it needs, then the contract suite and the dotnet suite.
# Anything a test needs (a Hardhat node) is started on a free loopback port and stopped afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
# On exit, stop the nodes this run left behind (a failing test may not stop its own), but not those that ran before it
# (a benchmark node started by hand keeps running).
nodes_before=$(ls .run/node-*.pid 2>/dev/null || true)
stop_own_nodes() {
  for pidfile in .run/node-*.pid; do
    [ -e "$pidfile" ] || continue
    grep -qxF "$pidfile" <<<"$nodes_before" && continue
    port=${pidfile##*/node-}
    scripts/node.sh stop "${port%.pid}" >/dev/null 2>&1 || true
  done
}
trap 'stop_own_nodes; rm -f "$OPENLEDGER_TEST_LOG"' EXIT
step() { printf '\n=== %s\n' "$*"; }
# The test runners' own summaries are collected here and added up into one closing line.
export OPENLEDGER_TEST_LOG=$(mktemp)

step "install"
scripts/install.sh

scripts/test-contracts.sh

step "dotnet build"
dotnet build OpenLedger.sln --no-restore --configuration Release --verbosity quiet

step "dotnet test"
dotnet test OpenLedger.sln --no-build --configuration Release --verbosity quiet --logger "console;verbosity=minimal" \
  | tee -a "$OPENLEDGER_TEST_LOG"

# The attack arena's smoke board (src/OpenLedger.Arena): a few strategies against every method on Wine, in seconds.
step "arena smoke test"
arena_board=$(mktemp)
dotnet src/OpenLedger.Cli/bin/Release/net10.0/openledger.dll arena --quick --format json --out "$arena_board"
node -e 'const b = JSON.parse(require("fs").readFileSync(process.argv[1])); if (!(b.cells.length > 0)) process.exit(1)' "$arena_board"
rm -f "$arena_board"
echo "arena smoke test: passed" | tee -a "$OPENLEDGER_TEST_LOG"

# The demo scenario end to end, twice (a second run on a fresh node must work too): src/OpenLedger.Demo checks the
# final table's invariants (totals match the epoch, the corrupted contributor at zero and slashed, verify passes) and
# exits non-zero when one fails, which stops this script.
for round in 1 2; do
  step "demo scenario, run $round"
  OPENLEDGER_DEMO_SKIP_BUILD=1 scripts/demo.sh
  echo "demo scenario run $round: passed" | tee -a "$OPENLEDGER_TEST_LOG"
done

# Stopped mid-scenario (SIGTERM to its process group) and failing (no dataset), the demo leaves nothing running.
step "demo stop checks"
scripts/demo-stop-check.sh | tee -a "$OPENLEDGER_TEST_LOG"

# mocha: "200 passing (50s)", "1 failing"; dotnet: "Passed!  - Failed:     0, Passed:   235, ...";
# the demo: "demo scenario run N: passed", "demo stop check CASE: passed"; the arena: "arena smoke test: passed".
awk '
  / passing \(/ { passed += $1 }
  / failing$/ { failed += $1 }
  /^(Passed|Failed)! +- +Failed: / { gsub(",", ""); failed += $4; passed += $6 }
  /^demo scenario run [0-9]+: passed$/ { passed += 1 }
  /^demo stop check [a-z]+: passed$/ { passed += 1 }
  /^arena smoke test: passed$/ { passed += 1 }
  END { printf "\n%d passed, %d failed\n", passed, failed }' "$OPENLEDGER_TEST_LOG"

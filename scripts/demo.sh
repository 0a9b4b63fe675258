#!/usr/bin/env bash
# The main job, on the embedded defaults: install and build, start a local Hardhat node, deploy, start the OpenLedger
# node host (indexer, query API, relay, epoch intake), then play the scenario of src/OpenLedger.Demo and print what
# happened. Everything binds 127.0.0.1; every process started here is stopped at the end, on Ctrl-C and on failure.
# Files of the run (keystores, index, shards, the test split and the secret it was drawn from, report, logs,
# summary.json) go to .run/demo, emptied at each start.
#   OPENLEDGER_DEMO_SKIP_BUILD=1   skip install and build (scripts/test.sh has just done both)
#   OPENLEDGER_DEMO_DATASET=F      the dataset (default data/wine_data.csv, scikit-learn CSV)
#   OPENLEDGER_DEMO_KEEP=1         keep the chain and the node host running after the scenario, to browse the API
#                                  and the explorer (its URL is printed at the end), until Ctrl-C
set -euo pipefail
cd "$(dirname "$0")/.."
run=.run/demo
chain_port=""
host_pid=""
cleanup() {
  if [ -n "$host_pid" ] && kill -0 "$host_pid" 2>/dev/null; then
    kill -TERM "$host_pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$host_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$host_pid" 2>/dev/null || true
  fi
  if [ -n "$chain_port" ]; then scripts/node.sh stop "$chain_port" >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ "${OPENLEDGER_DEMO_SKIP_BUILD:-0}" != 1 ]; then
  echo "== install and build"
  scripts/install.sh
  npx --no-install hardhat compile --quiet
  dotnet build OpenLedger.sln --no-restore --configuration Release --verbosity quiet --nologo >/dev/null
fi
cli=src/OpenLedger.Cli/bin/Release/net10.0/openledger.dll
openledger() { dotnet "$cli" "$@"; }
rm -rf "$run"
mkdir -p "$run"

# Operators sign with Hardhat's development accounts (funded by the local node): the reporter posts epochs, the
# relayer pays gas for gasless registrations. Secrets travel in environment variables, never as arguments.
export OPENLEDGER_DEMO_DEV_MNEMONIC="test test test test test test test test test test test junk"
# 24 random bytes as hex: "demo-$RANDOM$RANDOM" was now and then shorter than the keystore's 12-character minimum.
OPENLEDGER_DEMO_PASSWORD="demo-$(node -e 'console.log(require("crypto").randomBytes(24).toString("hex"))')"
export OPENLEDGER_DEMO_PASSWORD
OPENLEDGER_DEMO_TOKEN=$(node -e 'console.log(require("crypto").randomBytes(24).toString("hex"))')
export OPENLEDGER_DEMO_TOKEN

echo "== start a local Hardhat node"
# The port is chosen first so that cleanup knows which node to stop even if Ctrl-C comes while it starts.
chain_port=$(scripts/node.sh free-port)
url=$(scripts/node.sh start "$chain_port")
echo "chain: $url"

echo "== deploy"
reporter=$(openledger wallet address --mnemonic-env OPENLEDGER_DEMO_DEV_MNEMONIC --index 8 --json | node -e "console.log(JSON.parse(require(\"fs\").readFileSync(0)).address)")
OPENLEDGER_RPC_URL=$url OPENLEDGER_DEPLOYMENT_FILE=$run/deployment.json OPENLEDGER_REPORTER=$reporter \
  npx --no-install hardhat run scripts/deploy.js --network localhost
for role in reporter:8 relayer:9; do
  openledger wallet import --keystore "$run/${role%%:*}.json" --from-env OPENLEDGER_DEMO_DEV_MNEMONIC --index "${role##*:}" \
    --password-env OPENLEDGER_DEMO_PASSWORD >/dev/null
done

echo "== start the OpenLedger node host"
api="http://127.0.0.1:$(scripts/node.sh free-port)"
# dotnet itself in the background (not the shell function), so $! is the host's pid and cleanup can stop it.
dotnet "$cli" node run --rpc "$url" --deployment "$run/deployment.json" --urls "$api" --database "$run/index.db" \
  --relay-keystore "$run/relayer.json" --relay-password-env OPENLEDGER_DEMO_PASSWORD \
  --reporter-keystore "$run/reporter.json" --reporter-password-env OPENLEDGER_DEMO_PASSWORD \
  --api-token-env OPENLEDGER_DEMO_TOKEN --public-url "$api" >"$run/node.log" 2>&1 &
host_pid=$!
for _ in $(seq 1 300); do
  if curl -sf -m 2 "$api/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$host_pid" 2>/dev/null; then echo "the node host exited; its log ($run/node.log):" >&2; tail -20 "$run/node.log" >&2; exit 1; fi
  sleep 0.2
done
curl -sf -m 2 "$api/health" >/dev/null || { echo "the node host did not answer $api/health within 60 s; see $run/node.log" >&2; exit 1; }
echo "node host: $api (log: $run/node.log)"

echo "== scenario"
dotnet src/OpenLedger.Demo/bin/Release/net10.0/OpenLedger.Demo.dll --rpc "$url" --deployment "$run/deployment.json" \
  --node "$api" --workdir "$run" --dataset "${OPENLEDGER_DEMO_DATASET:-data/wine_data.csv}" --token-env OPENLEDGER_DEMO_TOKEN
if [ "${OPENLEDGER_DEMO_KEEP:-0}" = 1 ]; then
  echo "== the chain ($url) and the node host ($api, explorer $api/explorer/) keep running; Ctrl-C stops both"
  wait "$host_pid" || true
fi
echo "== done: every process started by the demo is stopped on exit; files of the run are in $run"

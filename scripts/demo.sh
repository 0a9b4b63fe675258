#!/usr/bin/env bash
# The main job, on the embedded defaults: install and build, start a local Hardhat node on 127.0.0.1, deploy,
# play the contract scenario and print what happened, stop the node (also on Ctrl-C and on failure).
set -euo pipefail
cd "$(dirname "$0")/.."
port=${OPENLEDGER_DEMO_PORT:-0}
url=""
cleanup() { [ -n "$url" ] && scripts/node.sh stop "${url##*:}" >/dev/null 2>&1 || true; }
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "== install and build"
scripts/install.sh
npx --no-install hardhat compile --quiet
dotnet build OpenLedger.sln --no-restore --verbosity quiet --nologo >/dev/null

echo "== start a local Hardhat node"
url=$(scripts/node.sh start "$port")
echo "node at $url"
export OPENLEDGER_RPC_URL=$url

echo "== deploy"
npx --no-install hardhat run scripts/deploy.js --network localhost

echo "== scenario"
npx --no-install hardhat run scripts/demo-scenario.js --network localhost

#!/usr/bin/env bash
# Epoch benchmark: report → posted epoch, end to end, for N distinct contributors (default 10,000).
# A local Hardhat node gets OpenLedger and N registered contributions (setup.js); the real node host (Release) indexes
# them; then each report-E.json is POSTed to /reports and timed: parse + validate + cross-check against the index and
# the chain + attribute + split + tree + content-addressed store + postEpoch (one transaction, mined) + record.
#   benchmarks/epochs/run.sh [CONTRIBUTORS] [EPOCHS]
set -euo pipefail
cd "$(dirname "$0")/../.."
COUNT=${1:-10000}
EPOCHS=${2:-3}
WORK=$(mktemp -d)
URL=$(scripts/node.sh start 0 | tail -1)
PORT=${URL##*:}
NODE_PID=""
cleanup() { [ -n "$NODE_PID" ] && kill "$NODE_PID" 2>/dev/null; scripts/node.sh stop "$PORT" >/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

echo "chain $URL; registering $COUNT contributors..." >&2
SETUP=$(OPENLEDGER_RPC_URL="$URL" BENCH_OUT="$WORK" BENCH_CONTRIBUTORS="$COUNT" BENCH_EPOCHS="$EPOCHS" \
  npx --no-install hardhat run benchmarks/epochs/setup.js --network localhost | tail -1)
HEAD=$(echo "$SETUP" | node -pe 'JSON.parse(require("fs").readFileSync(0)).head')
echo "setup: $SETUP; report size $(stat -c %s "$WORK/report-1.json") bytes" >&2

dotnet build -c Release src/OpenLedger.Node -v q -nologo >&2
API_PORT=$(scripts/node.sh free-port)
API="http://127.0.0.1:$API_PORT"
dotnet src/OpenLedger.Node/bin/Release/net10.0/OpenLedger.Node.dll --urls "$API" \
  --Indexer:RpcUrl="$URL" --Indexer:ChainId=31337 --Indexer:DeploymentFile="$WORK/deployment.json" \
  --Indexer:DatabasePath="$WORK/index.db" --Indexer:PollingInterval=00:00:00.100 \
  --Epochs:ApiToken=bench-token --Epochs:ReporterKeystore="$WORK/reporter.json" --Epochs:ReporterPassword=bench \
  --Epochs:PublicBaseUrl="$API" >"$WORK/node.log" 2>&1 &
NODE_PID=$!
until curl -sf "$API/status" 2>/dev/null | node -e "const s=JSON.parse(require('fs').readFileSync(0));process.exit(s.cursor>=$HEAD?0:1)"; do
  kill -0 "$NODE_PID" || { cat "$WORK/node.log" >&2; exit 1; }
  sleep 0.5
done
echo "indexed up to block $HEAD" >&2

for E in $(seq 1 "$EPOCHS"); do
  # The model owner seals the epoch's test set first (outside the timing), and the node indexes it before the report.
  SEALED=$(OPENLEDGER_RPC_URL="$URL" BENCH_OUT="$WORK" BENCH_EPOCH="$E" npx --no-install hardhat run benchmarks/epochs/seal.js --network localhost | tail -1)
  SEALED_AT=$(echo "$SEALED" | node -pe 'JSON.parse(require("fs").readFileSync(0)).block')
  until curl -sf "$API/status" 2>/dev/null | node -e "const s=JSON.parse(require('fs').readFileSync(0));process.exit(s.cursor>=$SEALED_AT?0:1)"; do sleep 0.2; done
  RESULT=$(curl -s -o "$WORK/response-$E.json" -w '%{http_code} %{time_total}' -H 'Authorization: Bearer bench-token' \
    -H 'Content-Type: application/json' --data-binary @"$WORK/report-$E.json" "$API/reports")
  read -r CODE ELAPSED <<<"$RESULT"
  [ "$CODE" = 201 ] || { echo "epoch $E: HTTP $CODE $(cat "$WORK/response-$E.json")" >&2; exit 1; }
  echo "epoch $E: $COUNT contributors, report to posted epoch in $ELAPSED s (HTTP $CODE)"
done
grep -E "Posted as model" "$WORK/node.log" | sed 's/^/  node: /' >&2 || true

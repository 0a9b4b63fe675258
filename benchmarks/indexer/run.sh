#!/usr/bin/env bash
# Indexer backfill benchmark: a local Hardhat node holding 100,000 contributions (registerBatch, 10 per transaction,
# URIs included), then backfill events/s beside the raw eth_getLogs fetch rate of the same node for the same logs.
#   benchmarks/indexer/run.sh [CONTRIBUTIONS] [BLOCKS_PER_GETLOGS]
set -euo pipefail
cd "$(dirname "$0")/../.."
COUNT=${1:-100000}
RANGE=${2:-10}
WORK=$(mktemp -d)
URL=$(scripts/node.sh start 0 | tail -1)
PORT=${URL##*:}
trap 'scripts/node.sh stop "$PORT"; rm -rf "$WORK"' EXIT
echo "node $URL; loading $COUNT contributions..." >&2
start=$(date +%s)
OPENLEDGER_RPC_URL="$URL" LOAD_OUT="$WORK/deployment.json" LOAD_LIFECYCLE=0 LOAD_CONTRIBUTIONS="$COUNT" LOAD_BATCH=10 LOAD_TXS_PER_BLOCK=50 \
  npx --no-install hardhat run tests/OpenLedger.Indexer.Tests/scripts/load.js --network localhost >&2
echo "loaded in $(( $(date +%s) - start )) s" >&2
dotnet run -c Release --project benchmarks/indexer/IndexerBench -- --rpc "$URL" --deployment "$WORK/deployment.json" --db "$WORK/bench.db" --range "$RANGE"

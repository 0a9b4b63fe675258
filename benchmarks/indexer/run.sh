#!/usr/bin/env bash
# Indexer backfill benchmark: a local Hardhat node holding 100,000 contributions (registerBatch, 20 per transaction,
# 5 transactions per block, URIs included), then backfill events/s beside the raw eth_getLogs fetch rate of the same
# node for the same logs, in the same run.
#   benchmarks/indexer/run.sh [CONTRIBUTIONS] [BLOCKS_PER_GETLOGS]
# BENCH_RPC_URL and BENCH_DEPLOYMENT reuse a node that is already loaded (scripts/load.js output) instead.
set -euo pipefail
cd "$(dirname "$0")/../.."
COUNT=${1:-100000}
RANGE=${2:-50}
WORK=$(mktemp -d)
if [ -n "${BENCH_RPC_URL:-}" ]; then
  URL=$BENCH_RPC_URL; DEPLOYMENT=$BENCH_DEPLOYMENT
  trap 'rm -rf "$WORK"' EXIT
else
  URL=$(scripts/node.sh start 0 | tail -1)
  PORT=${URL##*:}
  DEPLOYMENT="$WORK/deployment.json"
  trap 'scripts/node.sh stop "$PORT"; rm -rf "$WORK"' EXIT
  echo "node $URL; loading $COUNT contributions..." >&2
  start=$(date +%s)
  OPENLEDGER_RPC_URL="$URL" LOAD_OUT="$DEPLOYMENT" LOAD_LIFECYCLE=0 LOAD_CONTRIBUTIONS="$COUNT" LOAD_BATCH=20 LOAD_TXS_PER_BLOCK=5 \
    npx --no-install hardhat run tests/OpenLedger.Indexer.Tests/scripts/load.js --network localhost >&2
  echo "loaded in $(( $(date +%s) - start )) s" >&2
fi
dotnet run -c Release --project benchmarks/indexer/IndexerBench -- --rpc "$URL" --deployment "$DEPLOYMENT" --db "$WORK/bench.db" --range "$RANGE"

#!/usr/bin/env bash
# Indexer backfill benchmark: backfill events/s beside the raw eth_getLogs fetch rate of the same node for the same
# logs and the same block ranges, alternating, best of 6 and the median per-round ratio, in the same run. Two workloads, each on its own fresh node:
#   register  the issue's literal workload: CONTRIBUTIONS separate `register` transactions, one ContributionRegistered
#             log each (URIs included), 100 transactions per block (automine off, node-signed, batched JSON-RPC)
#   batch     CONTRIBUTIONS through registerBatch, 20 per transaction (one ContributionsRegistered log each),
#             5 transactions per block
#   benchmarks/indexer/run.sh [CONTRIBUTIONS] [BLOCKS_PER_GETLOGS] [WORKLOAD...]   (default: 100000 50 register batch)
# BENCH_RPC_URL and BENCH_DEPLOYMENT reuse a node that is already loaded (scripts/load.js output) instead.
# BENCH_ARGS passes more options to IndexerBench (e.g. "--rounds 5" or "--profile 1"); BENCH_WARMUP unmeasured backfills
# of each engine come first (default 3: the JIT's tier-up out of the figures, see RESULTS.md).
# BENCH_POSTGRES=1 also backfills each round into a fresh database of a private PostgreSQL server (scripts/pg.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
COUNT=${1:-100000}
RANGE=${2:-50}
shift $(( $# < 2 ? $# : 2 ))
WORKLOADS=("$@")
[ $# -eq 0 ] && WORKLOADS=(register batch)
WORK=$(mktemp -d)
PORT=
cleanup() { [ -n "$PORT" ] && scripts/node.sh stop "$PORT"; [ -d "$WORK/pg" ] && scripts/pg.sh stop "$WORK/pg"; rm -rf "$WORK"; }
trap cleanup EXIT
if [ "${BENCH_POSTGRES:-0}" = 1 ]; then
  BENCH_PG_CONNECTION=$(scripts/pg.sh start "$WORK/pg" | tail -1)
  export BENCH_PG_CONNECTION
fi

bench() { # url deployment label [node-pid]
  echo "== $3 (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
  dotnet run -c Release --project benchmarks/indexer/IndexerBench -- --rpc "$1" --deployment "$2" --db "$WORK/bench.db" --range "$RANGE" \
    --warmup "${BENCH_WARMUP:-3}" ${4:+--node-pid "$4"} ${BENCH_ARGS:-}
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
}

dotnet build -c Release benchmarks/indexer/IndexerBench >/dev/null
if [ -n "${BENCH_RPC_URL:-}" ]; then
  bench "$BENCH_RPC_URL" "$BENCH_DEPLOYMENT" "preloaded node"
  exit 0
fi
for workload in "${WORKLOADS[@]}"; do
  case "$workload" in
    register) load=(LOAD_REGISTER_TXS="$COUNT" LOAD_REGISTER_PER_BLOCK=100) ;;
    batch) load=(LOAD_CONTRIBUTIONS="$COUNT" LOAD_BATCH=20 LOAD_TXS_PER_BLOCK=5) ;;
    *) echo "unknown workload '$workload' (register or batch)" >&2; exit 2 ;;
  esac
  URL=$(scripts/node.sh start 0 | tail -1)
  PORT=${URL##*:}
  echo "node $URL; loading $COUNT contributions ($workload)..." >&2
  start=$(date +%s)
  env OPENLEDGER_RPC_URL="$URL" LOAD_OUT="$WORK/$workload.json" LOAD_LIFECYCLE=0 "${load[@]}" \
    npx --no-install hardhat run tests/OpenLedger.Indexer.Tests/scripts/load.js --network localhost >&2
  echo "loaded in $(( $(date +%s) - start )) s" >&2
  # The node process itself (node.sh's pid file names the npx that started it), whose CPU IndexerBench reports.
  NODE_PID=$(pgrep -f "hardhat node --hostname 127.0.0.1 --port $PORT" | tail -1 || true)
  bench "$URL" "$WORK/$workload.json" "$workload: $COUNT contributions, $RANGE blocks per eth_getLogs" "$NODE_PID"
  scripts/node.sh stop "$PORT"; PORT=
done

#!/usr/bin/env bash
# Query API benchmark, end to end: a local Hardhat node holding CONTRIBUTIONS contributions (registerBatch, 200 per
# transaction, URIs included), the node host indexing it into a fresh SQLite file, then
#   1. requests/s and latency of GET /contributions/{id} (random ids) and of contributor listings walked with the
#      keyset cursor, REQUESTS requests per scenario at CONCURRENCY after WARMUP (benchmarks/OpenLedger.LoadGen);
#   2. live latency: LIVE_COUNT single registrations, from each receipt to the host's first 200 for the new id
#      (benchmarks/api/live-latency.js), with the host polling at its default interval (appsettings.json).
# Writes a markdown report to stdout and to benchmarks/api/results.md; progress goes to stderr.
#   benchmarks/api/run.sh [CONTRIBUTIONS]
# Environment: API_BENCH_REQUESTS (20000), API_BENCH_WARMUP (2000), API_BENCH_CONCURRENCY (16), API_BENCH_LIVE (200).
set -euo pipefail
cd "$(dirname "$0")/../.."
COUNT=${1:-100000}
REQUESTS=${API_BENCH_REQUESTS:-20000}
WARMUP=${API_BENCH_WARMUP:-2000}
CONCURRENCY=${API_BENCH_CONCURRENCY:-16}
LIVE_COUNT=${API_BENCH_LIVE:-200}
BATCH=200
TXS_PER_BLOCK=3 # 3 x 8.06M gas limit fits Hardhat's 30M block
WORK=$(mktemp -d)
NODE_PORT=""
HOST_PID=""

cleanup() {
  local status=$?
  if [ -n "$HOST_PID" ]; then
    kill -TERM -- "-$HOST_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$HOST_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$HOST_PID" 2>/dev/null || true
  fi
  if [ "$status" != 0 ] && [ -f "$WORK/host.log" ]; then echo "node host log (last 20 lines):" >&2; tail -20 "$WORK/host.log" >&2; fi
  [ -n "$NODE_PORT" ] && scripts/node.sh stop "$NODE_PORT"
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log() { echo "[api-bench $(date +%T)] $*" >&2; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
now() { date +%s.%N; }
since() { echo "$(now) - $1" | bc | xargs printf '%.1f'; }
status_field() { # url field
  # Empty output until the host answers (curl fails while it starts).
  curl -sf -m 2 "$1/status" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{try{console.log(JSON.parse(s)[process.argv[1]]??"")}catch{console.log("")}})' "$2"
}

LOAD_START=$(loadavg)
STARTED=$(now)
log "building (Release)..."
dotnet build -c Release src/OpenLedger.Node -v q -nologo >&2
dotnet build -c Release benchmarks/OpenLedger.LoadGen -v q -nologo >&2
npx --no-install hardhat compile --quiet >&2

RPC_URL=$(scripts/node.sh start 0 | tail -1)
NODE_PORT=${RPC_URL##*:}
log "hardhat node $RPC_URL; loading $COUNT contributions ($BATCH per registerBatch, $TXS_PER_BLOCK transactions per block)..."
T=$(now)
OPENLEDGER_RPC_URL="$RPC_URL" LOAD_OUT="$WORK/deployment.json" LOAD_LIFECYCLE=0 LOAD_CONTRIBUTIONS="$COUNT" \
  LOAD_BATCH=$BATCH LOAD_TXS_PER_BLOCK=$TXS_PER_BLOCK \
  npx --no-install hardhat run tests/OpenLedger.Indexer.Tests/scripts/load.js --network localhost >&2
LOAD_SECONDS=$(since "$T")
HEAD=$(node -e 'console.log(require(process.argv[1]).head)' "$WORK/deployment.json")
log "loaded in $LOAD_SECONDS s, head block $HEAD"

API_PORT=$(scripts/node.sh free-port)
API_URL="http://127.0.0.1:$API_PORT"
POLLING=$(node -e 'console.log(require(process.argv[1]).Indexer.PollingInterval)' "$PWD/src/OpenLedger.Node/appsettings.json")
log "starting the node host on $API_URL (polling interval $POLLING, from appsettings.json)..."
T=$(now)
Indexer__RpcUrl="$RPC_URL" Indexer__ChainId=31337 Indexer__DeploymentFile="$WORK/deployment.json" \
  Indexer__DatabasePath="$WORK/index.db" \
  setsid dotnet run --no-build -c Release --project src/OpenLedger.Node -- --urls "$API_URL" >"$WORK/host.log" 2>&1 </dev/null &
HOST_PID=$!
for _ in $(seq 1 1200); do
  kill -0 "$HOST_PID" 2>/dev/null || { log "the node host exited"; exit 1; }
  CURSOR=$(status_field "$API_URL" cursor || true)
  [ -n "$CURSOR" ] && [ "$CURSOR" -ge "$HEAD" ] && break
  sleep 0.5
done
[ -n "$CURSOR" ] && [ "$CURSOR" -ge "$HEAD" ] || { log "the node host did not index to block $HEAD within 10 minutes"; exit 1; }
INDEX_SECONDS=$(since "$T")
DB_MB=$(du -cm "$WORK"/index.db* | tail -1 | cut -f1)
log "indexed to head $HEAD in $INDEX_SECONDS s (host start included); database $DB_MB MB"

LOAD_BEFORE_HTTP=$(loadavg)
log "HTTP load: $REQUESTS requests per scenario, concurrency $CONCURRENCY, $WARMUP warm-up..."
LOADGEN_STATUS=0
dotnet run --no-build -c Release --project benchmarks/OpenLedger.LoadGen -- --base-url "$API_URL" \
  --requests "$REQUESTS" --warmup "$WARMUP" --concurrency "$CONCURRENCY" --limit 50 --min-contributions "$COUNT" \
  >"$WORK/http.md" || LOADGEN_STATUS=$?
[ "$LOADGEN_STATUS" = 0 ] || [ "$LOADGEN_STATUS" = 2 ] || { log "load generator failed ($LOADGEN_STATUS)"; exit 1; }

log "live latency: $LIVE_COUNT registrations, 100-200 ms apart..."
LIVE_STATUS=0
OPENLEDGER_RPC_URL="$RPC_URL" LIVE_API_URL="$API_URL" LIVE_DEPLOYMENT="$WORK/deployment.json" LIVE_COUNT="$LIVE_COUNT" \
  npx --no-install hardhat run benchmarks/api/live-latency.js --network localhost >"$WORK/live.md" || LIVE_STATUS=$?
LOAD_END=$(loadavg)

{
  echo "# Query API benchmark"
  echo
  echo "Run $(date -u +%Y-%m-%dT%H:%MZ) on commit $(git rev-parse --short HEAD) by benchmarks/api/run.sh; total $(since "$STARTED") s (Release builds included)."
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), shared by the Hardhat node, the node host"
  echo "and the load generator (and by whatever else ran). Load average (1/5/15 min): $LOAD_START at start, $LOAD_BEFORE_HTTP before"
  echo "the HTTP load, $LOAD_END at the end."
  echo
  echo "Chain: Hardhat node on loopback, $COUNT contributions of model 1 from 10 contributors (registerBatch, $BATCH per"
  echo "transaction, URIs included), head block $HEAD, loaded in $LOAD_SECONDS s. Node host (Release, dotnet run) indexed to head"
  echo "in $INDEX_SECONDS s including its start; SQLite database $DB_MB MB."
  echo
  echo "## Throughput and latency on loopback ($WARMUP warm-up requests per scenario, not counted)"
  echo
  echo "| Scenario | Requests | Concurrency | Requests/s | p50 ms | p99 ms | max ms | Errors |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
  cat "$WORK/http.md"
  echo
  echo "## Live latency: receipt returned → GET /contributions/{id} answers 200 (host polling every $POLLING)"
  echo
  echo "| Transactions | Spacing ms | API poll ms | p50 ms | p95 ms | max ms | p95 ≤ 1 s | Never indexed |"
  echo "|---:|---:|---:|---:|---:|---:|---|---:|"
  cat "$WORK/live.md"
} | tee benchmarks/api/results.md

[ "$LOADGEN_STATUS" = 0 ] && [ "$LIVE_STATUS" = 0 ]

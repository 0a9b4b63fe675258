#!/usr/bin/env bash
# API replicas on PostgreSQL beside one SQLite node, same chain, same run: a Hardhat node holding CONTRIBUTIONS
# contributions (registerBatch, as benchmarks/api/run.sh), a private PostgreSQL server (scripts/pg.sh), then
#   - one node with role all on a SQLite file (today's single process),
#   - one node with role indexer writing the PostgreSQL database and three with role api reading it;
# the load generator (benchmarks/OpenLedger.LoadGen) against the SQLite node alone, then against the three replicas at
# once (one load generator each, the same bounded concurrency each): requests/s and p99 per replica and together; then
# live latency from receipt to a replica's first 200 (benchmarks/api/live-latency.js).
#   benchmarks/api/replicas.sh [CONTRIBUTIONS]   (default 20000)
# Environment: API_BENCH_REQUESTS (10000), API_BENCH_WARMUP (1000), API_BENCH_CONCURRENCY (8 per load generator), API_BENCH_LIVE (100).
set -euo pipefail
cd "$(dirname "$0")/../.."
COUNT=${1:-20000}
REQUESTS=${API_BENCH_REQUESTS:-10000}
WARMUP=${API_BENCH_WARMUP:-1000}
CONCURRENCY=${API_BENCH_CONCURRENCY:-8}
LIVE_COUNT=${API_BENCH_LIVE:-100}
WORK=$(mktemp -d)
NODE_PORT=""
PIDS=()

cleanup() {
  for pid in "${PIDS[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done; kill -KILL -- "-$pid" 2>/dev/null || true; done
  [ -n "$NODE_PORT" ] && scripts/node.sh stop "$NODE_PORT"
  [ -d "$WORK/pg" ] && scripts/pg.sh stop "$WORK/pg"
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log() { echo "[replicas $(date +%T)] $*" >&2; }
cursor() { curl -sf -m 2 "$1/status" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{try{console.log(JSON.parse(s).cursor??"")}catch{console.log("")}})'; }
wait_cursor() { # url head
  for _ in $(seq 1 1200); do c=$(cursor "$1" || true); [ -n "$c" ] && [ "$c" -ge "$2" ] && return 0; sleep 0.5; done
  log "$1 did not reach block $2"; return 1
}
start_node() { # name url role [extra env...]
  local name=$1 url=$2 role=$3; shift 3
  env "$@" Indexer__RpcUrl="$RPC_URL" Indexer__ChainId=31337 Indexer__DeploymentFile="$WORK/deployment.json" \
    Indexer__DatabasePath="$WORK/$name.db" Node__Role="$role" \
    setsid dotnet run --no-build -c Release --project src/OpenLedger.Node -- --urls "$url" >"$WORK/$name.log" 2>&1 </dev/null &
  PIDS+=($!)
}
loadgen() { # url out
  dotnet run --no-build -c Release --project benchmarks/OpenLedger.LoadGen -- --base-url "$1" --requests "$REQUESTS" --warmup "$WARMUP" \
    --concurrency "$CONCURRENCY" --limit 50 --min-contributions "$COUNT" >"$2" || [ $? = 2 ]
}

log "building (Release)..."
dotnet build -c Release src/OpenLedger.Node -v q -nologo >&2
dotnet build -c Release benchmarks/OpenLedger.LoadGen -v q -nologo >&2
RPC_URL=$(scripts/node.sh start 0 | tail -1)
NODE_PORT=${RPC_URL##*:}
log "loading $COUNT contributions into $RPC_URL..."
OPENLEDGER_RPC_URL="$RPC_URL" LOAD_OUT="$WORK/deployment.json" LOAD_LIFECYCLE=0 LOAD_CONTRIBUTIONS="$COUNT" LOAD_BATCH=200 LOAD_TXS_PER_BLOCK=3 \
  npx --no-install hardhat run tests/OpenLedger.Indexer.Tests/scripts/load.js --network localhost >&2
HEAD=$(node -e 'console.log(require(process.argv[1]).head)' "$WORK/deployment.json")
# The private server's own database holds the index: the server exists for this run only.
PG_DB=$(scripts/pg.sh start "$WORK/pg" | tail -1)

SQLITE_URL="http://127.0.0.1:$(scripts/node.sh free-port)"
INDEXER_URL="http://127.0.0.1:$(scripts/node.sh free-port)"
start_node sqlite "$SQLITE_URL" all
start_node indexer "$INDEXER_URL" indexer Store__Provider=postgres Store__ConnectionString="$PG_DB"
wait_cursor "$SQLITE_URL" "$HEAD"
wait_cursor "$INDEXER_URL" "$HEAD"
REPLICAS=()
for i in 1 2 3; do
  url="http://127.0.0.1:$(scripts/node.sh free-port)"
  start_node "replica$i" "$url" api Store__Provider=postgres Store__ConnectionString="$PG_DB"
  REPLICAS+=("$url")
done
for url in "${REPLICAS[@]}"; do wait_cursor "$url" "$HEAD"; done
log "all nodes at head $HEAD; load average $(cut -d' ' -f1-3 /proc/loadavg)"

echo "# API replicas on PostgreSQL beside one SQLite node"
echo
echo "Run $(date -u +%Y-%m-%dT%H:%MZ) on commit $(git rev-parse --short HEAD) by benchmarks/api/replicas.sh; $(nproc) cores shared by the Hardhat"
echo "node, PostgreSQL, five node hosts and the load generators. $COUNT contributions, head block $HEAD; $REQUESTS requests per"
echo "scenario per load generator after $WARMUP warm-up, concurrency $CONCURRENCY per load generator."
echo
echo "| Target | Scenario | Requests | Concurrency | Requests/s | p50 ms | p99 ms | max ms | Errors |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---:|"
log "load: SQLite node alone..."
loadgen "$SQLITE_URL" "$WORK/sqlite.md"
sed 's/^|/| SQLite, one process |/' "$WORK/sqlite.md"
log "load: three replicas at once (load average $(cut -d' ' -f1-3 /proc/loadavg))..."
LG=()
for i in 1 2 3; do loadgen "${REPLICAS[$((i-1))]}" "$WORK/replica$i.md" & LG+=($!); done
for pid in "${LG[@]}"; do wait "$pid"; done
for i in 1 2 3; do sed "s/^|/| PostgreSQL replica $i |/" "$WORK/replica$i.md"; done
# Together: the scenarios' requests/s summed over the replicas (they ran at the same time), p99 the worst of the three.
node -e '
const fs=require("fs");const rows={};
for (const f of process.argv.slice(1)) for (const line of fs.readFileSync(f,"utf8").split("\n").filter(l=>l.startsWith("|"))) {
  const c=line.split("|").map(s=>s.trim()); const k=c[1]; rows[k]??={req:0,conc:0,rps:0,p99:0,err:0};
  rows[k].req+=+c[2].replace(/,/g,""); rows[k].conc+=+c[3]; rows[k].rps+=+c[4].replace(/,/g,""); rows[k].p99=Math.max(rows[k].p99,+c[6]); rows[k].err+=+c[8].replace(/,/g,"");
}
for (const [k,r] of Object.entries(rows)) console.log(`| PostgreSQL, 3 replicas together | ${k} | ${r.req} | ${r.conc} | ${Math.round(r.rps)} | | ${r.p99} (worst) | | ${r.err} |`);
' "$WORK"/replica1.md "$WORK"/replica2.md "$WORK"/replica3.md
echo
log "live latency on replica 1: $LIVE_COUNT registrations..."
echo "## Live latency: receipt → GET /contributions/{id} 200 on replica 1 (the indexer writes PostgreSQL, the replica reads it)"
echo
echo "| Transactions | Spacing ms | API poll ms | p50 ms | p95 ms | max ms | p95 ≤ 1 s | Never indexed |"
echo "|---:|---:|---:|---:|---:|---:|---|---:|"
OPENLEDGER_RPC_URL="$RPC_URL" LIVE_API_URL="${REPLICAS[0]}" LIVE_DEPLOYMENT="$WORK/deployment.json" LIVE_COUNT="$LIVE_COUNT" \
  npx --no-install hardhat run benchmarks/api/live-latency.js --network localhost || true
echo
echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"

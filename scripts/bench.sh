#!/usr/bin/env bash
# Runs the benchmarks behind the issues' speed targets, each beside its reference measured in the same run.
#   scripts/bench.sh [micro|indexer|api|postgres|all]   (default: micro)
# micro:   BenchmarkDotNet (Keccak, signing, ABI, bindings, KNN-Shapley, sampled estimators, Merkle tree)
#          followed by the same operations in ethers.js v6 and @openzeppelin/merkle-tree.
# indexer: backfill of 100,000 contributions beside the node's raw eth_getLogs rate, two workloads: 100,000 register
#          transactions (one ContributionRegistered log each) and registerBatch (benchmarks/indexer/run.sh, RESULTS.md).
# api:     API requests/s, p99 and receipt-to-API latency (benchmarks/api/run.sh).
# postgres: backfill into PostgreSQL beside SQLite and raw eth_getLogs (benchmarks/indexer/run.sh with BENCH_POSTGRES=1),
#          three API replicas on one PostgreSQL database beside one SQLite node (benchmarks/api/replicas.sh) and the
#          leader failover with 20 SIGKILLs (benchmarks/failover/run.sh).
# Figures are reported in notes, never asserted in tests. Machine load changes them: note `uptime` beside them.
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-micro}
scripts/install.sh >/dev/null
uptime

micro() {
  dotnet run --project benchmarks/OpenLedger.Benchmarks -c Release -- --filter '*' --job short "${@}"
  echo "== ethers.js v6 reference (same machine, same run)"
  for script in benchmarks/ethers/*.js; do echo "-- $script"; node "$script"; done
  echo "-- @openzeppelin/merkle-tree reference"
  node benchmarks/merkle/oz-merkle-bench.js 100000
}

case "$what" in
  micro) micro ;;
  indexer) bash benchmarks/indexer/run.sh ;;
  api) bash benchmarks/api/run.sh ;;
  postgres) BENCH_POSTGRES=1 bash benchmarks/indexer/run.sh; bash benchmarks/api/replicas.sh; bash benchmarks/failover/run.sh 20 ;;
  all) micro; bash benchmarks/indexer/run.sh; bash benchmarks/api/run.sh ;;
  *) echo "usage: scripts/bench.sh [micro|indexer|api|postgres|all]" >&2; exit 2 ;;
esac

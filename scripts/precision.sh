#!/usr/bin/env bash
# The precision benchmark (issue 15): LDS of every attribution method against real models (ML.NET logreg and fasttree)
# retrained on subsets of contributions, for Wine, breast cancer and digits, with the k-NN proxies beside them, and the
# speed targets (retraining TMC for 20 contributions on Wine, influence functions on digits) with their references.
#   scripts/precision.sh [output [model,...]]   (default: docs/precision.md, every model class: logreg, fasttree, knn)
# Takes tens of minutes on 2 cores; never run from tests. Machine load changes the costs: note `uptime` beside them.
set -euo pipefail
cd "$(dirname "$0")/.."
uptime
dotnet run --project benchmarks/precision/PrecisionBench -c Release -- "$PWD" "${1:-docs/precision.md}" ${2:+"$2"}

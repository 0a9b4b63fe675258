#!/usr/bin/env bash
# Builds the CLI and writes the attack arena's scoreboard to docs/arena.md (generated: never edit it by hand).
# Usage: scripts/arena.sh [extra openledger arena options, e.g. --seed 15]. Prints the time the board took.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${OPENLEDGER_ARENA_SKIP_BUILD:-}" != 1 ]; then
  dotnet build src/OpenLedger.Cli --configuration Release --verbosity quiet --nologo >/dev/null
fi
start=$(date +%s.%N)
dotnet src/OpenLedger.Cli/bin/Release/net10.0/openledger.dll arena --format markdown --out docs/arena.md "$@"
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" 'BEGIN { printf "docs/arena.md written in %.1f s (wall clock, build excluded)\n", e - s }'

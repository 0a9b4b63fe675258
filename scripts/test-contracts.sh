#!/usr/bin/env bash
# The contract half of scripts/test.sh: compile with solcjs, lint, run the Hardhat tests.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n=== %s\n' "$*"; }

step "compile contracts"
npx --no-install hardhat compile

step "solhint"
npx --no-install solhint --max-warnings 0 'contracts/**/*.sol'

step "contract tests"
npx --no-install hardhat test

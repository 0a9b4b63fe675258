#!/usr/bin/env bash
# The contract half of scripts/test.sh: compile with solcjs, lint, run the Hardhat tests, then the coverage gate.
# Both test runs are needed: `hardhat test` runs on the optimised bytecode that gets deployed and is the only run
# whose gas assertions mean anything (the 65,536-leaf claim bound) and that plays the property sequences;
# `hardhat coverage` runs the unit tests on instrumented, unoptimised bytecode, and skips those two.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n=== %s\n' "$*"; }

step "compile contracts"
npx --no-install hardhat compile

step "solhint"
npx --no-install solhint --max-warnings 0 'contracts/**/*.sol'

step "contract tests"
# The results log (when scripts/test.sh gives one) feeds its closing "N passed, N failed" line.
npx --no-install hardhat test | tee -a "${OPENLEDGER_TEST_LOG:-/dev/null}"

step "contract coverage"
npx --no-install hardhat coverage

step "coverage gate (lines and branches >= 95% per contract)"
node scripts/coverage-check.js

# Coverage leaves instrumented artifacts behind. Compile the deployable ones again now, while nothing else runs:
# the dotnet tests start nodes (which read artifacts/build-info) and deploy from several test assemblies at once.
step "compile contracts again (deployable artifacts)"
npx --no-install hardhat compile

#!/usr/bin/env bash
# Runs every test of the project: installs what it needs, then the contract suite and the dotnet suite.
# Anything a test needs (a Hardhat node) is started on a free loopback port and stopped afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
trap 'scripts/node.sh stop >/dev/null 2>&1 || true' EXIT
step() { printf '\n=== %s\n' "$*"; }

step "install"
scripts/install.sh

scripts/test-contracts.sh

step "dotnet build"
dotnet build OpenLedger.sln --no-restore --configuration Release --verbosity quiet

step "dotnet test"
dotnet test OpenLedger.sln --no-build --configuration Release --verbosity quiet --logger "console;verbosity=minimal"

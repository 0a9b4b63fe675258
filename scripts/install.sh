#!/usr/bin/env bash
# Installs everything the project needs on a fresh machine: npm packages (from the lockfiles), the explorer's bundle,
# Chromium for the browser tests and NuGet packages.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v node >/dev/null || { echo "node is required (Node.js 20+)" >&2; exit 1; }
command -v dotnet >/dev/null || { echo "dotnet is required (.NET SDK 10)" >&2; exit 1; }
command -v curl >/dev/null || { apt-get update -qq && apt-get install -y -qq curl >/dev/null; }
# ICU: BIP-39 mnemonics and passphrases are NFKD-normalised, which .NET does only with ICU present.
ldconfig -p | grep -q libicuuc || { apt-get update -qq && apt-get install -y -qq libicu72 >/dev/null; }
# PostgreSQL server binaries: the PostgreSQL store's tests and benchmarks start a private server (scripts/pg.sh).
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq postgresql >/dev/null; }
# npm ci only when the lockfile changed since the last install, or in CI (a clean clone has no node_modules).
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
# The explorer (src/OpenLedger.Explorer) is its own npm project: its packages from its own lockfile, again only when the
# lockfile changed, then its bundle (dist/, which the node's build copies beside the binary as explorer/).
explorer=src/OpenLedger.Explorer
if [ ! -f "$explorer/node_modules/.package-lock.json" ] || [ "$explorer/package-lock.json" -nt "$explorer/node_modules/.package-lock.json" ]; then
  (cd "$explorer" && npm ci --no-audit --no-fund)
fi
(cd "$explorer" && npm run --silent build)
# The explorer's browser tests drive Debian's Chromium headless (Playwright never downloads a browser here).
[ -x /usr/bin/chromium ] || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }
dotnet restore OpenLedger.sln --verbosity quiet

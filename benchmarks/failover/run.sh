#!/usr/bin/env bash
# Failover: a leader indexer process and a standby on one store; the leader is SIGKILLed at KILLS seeded moments of a
# backfill of over 22,000 contributions (CrashChain: 20,000 single registrations and 100 registerBatch logs, about 300
# blocks, one block per range), the standby takes the lease and resumes from the cursor, a new standby starts beside
# it each time, and the final database must equal one clean run (canonical dump: 0 lost, 0 duplicated).
# It is FailoverTests with OPENLEDGER_FAILOVER_KILLS set, on PostgreSQL and on one SQLite file (the lease there is a
# file lock: one machine); each kill's cursor and the standby's takeover time are printed.
#   benchmarks/failover/run.sh [KILLS]   (default: 20)
set -euo pipefail
cd "$(dirname "$0")/../.."
KILLS=${1:-20}
echo "failover: $KILLS kills (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
OPENLEDGER_FAILOVER_KILLS=$KILLS dotnet test tests/OpenLedger.Indexer.Tests -c Release --logger "console;verbosity=detailed" \
  --filter "FullyQualifiedName~FailoverTests.A_leader_killed_at_seeded_moments" 2>&1 \
  | grep -E -A4 "^\s+(Passed|Failed) |kill [0-9]+ after|kills,|contributions [0-9]|Passed!|Failed!|Error Message" | grep -v "^\s*at \|Stack Trace" || true
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

#!/usr/bin/env bash
# Starts or stops a local Hardhat node bound to 127.0.0.1.
#   scripts/node.sh start [PORT]   start in the background (PORT 0 or omitted: a free port), wait until it
#                                  answers JSON-RPC, print its URL; pid and log go to .run/node-PORT.{pid,log}
#   scripts/node.sh stop [PORT]    stop the node started on PORT (all nodes started by this script if omitted)
#   scripts/node.sh free-port      print a free loopback port
set -euo pipefail
cd "$(dirname "$0")/.."
RUN_DIR=.run
mkdir -p "$RUN_DIR"

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();});'
}

rpc_ready() { # url
  curl -sf -m 2 -H 'content-type: application/json' \
    -d '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}' "$1" 2>/dev/null | grep -q '"result"'
}

start() {
  local port=${1:-0}
  [ "$port" = 0 ] && port=$(free_port)
  local url="http://127.0.0.1:$port" pidfile="$RUN_DIR/node-$port.pid" log="$RUN_DIR/node-$port.log"
  if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    echo "a node started by this script already runs on port $port (pid $(cat "$pidfile"))" >&2; exit 1
  fi
  # setsid: the node gets its own process group, so stop can end npx and the node together.
  setsid npx --no-install hardhat node --hostname 127.0.0.1 --port "$port" >"$log" 2>&1 < /dev/null &
  echo $! >"$pidfile"
  for _ in $(seq 1 150); do
    if rpc_ready "$url"; then echo "$url"; return 0; fi
    if ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then
      echo "hardhat node on port $port exited before answering; its log ($log):" >&2; tail -20 "$log" >&2
      rm -f "$pidfile"; exit 1
    fi
    sleep 0.2
  done
  echo "hardhat node on port $port did not answer JSON-RPC within 30 s; see $log" >&2
  stop_one "$port"; exit 1
}

stop_one() { # port
  local pidfile="$RUN_DIR/node-$1.pid"
  [ -f "$pidfile" ] || return 0
  local pid; pid=$(cat "$pidfile")
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL -- "-$pid" 2>/dev/null || true
  rm -f "$pidfile"
}

case "${1:-}" in
  start) start "${2:-0}" ;;
  stop)
    if [ -n "${2:-}" ]; then stop_one "$2"
    else for f in "$RUN_DIR"/node-*.pid; do [ -e "$f" ] || continue; p=${f##*/node-}; stop_one "${p%.pid}"; done
    fi ;;
  free-port) free_port ;;
  *) echo "usage: scripts/node.sh start [PORT] | stop [PORT] | free-port" >&2; exit 2 ;;
esac

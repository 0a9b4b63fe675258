#!/usr/bin/env bash
# A private PostgreSQL server for tests and benchmarks: its own data directory, 127.0.0.1 only, its unix socket inside
# that directory, password authentication over TCP.
#   scripts/pg.sh start DIR [PORT]   initdb into DIR/data (once), start on PORT (0 or omitted: a free port), print the
#                                    connection string (user openledger, password in DIR/password)
#   scripts/pg.sh stop DIR           stop the server of DIR (fast shutdown) and leave DIR for the caller to delete
# initdb refuses to run as root: as root the server runs as the 'postgres' user the Debian package creates.
set -euo pipefail

bin_dir() {
  local initdb
  initdb=$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -1 || true)
  if [ -z "$initdb" ]; then
    echo "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): scripts/install.sh installs it (apt-get install postgresql)" >&2
    exit 3
  fi
  dirname "$initdb"
}

as_owner() { # command...
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || { echo "running as root but there is no 'postgres' user to run the server as" >&2; exit 3; }
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1]);s.close()'
}

start() { # dir port
  local dir=$1 port=${2:-0} bin
  bin=$(bin_dir)
  [ "$port" = 0 ] && port=$(free_port)
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  # As root the server's user must reach DIR: its parent (a private temp directory, say) gets search permission.
  if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; chmod a+x "$(dirname "$dir")"; fi
  chmod 700 "$dir"
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' >"$dir/password"
    [ "$(id -u)" = 0 ] && chown postgres "$dir/password"
    as_owner "$bin/initdb" -D "$dir/data" -U openledger --pwfile="$dir/password" --auth-local=trust --auth-host=scram-sha-256 \
      -E UTF8 --locale=C --no-sync >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
  fi
  # fsync off: a test server that dies loses nothing anyone needs, and the 2-core machine spends less on I/O.
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir -c fsync=off -c max_connections=200" >/dev/null \
    || { tail -20 "$dir/server.log" >&2; exit 1; }
  echo "Host=127.0.0.1;Port=$port;Username=openledger;Password=$(cat "$dir/password");Database=postgres"
}

stop() { # dir
  local dir=$1 bin
  bin=$(bin_dir)
  [ -f "$dir/data/postmaster.pid" ] || return 0
  as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null
}

case "${1:-}" in
  start) start "${2:?DIR}" "${3:-0}" ;;
  stop) stop "${2:?DIR}" ;;
  *) echo "usage: scripts/pg.sh start DIR [PORT] | stop DIR" >&2; exit 2 ;;
esac

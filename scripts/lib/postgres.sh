# A private PostgreSQL cluster on loopback for scripts/real-servers.sh and scripts/cluster.sh:
# database `parley`, user `parley` / `parley`. The caller sets PG (the state dir), PG_PORT and HOST,
# and sources lib/daemons.sh first.

pg_bin() {
  local d
  d=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n1)
  if [ ! -x "$d/pg_ctl" ]; then die "PostgreSQL server binaries not found; run: $0 install"; fi
  printf '%s' "$d"
}

as_postgres() { # run a command as the postgres OS user from a directory it may enter
  (cd / && runuser -u postgres -- "$@")
}


pg_running() {
  pid_alive "$PG/data/postmaster.pid" postgres
}

pg_psql() { # sql
  as_postgres "$(pg_bin)/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG/run" -p "$PG_PORT" -U postgres -d postgres -tA -c "$1"
}

start_postgres() {
  local bin
  bin=$(pg_bin)
  mkdir -p "$PG/run"
  chown postgres:postgres "$PG" "$PG/run"
  chmod 755 "$PG"
  if [ ! -f "$PG/data/PG_VERSION" ]; then
    say "initdb $PG/data"
    rm -rf "$PG/data"
    as_postgres "$bin/initdb" -D "$PG/data" -U postgres -E UTF8 --locale=C \
      --auth-local=peer --auth-host=scram-sha-256 >"$PG/initdb.log" 2>&1 ||
      die "initdb failed: $(tail -n 20 "$PG/initdb.log")"
    cat >> "$PG/data/postgresql.conf" <<EOF

# $TOOL: loopback only, private socket directory, a throwaway cluster.
listen_addresses = '$HOST'
port = $PG_PORT
unix_socket_directories = '$PG/run'
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
  fi
  if pg_running; then
    say "postgresql already running"
  else
    say "starting postgresql"
    ports_free postgresql "$PG_PORT"
    # Stale lock files whose pid now names another process would stop postgres starting.
    rm -f "$PG/data/postmaster.pid" "$PG/run/.s.PGSQL.$PG_PORT" "$PG/run/.s.PGSQL.$PG_PORT.lock"
    as_postgres "$bin/pg_ctl" start -D "$PG/data" -l "$PG/postgresql.log" -w -t 60 >/dev/null ||
      die "postgresql did not start: $(tail -n 20 "$PG/postgresql.log")"
  fi
  wait_ports postgresql 30 "$PG_PORT"
  pg_psql "DO \$\$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'parley') THEN
        CREATE ROLE parley LOGIN PASSWORD 'parley';
      ELSE
        ALTER ROLE parley LOGIN PASSWORD 'parley';
      END IF;
    END \$\$;"
  if [ "$(pg_psql "SELECT 1 FROM pg_database WHERE datname = 'parley'")" != 1 ]; then
    pg_psql "CREATE DATABASE parley OWNER parley"
  fi
}

stop_postgres() {
  if pg_running; then
    say "stopping postgresql"
    STOPPED_PORTS+=("$PG_PORT")
    as_postgres "$(pg_bin)/pg_ctl" stop -D "$PG/data" -m fast -w >/dev/null || true
  fi
}


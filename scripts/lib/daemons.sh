# Shared by scripts/real-servers.sh and scripts/cluster.sh: messages, ports and pid files of the
# private daemons they start on loopback. The caller sets TOOL (its name in messages), HOST and LOG.

say() { printf '%s: %s\n' "$TOOL" "$*"; }
die() { printf '%s: error: %s\n' "$TOOL" "$*" >&2; exit 1; }

port_answers() { # port -> 0 when something accepts a TCP connection on 127.0.0.1:port
  timeout 2 bash -c "exec 3<>/dev/tcp/$HOST/$1" 2>/dev/null
}

wait_ports() { # name seconds port...
  local name=$1 secs=$2 p deadline
  shift 2
  deadline=$((SECONDS + secs))
  for p in "$@"; do
    until port_answers "$p"; do
      [ "$SECONDS" -lt "$deadline" ] || die "$name does not answer on $HOST:$p after ${secs}s (logs: $LOG)"
      sleep 0.2
    done
  done
}

ports_free() { # name port... -> dies when a port is taken by a process we did not start
  local name=$1 p
  shift
  for p in "$@"; do
    port_answers "$p" && die "$name cannot start: $HOST:$p is already in use by another process" \
      "(a server started from another state dir? try: ss -ltnp 'sport = :$p')"
  done
  return 0
}

wait_ports_closed() { # seconds port...
  local secs=$1 p deadline
  shift
  deadline=$((SECONDS + secs))
  for p in "$@"; do
    while port_answers "$p"; do
      [ "$SECONDS" -lt "$deadline" ] || { say "warning: $HOST:$p still answers"; break; }
      sleep 0.2
    done
  done
}

# A pid file counts only while its process is alive AND is the expected program: after a
# reboot or a killed session the same pid may belong to something else, which must never
# get our reload or stop signals.
pid_alive() { # pidfile program
  local pid comm
  pid=$(head -n1 "$1" 2>/dev/null | tr -d ' ') || return 1
  case "$pid" in '' | *[!0-9]*) return 1 ;; esac
  comm=$(cat "/proc/$pid/comm" 2>/dev/null) || return 1
  [ "$comm" = "$2" ]
}


#!/usr/bin/env bash
# The hosted cluster of docker-compose.yml, on loopback and without Docker (issue #14): a private
# PostgreSQL (Debian's package), two Parley instances in hosted mode sharing it, and nginx in front.
#
#   scripts/cluster.sh install            apt-get what is missing (postgresql, nginx), as root
#   scripts/cluster.sh start [JAR]        start everything (idempotent); JAR defaults to target/parley-*.jar
#   scripts/cluster.sh status             which ports answer (exit 3 if any is down)
#   scripts/cluster.sh kill N             kill instance N (1 or 2) at once, as a crash would
#   scripts/cluster.sh restart N [JAR]    start instance N again
#   scripts/cluster.sh stop               stop everything
#
# Ports (127.0.0.1 only): nginx 9080, instances 9081 and 9082, PostgreSQL 9432; instance 1 runs the
# practice mail servers for both on 9025 (SMTP), 9465, 9110 (POP3), 9995, 9143 (IMAP), 9993 and the
# web site on 9088. The instructor's password is $PARLEY_CLUSTER_PASSWORD (default below: a test
# cluster, not a hosted one). State: $PARLEY_CLUSTER_DIR (default /tmp/parley-cluster), with
# cluster.env for tests (`set -a; . /tmp/parley-cluster/cluster.env; set +a`).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"

STATE="${PARLEY_CLUSTER_DIR:-/tmp/parley-cluster}"
HOST=127.0.0.1
NGINX_PORT=9080
INSTANCE_PORTS=(9081 9082)
PG_PORT=9432
PRACTICE=(--parley.practice.smtp-port=9025 --parley.practice.smtps-port=9465 --parley.practice.pop3-port=9110
  --parley.practice.pop3s-port=9995 --parley.practice.imap-port=9143 --parley.practice.imaps-port=9993
  --parley.practice.http-port=9088 --parley.practice.host=127.0.0.1)
PASSWORD="${PARLEY_CLUSTER_PASSWORD:-cluster-instructor-password}"
LOG="$STATE/log"
PG="$STATE/pg"
NGINX="$STATE/nginx"
ENV_FILE="$STATE/cluster.env"
STOPPED_PORTS=()

TOOL=cluster
# shellcheck source=scripts/lib/daemons.sh
. "$ROOT/scripts/lib/daemons.sh"
# shellcheck source=scripts/lib/postgres.sh
. "$ROOT/scripts/lib/postgres.sh"

java_bin() {
  local j
  for j in "${JAVA_HOME:-}/bin/java" /usr/lib/jvm/temurin-25-jdk-amd64/bin/java /usr/lib/jvm/*/bin/java; do
    if [ -x "$j" ] && "$j" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then echo "$j"; return; fi
  done
  die "no Java 21 or newer found (set JAVA_HOME)"
}

# The instances run a copy of the jar in $STATE: a build that rewrites target/ (./mvnw verify packages
# again) must not change a jar under a running JVM. `restart` without a JAR reuses that copy.
the_jar() {
  local jar="${1:-}" copy="$STATE/parley.jar"
  if [ -z "$jar" ] && [ -f "$copy" ] && { instance_running 1 || instance_running 2; }; then echo "$copy"; return; fi
  [ -n "$jar" ] || jar=$(ls "$ROOT"/target/parley-*.jar 2>/dev/null | grep -v original | head -n1 || true)
  [ -n "$jar" ] && [ -f "$jar" ] || die "no Parley jar: build it with ./mvnw -DskipTests package (or give its path)"
  if [ "$jar" != "$copy" ]; then cp "$jar" "$copy.tmp" && mv "$copy.tmp" "$copy"; fi
  echo "$copy"
}

cmd_install() {
  local missing=() p
  for p in postgresql nginx; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
  done
  [ "${#missing[@]}" -eq 0 ] && { say "postgresql and nginx already installed"; return 0; }
  [ "$(id -u)" -eq 0 ] || die "install needs root"
  # Package scripts must not start the system daemons (nginx would listen on every address).
  local policy=/usr/sbin/policy-rc.d added=
  if [ ! -e "$policy" ]; then printf '#!/bin/sh\nexit 101\n' > "$policy"; chmod 755 "$policy"; added=1; fi
  local rc=0
  { export DEBIAN_FRONTEND=noninteractive; apt-get update -q &&
    apt-get install -y -q --no-install-recommends "${missing[@]}"; } || rc=$?
  [ -n "$added" ] && rm -f "$policy"
  [ "$rc" -eq 0 ] || die "apt-get failed ($rc)"
}

# ------------------------------------------------------------------------------------ instances

instance_pid() { echo "$STATE/parley-$1.pid"; }

instance_running() { # n
  local pid
  pid=$(cat "$(instance_pid "$1")" 2>/dev/null) || return 1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && grep -q java "/proc/$pid/cmdline" 2>/dev/null
}

start_instance() { # n [jar]
  local n=$1 jar port practice=()
  jar=$(the_jar "${2:-}")
  port=${INSTANCE_PORTS[$((n - 1))]}
  if instance_running "$n"; then say "instance $n already running"; return 0; fi
  ports_free "instance $n" "$port"
  if [ "$n" -eq 1 ]; then
    practice=("${PRACTICE[@]}")
  else
    # The practice servers run once for the cluster, on instance 1: this one reaches them there.
    practice=("${PRACTICE[@]}" --parley.practice.enabled=false --parley.practice.external=true)
  fi
  say "starting instance $n on $HOST:$port"
  mkdir -p "$STATE/instance-$n"
  (cd "$STATE/instance-$n" && exec "$(java_bin)" -Xmx1g -jar "$jar" \
    --server.port="$port" --server.address="$HOST" --parley.mode=hosted \
    --server.forward-headers-strategy=native \
    --parley.workshop.instructor-password="$PASSWORD" \
    --spring.datasource.url="jdbc:postgresql://$HOST:$PG_PORT/parley" \
    --spring.datasource.username=parley --spring.datasource.password=parley \
    "${practice[@]}" >>"$LOG/parley-$n.log" 2>&1) &
  echo $! > "$(instance_pid "$n")"
  sleep 1 # the subshell execs java: until it did, the pid is not yet java's
  local deadline=$((SECONDS + 120))
  until curl -sf "http://$HOST:$port/actuator/health" >/dev/null 2>&1; do
    instance_running "$n" || die "instance $n stopped while starting: $(tail -n 30 "$LOG/parley-$n.log")"
    [ "$SECONDS" -lt "$deadline" ] || die "instance $n is not healthy after 120 s (log: $LOG/parley-$n.log)"
    sleep 0.5
  done
}

kill_instance() { # n
  if instance_running "$1"; then
    say "killing instance $1"
    kill -9 "$(cat "$(instance_pid "$1")")"
    wait_ports_closed 10 "${INSTANCE_PORTS[$(($1 - 1))]}"
  fi
  rm -f "$(instance_pid "$1")"
}

stop_instance() { # n
  if instance_running "$1"; then
    say "stopping instance $1"
    kill "$(cat "$(instance_pid "$1")")" || true
    local i
    for i in $(seq 60); do instance_running "$1" || break; sleep 0.25; done
    instance_running "$1" && kill -9 "$(cat "$(instance_pid "$1")")" || true
  fi
  rm -f "$(instance_pid "$1")"
}

# ---------------------------------------------------------------------------------------- nginx

start_nginx() {
  mkdir -p "$NGINX/tmp"
  cat > "$NGINX/nginx.conf" <<EOF
# Written by scripts/cluster.sh: the repository's proxy rules (deploy/nginx) in front of two instances.
worker_processes 1;
pid $NGINX/nginx.pid;
error_log $LOG/nginx-error.log;
events { worker_connections 4096; }
http {
  # Which instance answered (upstream), for the load run's share per instance.
  log_format parley '\$remote_addr [\$time_local] "\$request" \$status \$body_bytes_sent \$request_time upstream=\$upstream_addr';
  access_log $LOG/nginx-access.log parley;
  client_body_temp_path $NGINX/tmp/body;
  proxy_temp_path $NGINX/tmp/proxy;
  fastcgi_temp_path $NGINX/tmp/fastcgi;
  uwsgi_temp_path $NGINX/tmp/uwsgi;
  scgi_temp_path $NGINX/tmp/scgi;
  include $ROOT/deploy/nginx/parley-http.conf;
  upstream parley {
    hash \$parley_client consistent;
    server $HOST:${INSTANCE_PORTS[0]} max_fails=1 fail_timeout=5s;
    server $HOST:${INSTANCE_PORTS[1]} max_fails=1 fail_timeout=5s;
    keepalive 32;
  }
  server {
    listen $HOST:$NGINX_PORT;
    include $ROOT/deploy/nginx/parley-proxy.conf;
  }
}
EOF
  nginx -q -t -c "$NGINX/nginx.conf" -p "$NGINX" -e "$LOG/nginx-error.log" >"$LOG/nginx-check.log" 2>&1 ||
    die "nginx configuration invalid: $(cat "$LOG/nginx-check.log")"
  if pid_alive "$NGINX/nginx.pid" nginx; then
    nginx -c "$NGINX/nginx.conf" -p "$NGINX" -e "$LOG/nginx-error.log" -s reload
  else
    say "starting nginx on $HOST:$NGINX_PORT"
    ports_free nginx "$NGINX_PORT"
    nginx -c "$NGINX/nginx.conf" -p "$NGINX" -e "$LOG/nginx-error.log"
  fi
  wait_ports nginx 30 "$NGINX_PORT"
}

stop_nginx() {
  if pid_alive "$NGINX/nginx.pid" nginx; then
    say "stopping nginx"
    nginx -c "$NGINX/nginx.conf" -p "$NGINX" -e "$LOG/nginx-error.log" -s quit || true
    local i
    for i in $(seq 50); do pid_alive "$NGINX/nginx.pid" nginx || break; sleep 0.2; done
  fi
}

# ---------------------------------------------------------------------------------------- commands

write_env() {
  cat > "$ENV_FILE" <<EOF
PARLEY_CLUSTER_DIR=$STATE
PARLEY_CLUSTER_URL=http://$HOST:$NGINX_PORT
PARLEY_CLUSTER_INSTANCE_1=http://$HOST:${INSTANCE_PORTS[0]}
PARLEY_CLUSTER_INSTANCE_2=http://$HOST:${INSTANCE_PORTS[1]}
PARLEY_CLUSTER_PASSWORD=$PASSWORD
PARLEY_CLUSTER_PG_URL=jdbc:postgresql://$HOST:$PG_PORT/parley
PARLEY_CLUSTER_SMTP=$HOST:9025
PARLEY_CLUSTER_POP3=$HOST:9110
PARLEY_CLUSTER_IMAP=$HOST:9143
EOF
  chmod 644 "$ENV_FILE"
}

cmd_start() {
  mkdir -p "$STATE" "$LOG"
  chmod 755 "$STATE"
  command -v nginx >/dev/null || die "nginx is not installed: $0 install"
  start_postgres
  start_instance 1 "${1:-}"
  start_instance 2 "${1:-}"
  start_nginx
  write_env
  say "cluster up: http://$HOST:$NGINX_PORT (instances :${INSTANCE_PORTS[0]} :${INSTANCE_PORTS[1]}); env: $ENV_FILE"
}

cmd_stop() {
  stop_nginx
  stop_instance 2
  stop_instance 1
  if ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 && [ -d "$PG" ]; then stop_postgres; fi
}

cmd_status() {
  local down=0 line name port
  for line in nginx:$NGINX_PORT instance-1:${INSTANCE_PORTS[0]} instance-2:${INSTANCE_PORTS[1]} \
              postgresql:$PG_PORT practice-smtp:9025; do
    name=${line%%:*}
    port=${line##*:}
    if port_answers "$port"; then
      printf '  %-14s %s:%-5s up\n' "$name" "$HOST" "$port"
    else
      printf '  %-14s %s:%-5s DOWN\n' "$name" "$HOST" "$port"
      down=1
    fi
  done
  return $((down * 3))
}

case "${1:-}" in
  install) cmd_install ;;
  start) cmd_start "${2:-}" ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  kill) kill_instance "${2:?which instance: 1 or 2}" ;;
  restart) mkdir -p "$LOG"; start_instance "${2:?which instance: 1 or 2}" "${3:-}" ;;
  *) sed -n '2,18p' "$0"; exit 2 ;;
esac

#!/usr/bin/env bash
# The workshop load run of issue #10, rerunnable: builds the jar, starts Parley in hosted mode on
# loopback (its own database and practice ports, a generated instructor password), runs the load
# client (src/test/java/dev/parley/bench/WorkshopLoad.java): N attendees join and each runs the
# SMTP walkthrough once a minute for M minutes while the instructor follows one of them. Prints
# the figures and saves them to target/bench/workshop-load.json; the server's log is kept beside it.
#
#   scripts/workshop-load.sh [--attendees 200] [--minutes 5] [--interval-seconds 60] [--skip-build]
#
# Exit status: the load client's (0: no failure). Traffic stays on 127.0.0.1.
set -euo pipefail

ATTENDEES=200
MINUTES=5
INTERVAL=60
BUILD=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --attendees) ATTENDEES="$2"; shift 2 ;;
    --minutes) MINUTES="$2"; shift 2 ;;
    --interval-seconds) INTERVAL="$2"; shift 2 ;;
    --skip-build) BUILD=0; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "Unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/target/bench"
mkdir -p "$OUT"

# Java 21 or newer (the build's toolchain finds one; so does this).
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/java}"
if [[ -z "$JAVA" ]] || ! "$JAVA" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  JAVA=$(ls -d /usr/lib/jvm/*25*/bin/java /usr/lib/jvm/*21*/bin/java 2>/dev/null | head -1 || true)
fi
[[ -x "$JAVA" ]] || { echo "Need Java 21 or newer (set JAVA_HOME)." >&2; exit 2; }

if [[ $BUILD == 1 ]]; then
  echo "Building (jar and test classes)…"
  ./mvnw -B -q -Djacoco.skip=true -DskipTests package
fi
CLASSPATH_FILE="$OUT/test-classpath.txt"
if [[ $BUILD == 1 || ! -s "$CLASSPATH_FILE" ]]; then
  ./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CLASSPATH_FILE" >/dev/null
fi
JAR=$(ls target/parley-*.jar | grep -v -- '-plain' | head -1)

RUN=$(mktemp -d /tmp/parley-load.XXXXXX)
PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 20)
LOG="$OUT/workshop-load-server.log"
SERVER=""
cleanup() {
  if [[ -n "$SERVER" ]] && kill -0 "$SERVER" 2>/dev/null; then
    kill "$SERVER" 2>/dev/null || true
    wait "$SERVER" 2>/dev/null || true
  fi
  rm -rf "$RUN"
}
trap cleanup EXIT

echo "Starting Parley (hosted, 127.0.0.1, data in $RUN)…"
# Caps suited to the run: every simulated attendee is one client of its own already; the sends
# limit is raised so the walkthrough's quick succession of lines is never what is measured.
PARLEY_WORKSHOP_INSTRUCTOR_PASSWORD="$PASSWORD" "$JAVA" -Xmx2g -jar "$JAR" \
  --parley.mode=hosted --server.address=127.0.0.1 --server.port=0 \
  --spring.datasource.url="jdbc:h2:file:$RUN/parley" \
  --parley.practice.smtp-port=0 --parley.practice.smtps-port=0 \
  --parley.practice.pop3-port=0 --parley.practice.pop3s-port=0 \
  --parley.practice.imap-port=0 --parley.practice.imaps-port=0 --parley.practice.http-port=0 \
  --parley.workshop.max-capacity=$(( ATTENDEES > 1000 ? ATTENDEES : 1000 )) \
  --parley.limits.sends-per-second=100 \
  >"$LOG" 2>&1 &
SERVER=$!
PORT=""
for _ in $(seq 1 120); do
  PORT=$(grep -oE 'Tomcat started on port\(?s?\)?:? [0-9]+' "$LOG" | grep -oE '[0-9]+$' | head -1 || true)
  [[ -n "$PORT" ]] && break
  kill -0 "$SERVER" 2>/dev/null || { echo "Parley did not start; see $LOG" >&2; exit 1; }
  sleep 1
done
[[ -n "$PORT" ]] || { echo "Parley did not start within 2 minutes; see $LOG" >&2; exit 1; }
echo "Parley is on 127.0.0.1:$PORT (pid $SERVER). Load: $ATTENDEES attendees, $MINUTES min, a walkthrough every $INTERVAL s each."
echo "Machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the run."

set +e
PARLEY_LOAD_PASSWORD="$PASSWORD" "$JAVA" -cp "target/test-classes:$(cat "$CLASSPATH_FILE")" dev.parley.bench.WorkshopLoad \
  --base "http://127.0.0.1:$PORT" --attendees "$ATTENDEES" --minutes "$MINUTES" --interval-seconds "$INTERVAL" \
  --server-pid "$SERVER" --out "$OUT/workshop-load.json"
STATUS=$?
set -e
echo "Figures: $OUT/workshop-load.json; server log: $LOG"
exit $STATUS

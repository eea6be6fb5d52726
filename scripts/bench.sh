#!/usr/bin/env bash
# Parley's benchmarks, one command: builds what it needs, starts a loopback line server, websockify
# in front of it and the Parley jar, runs the load client against direct TCP, websockify and
# Parley's /ws/session (latency interleaved in one run; hold; load), runs JMH for the dialects,
# and writes target/bench/results.json, target/bench/chart.svg and the figures table in
# docs/performance.md. Only loopback addresses are used.
#
#   scripts/bench.sh [--quick] [--hold N] [--load N,R,T] [--heap SIZE] [--jfr] [--no-jmh] [--no-docs]
#
#   --quick       a short run (about two minutes): few rounds, 200 held sessions, 100 x 10/s x 5 s
#   --hold N      sessions to hold through Parley (default 9500: the most 20,000 open files allow)
#   --load N,R,T  N sessions x R lines/s for T seconds (default 1000,10,60); direct TCP gets the same,
#                 websockify at most --websockify-sessions (default 200: it forks one process per connection)
#   --heap SIZE   Parley's -Xmx (default 4g; 9,500 held sessions take about 400 MB since issue #8)
#   --jfr         record Parley with JFR (profile settings) into target/bench/parley.jfr
#   --no-jmh      skip the JMH dialect benchmarks
#   --no-docs     leave docs/performance.md alone (results.json and chart.svg are still written)
#
# See docs/performance.md for what each figure means.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"
COMMAND="scripts/bench.sh $*"

QUICK=false
HOLD=""
LOAD=""
HEAP=4g
JFR=false
JMH=true
DOCS=true
WEBSOCKIFY_SESSIONS=200
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=true ;;
    --hold) HOLD="$2"; shift ;;
    --load) LOAD="$2"; shift ;;
    --heap) HEAP="$2"; shift ;;
    --jfr) JFR=true ;;
    --no-jmh) JMH=false ;;
    --no-docs) DOCS=false ;;
    --websockify-sessions) WEBSOCKIFY_SESSIONS="$2"; shift ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "bench: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

if $QUICK; then
  ROUNDS=600; WARMUP=300; HOLD="${HOLD:-200}"; LOAD="${LOAD:-100,10,5}"; LOAD_WARMUP=2
  JMH_ARGS=(-f 1 -wi 2 -w 1s -i 3 -r 1s)
else
  ROUNDS=3000; WARMUP=1000; HOLD="${HOLD:-9500}"; LOAD="${LOAD:-1000,10,60}"; LOAD_WARMUP=5
  JMH_ARGS=(-f 1 -wi 3 -w 2s -i 5 -r 2s)
fi
IFS=, read -r LOAD_SESSIONS LOAD_RATE LOAD_SECONDS <<<"$LOAD"

OUT="$ROOT/target/bench"
RUN="$OUT/run"
rm -rf "$RUN"
mkdir -p "$RUN"
log() { echo "bench: $*" >&2; }

# A JDK 21 or newer: JAVA_HOME if it is one, else the newest under /usr/lib/jvm.
java_version() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
JAVA=""
for candidate in "${JAVA_HOME:-}/bin/java" $(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | sort -rV) "$(command -v java || true)"; do
  if [ -x "$candidate" ] && [ "$(java_version "$candidate")" -ge 21 ] 2>/dev/null; then JAVA="$candidate"; break; fi
done
[ -n "$JAVA" ] || { log "needs a JDK 21 or newer"; exit 1; }
JCMD="$(dirname "$JAVA")/jcmd"
log "java: $JAVA ($(java_version "$JAVA"))"

# websockify (Debian's package, 0.10): installed when missing and we are root; else its column stays empty.
if ! command -v websockify >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing websockify"
    { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends websockify; } \
      >"$RUN/apt.log" 2>&1 || log "could not install websockify (see $RUN/apt.log); running without it"
  else
    log "websockify is not installed and this is not root: running without it"
  fi
fi

log "building the jar and the benchmark classes"
./mvnw -B -q -DskipTests -Djacoco.skip=true package >"$RUN/build.log" 2>&1 || { tail -40 "$RUN/build.log"; exit 1; }
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$RUN/classpath.txt" \
  >>"$RUN/build.log" 2>&1 || { tail -40 "$RUN/build.log"; exit 1; }
CP="$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$RUN/classpath.txt")"
JAR="$(ls "$ROOT"/target/parley-*.jar | grep -v original | head -1)"

PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

free_port() { "$JAVA" -cp "$CP" dev.parley.bench.FreePort; }
load_average() { cut -d' ' -f1-3 /proc/loadavg; }
LOAD_BEFORE="$(load_average)"

if $JMH; then
  log "JMH: dialect decoding and the long line (${JMH_ARGS[*]})"
  "$JAVA" -cp "$CP" org.openjdk.jmh.Main 'DialectDecodeBenchmark|LongLineBenchmark' "${JMH_ARGS[@]}" \
    -rf json -rff "$RUN/jmh.json" >"$RUN/jmh.log" 2>&1 || { tail -30 "$RUN/jmh.log"; exit 1; }
fi

log "starting the line server"
"$JAVA" -Xmx1g -cp "$CP" dev.parley.bench.LineServer 0 >"$RUN/line-server.out" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 100); do grep -q 'port=' "$RUN/line-server.out" 2>/dev/null && break; sleep 0.1; done
LINE_PORT="$(sed -n 's/^LINESERVER port=//p' "$RUN/line-server.out")"
[ -n "$LINE_PORT" ] || { cat "$RUN/line-server.out"; exit 1; }

WS_PORT=0
if command -v websockify >/dev/null 2>&1; then
  WS_PORT="$(free_port)"
  log "starting websockify $(dpkg-query -W -f='${Version}' websockify 2>/dev/null || true) on $WS_PORT"
  websockify "127.0.0.1:$WS_PORT" "127.0.0.1:$LINE_PORT" >"$RUN/websockify.out" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 50); do (exec 3<>"/dev/tcp/127.0.0.1/$WS_PORT") 2>/dev/null && break; sleep 0.1; done
fi

PARLEY_PORT="$(free_port)"
PARLEY_OPTS=(-Xmx"$HEAP" -XX:+UseG1GC)
if $JFR; then PARLEY_OPTS+=(-XX:StartFlightRecording=filename="$OUT/parley.jfr",settings=profile,dumponexit=true); fi
log "starting Parley ($JAR, -Xmx$HEAP) on $PARLEY_PORT"
START_NANOS=$(date +%s%N)
"$JAVA" "${PARLEY_OPTS[@]}" -jar "$JAR" \
  --server.address=127.0.0.1 --server.port="$PARLEY_PORT" \
  --parley.practice.enabled=false \
  --spring.datasource.url="jdbc:h2:file:$RUN/data/parley" \
  --server.tomcat.max-connections=20000 --server.tomcat.accept-count=2000 \
  --parley.limits.idle-timeout=2h --logging.level.root=WARN >"$RUN/parley.out" 2>&1 &
PARLEY_PID=$!
PIDS+=($PARLEY_PID)
for _ in $(seq 1 600); do
  curl -fs -o /dev/null "http://127.0.0.1:$PARLEY_PORT/api/protocols" && break
  kill -0 "$PARLEY_PID" 2>/dev/null || { tail -40 "$RUN/parley.out"; exit 1; }
  sleep 0.1
done
START_MS=$(( ($(date +%s%N) - START_NANOS) / 1000000 ))
log "Parley answered after $START_MS ms"

client() { "$JAVA" -Xmx3g -cp "$CP" dev.parley.bench.BenchClient "$@" >"$RUN/client-$1.log" 2>&1 || { tail -30 "$RUN/client-$1.log"; return 1; }; }
ENDPOINTS=(--line-port "$LINE_PORT" --websockify-port "$WS_PORT" --parley-port "$PARLEY_PORT" --parley-pid "$PARLEY_PID")

log "latency: $ROUNDS rounds (+$WARMUP warm-up), one session per target, interleaved"
client latency "${ENDPOINTS[@]}" --rounds "$ROUNDS" --warmup "$WARMUP" --out "$RUN/latency.json"

log "hold: $HOLD sessions through Parley"
client hold "${ENDPOINTS[@]}" --sessions "$HOLD" --out "$RUN/hold.json" || log "hold failed; see $RUN/client-hold.log"

for target in tcp websockify parley; do
  sessions="$LOAD_SESSIONS"
  if [ "$target" = websockify ]; then
    [ "$WS_PORT" != 0 ] || continue
    [ "$sessions" -le "$WEBSOCKIFY_SESSIONS" ] || sessions="$WEBSOCKIFY_SESSIONS"
  fi
  log "load: $target, $sessions sessions x $LOAD_RATE lines/s for ${LOAD_SECONDS}s (+${LOAD_WARMUP}s warm-up)"
  "$JAVA" -Xmx3g -cp "$CP" dev.parley.bench.BenchClient load "${ENDPOINTS[@]}" --target "$target" \
    --sessions "$sessions" --rate "$LOAD_RATE" --seconds "$LOAD_SECONDS" --warmup "$LOAD_WARMUP" \
    --out "$RUN/load-$target.json" >"$RUN/client-load-$target.log" 2>&1 \
    || { tail -20 "$RUN/client-load-$target.log"; log "load against $target failed"; }
done

"$JCMD" "$PARLEY_PID" GC.heap_info >"$RUN/parley-heap-info.txt" 2>&1 || true
LOAD_AFTER="$(load_average)"
cleanup
trap - EXIT

# Goal 5, the other ways to start the same jar: extracted (Spring Boot's jarmode=tools layout) and
# extracted with the JDK's AOT cache (JEP 483/514, Java 25: classes loaded and linked once in a
# training run that stops after the context refresh, then mapped at start). Same flags as above.
START_EXTRACTED_MS=""
START_AOT_MS=""
time_start() { # prints the ms from launch to the first answer of GET /api/protocols
  local port pid t0
  port="$(free_port)"
  rm -rf "$RUN/data-start"
  t0=$(date +%s%N)
  "$JAVA" "$@" --server.address=127.0.0.1 --server.port="$port" --parley.practice.enabled=false \
    --spring.datasource.url="jdbc:h2:file:$RUN/data-start/parley" --logging.level.root=WARN >>"$RUN/parley-start.out" 2>&1 &
  pid=$!
  for _ in $(seq 1 1200); do
    curl -fs -o /dev/null "http://127.0.0.1:$port/api/protocols" && break
    kill -0 "$pid" 2>/dev/null || { echo ""; return 0; }
    sleep 0.05
  done
  echo $(( ($(date +%s%N) - t0) / 1000000 ))
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
}
if "$JAVA" -XX:+PrintFlagsFinal -version 2>/dev/null | grep -q AOTCacheOutput; then
  EXTRACTED="$RUN/extracted"
  rm -rf "$EXTRACTED"
  "$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$EXTRACTED" >"$RUN/extract.log" 2>&1
  APP_JAR="$EXTRACTED/$(basename "$JAR")"
  log "start: extracted jar"
  START_EXTRACTED_MS="$(time_start -Xmx"$HEAP" -XX:+UseG1GC -jar "$APP_JAR")"
  log "start: training the AOT cache (the app stops after its context refresh)"
  rm -rf "$RUN/data-start"
  "$JAVA" -Xmx"$HEAP" -XX:+UseG1GC -XX:AOTCacheOutput="$EXTRACTED/parley.aot" -Dspring.context.exit=onRefresh \
    -jar "$APP_JAR" --server.address=127.0.0.1 --server.port=0 --parley.practice.enabled=false \
    --spring.datasource.url="jdbc:h2:file:$RUN/data-start/parley" --logging.level.root=WARN >"$RUN/aot-training.log" 2>&1 \
    || log "AOT training failed; see $RUN/aot-training.log"
  if [ -f "$EXTRACTED/parley.aot" ]; then
    log "start: extracted jar with the AOT cache"
    START_AOT_MS="$(time_start -Xmx"$HEAP" -XX:+UseG1GC -XX:AOTCache="$EXTRACTED/parley.aot" -jar "$APP_JAR")"
  fi
  log "start: fat jar ${START_MS} ms, extracted ${START_EXTRACTED_MS:-?} ms, with the AOT cache ${START_AOT_MS:-?} ms"
fi

log "writing results"
cat >"$RUN/environment.properties" <<EOF
command=$COMMAND
date=$(date -u +%Y-%m-%dT%H:%M:%SZ)
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD 2>/dev/null || echo ' (with local changes)')
cpu=$(sed -n 's/^model name\t*: //p' /proc/cpuinfo | head -1)
cores=$(nproc)
memory=$(free -g | awk '/^Mem:/ {print $2 " GB"}')
kernel=$(uname -r)
java=$("$JAVA" -version 2>&1 | head -1)
websockify=$(dpkg-query -W -f='${Version}' websockify 2>/dev/null || echo none)
open_files_limit=$(ulimit -Hn)
parley_heap=$HEAP
parley_start_ms=$START_MS
parley_start_extracted_ms=$START_EXTRACTED_MS
parley_start_aot_ms=$START_AOT_MS
load_average_before=$LOAD_BEFORE
load_average_after=$LOAD_AFTER
quick=$QUICK
EOF
DOCS_ARG=()
$DOCS && DOCS_ARG=(--docs "$ROOT/docs/performance.md")
"$JAVA" -cp "$CP" dev.parley.bench.BenchReport --run "$RUN" --out "$OUT" "${DOCS_ARG[@]}"
log "done: $OUT/results.json, $OUT/chart.svg$($DOCS && echo ', docs/performance.md')"

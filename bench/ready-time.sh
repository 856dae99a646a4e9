#!/usr/bin/env bash
# Time from process start until GET /health answers 200 (model and thresholds loaded), RUNS runs (default 5), with
# the shipped heap flags. Each argument is a checkout whose target/quarkus-app is built (default: this one); with
# several, their starts take turns, so that a host whose speed drifts affects each build alike (an A/B):
#   git worktree add /tmp/old <rev> && (cd /tmp/old && mvn -B -q package -DskipTests)
#   bench/ready-time.sh . /tmp/old
set -u
cd "$(dirname "$0")/.." || exit 1
[ $# -gt 0 ] || set -- .
if curl -s -o /dev/null localhost:8000/; then echo "something already listens on port 8000: stop it first" >&2; exit 1; fi
here=$(pwd)
for i in $(seq 1 "${RUNS:-5}"); do
  for dir in "$@"; do
    cd "$here" && cd "$dir" || exit 1
    log=$(mktemp)
    start=$(date +%s%N)
    API_KEYS=local-dev-key java -Xmx256m -XX:+UseSerialGC -jar target/quarkus-app/quarkus-run.jar >"$log" 2>&1 &
    pid=$!
    until curl -sf -o /dev/null localhost:8000/health; do
      kill -0 $pid 2>/dev/null || { echo "$dir: the service exited; its log: $log" >&2; exit 1; }
      sleep 0.02
    done
    end=$(date +%s%N)
    echo "run $i, $dir: ready in $(( (end - start) / 1000000 )) ms ($(grep -o 'started in [0-9.]*s' "$log"))"
    kill $pid; wait $pid 2>/dev/null
    rm -f "$log"
  done
done

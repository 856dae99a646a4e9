#!/usr/bin/env bash
# Time from process start until GET /health answers 200 (model and thresholds loaded), 5 runs.
set -u
cd "$(dirname "$0")/.." || exit 1
for i in 1 2 3 4 5; do
  start=$(date +%s%N)
  API_KEYS=local-dev-key java -Xmx256m -XX:+UseSerialGC -jar target/quarkus-app/quarkus-run.jar >/tmp/ready-$i.log 2>&1 &
  pid=$!
  until curl -sf -o /dev/null localhost:8000/health; do sleep 0.02; done
  end=$(date +%s%N)
  echo "run $i: ready in $(( (end - start) / 1000000 )) ms ($(grep -o 'started in [0-9.]*s' /tmp/ready-$i.log))"
  kill $pid; wait $pid 2>/dev/null
done

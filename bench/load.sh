#!/usr/bin/env bash
# Load test on 127.0.0.1: starts the packaged service with the shipped JVM flags, warms up, then
# wrk -t2 -c16 for 20 s (JVM flags: $JAVA_OPTS, default the shipped -Xmx256m -XX:+UseSerialGC) on /classify and on /genai-classify (LLM_PROVIDER=none), and reports RSS.
set -u
cd "$(dirname "$0")/.." || exit 1
API_KEYS=local-dev-key java ${JAVA_OPTS:--Xmx256m -XX:+UseSerialGC} -jar target/quarkus-app/quarkus-run.jar >/tmp/load-svc.log 2>&1 &
pid=$!
until curl -sf -o /dev/null localhost:8000/health; do sleep 0.1; done
for ep in classify genai-classify; do
  script=bench/classify.lua; [ "$ep" = genai-classify ] && script=bench/genai.lua
  wrk -t2 -c16 -d10s -s $script http://127.0.0.1:8000/$ep >/dev/null 2>&1   # warm-up (JIT)
  echo "== POST /$ep  (wrk -t2 -c16 -d20s)"
  wrk -t2 -c16 -d20s -s $script http://127.0.0.1:8000/$ep | tail -1
  echo "RSS after: $(( $(ps -o rss= -p $pid) / 1024 )) MB"
done
kill $pid; wait $pid 2>/dev/null

#!/usr/bin/env bash
# Shared-configuration rollout under load, on 127.0.0.1: s3rver holds the ML thresholds object; two service instances
# (ports 8101, 8102, the shipped -Xmx256m -XX:+UseSerialGC, the default CONFIG_POLL_INTERVAL unless set) read it from
# S3 while wrk loads both with /classify. Ten seconds in, a new thresholds object is uploaded; the script records when
# each instance serves the new version, and wrk reports every failed request during the swap.
# Needs: mvn -B -q package -DskipTests; mvn -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
#        -Dmdep.includeScope=test; npm ci in src/test/s3rver (the tests do it); wrk.
set -u
cd "$(dirname "$0")/.." || exit 1
work=$(mktemp -d)
S3=http://127.0.0.1:4569
BUCKET=sepsis-config
KEY=fleet/ml-thresholds.json
pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

put() { java -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp target/test-classes:$(cat target/cp.txt) io.sepsis.testsupport.S3rver put $S3 $BUCKET $KEY "$1"; }
version_of() {
  sed -E "0,/\"version\"/s/\"version\"[[:space:]]*:[[:space:]]*\"[^\"]+\"/\"version\": \"$1\"/" config/ml-thresholds.json
}

mkdir -p "$work/s3"
node src/test/s3rver/node_modules/s3rver/bin/s3rver.js -d "$work/s3" -a 127.0.0.1 -p 4569 -s \
  --configure-bucket $BUCKET >"$work/s3rver.log" 2>&1 &
pids+=($!)
until curl -s -o /dev/null $S3; do sleep 0.1; done
version_of rollout-1 >"$work/v1.json"; put "$work/v1.json"

for port in 8101 8102; do
  PORT=$port API_KEYS=local-dev-key ML_THRESHOLDS_S3_URI=s3://$BUCKET/$KEY S3_ENDPOINT_OVERRIDE=$S3 \
    S3_PATH_STYLE_ACCESS=true AWS_REGION=us-east-1 AWS_ACCESS_KEY_ID=S3RVER AWS_SECRET_ACCESS_KEY=S3RVER \
    java -Xmx256m -XX:+UseSerialGC -jar target/quarkus-app/quarkus-run.jar >"$work/svc-$port.log" 2>&1 &
  pids+=($!)
done
for port in 8101 8102; do
  until curl -sf -o /dev/null localhost:$port/health; do sleep 0.1; done
done
for port in 8101 8102; do   # warm-up (JIT)
  wrk -t1 -c8 -d5s -s bench/classify.lua http://127.0.0.1:$port/classify >/dev/null 2>&1 &
done
wait_wrk() { while pgrep -x wrk >/dev/null; do sleep 0.2; done; }
wait_wrk

echo "== wrk -t1 -c8 -d45s on each instance; new object uploaded at t=10 s (poll interval ${CONFIG_POLL_INTERVAL:-15s})"
for port in 8101 8102; do
  wrk -t1 -c8 -d45s -s bench/classify.lua http://127.0.0.1:$port/classify >"$work/wrk-$port.txt" 2>&1 &
done
sleep 10
version_of rollout-2 >"$work/v2.json"
t0=$(date +%s%N); put "$work/v2.json"; t_put=$(date +%s%N)
echo "upload took $(( (t_put - t0) / 1000000 )) ms (JVM start of the uploader included)"
for port in 8101 8102; do
  until curl -s -H 'X-API-Key: local-dev-key' localhost:$port/config/current | grep -q '"version":"rollout-2"'; do
    sleep 0.05
  done
  echo "instance :$port serves rollout-2 after $(( ($(date +%s%N) - t_put) / 1000000 )) ms"
done
wait_wrk
for port in 8101 8102; do echo "instance :$port  $(tail -1 "$work/wrk-$port.txt")"; done
grep -h "loaded from s3" "$work"/svc-*.log | sed -E 's/^.*\] //'

#!/usr/bin/env bash
# Proves that the service's container image really runs, on this machine alone: no Docker daemon, no Docker Hub.
#   1. a Debian bookworm + OpenJDK 17 JRE base image, built offline with debootstrap from the machine's own Debian
#      mirror (kept in podman's local storage as localhost/sepsis-base:bookworm-jre17 and reused by later runs);
#   2. a throw-away registry (Debian's docker-registry) on 127.0.0.1, storage in a temp dir;
#   3. the app image built and pushed by Jib through Maven (mvn -Pjib: the same image settings as the deploy path,
#      which live in the pom's jib profile), on top of that base instead of eclipse-temurin:17-jre;
#   4. the image run by podman (runc, host network, loopback only) with a fake API key, then checked: /health 200,
#      POST /classify 200 with a risk_score, 401 without the key, uid 1001, the Dockerfile's JVM flags, the
#      thresholds read from /deployments/config; and measured: size as pushed, ready time (2 CPUs, then 1 CPU), RSS.
# Exits non-zero, saying which check failed, on any failure; removes the container, the app image and the registry
# on exit. Needs root (rootful podman, debootstrap) and apt access the first time. docs/deployment.md, "Proving the
# image locally", explains it; docs/benchmarks.md has its numbers.
#
# Usage: scripts/image-smoke.sh
# Environment: SMOKE_CPU1_RUNS (ready-time runs with 1 CPU, default 3), SMOKE_REBUILD_BASE=1 (debootstrap again),
#              SMOKE_REGISTRY_PORT (default 5000, or a free port if 5000 is taken).
set -euo pipefail
cd "$(dirname "$0")/.."

BASE_LOCAL=localhost/sepsis-base:bookworm-jre17
APP_NAME=sepsis-ews
APP_TAG=smoke
API_KEY=smoke-test-key            # obviously fake; the container's only key
RUNS="${SMOKE_CPU1_RUNS:-3}"
PODMAN_RUN=(podman run -d --runtime runc --network=host --ulimit nofile=1024:1024 --ulimit nproc=1024:1024)

say() { printf 'image-smoke: %s\n' "$*"; }
die() { printf 'image-smoke: FAILED: %s\n' "$*" >&2; exit 1; }
now_ms() { date +%s%3N; }
secs() { awk -v ms="$1" 'BEGIN { printf "%.2f", ms / 1000 }'; }
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
  local p
  for _ in $(seq 1 50); do p=$((20000 + RANDOM % 30000)); port_free "$p" && { echo "$p"; return 0; }; done
  return 1
}

[ "$(id -u)" = 0 ] || die "run as root: rootful podman and debootstrap need it"

# ---- 0. one run at a time on this machine (the base image and the ports are shared)
exec 9>/var/tmp/sepsis-image-smoke.lock
flock -w 900 9 || die "another image-smoke run holds /var/tmp/sepsis-image-smoke.lock"

# ---- 1. tools, from Debian's packages when missing
missing=()
for pair in debootstrap:debootstrap docker-registry:docker-registry podman:podman runc:runc curl:curl jq:jq; do
  command -v "${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair#*:}")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >/dev/null 2>&1 ||
    die "apt-get install ${missing[*]} failed"
fi

# Room for the rootfs (~0.5 GB while it is built), podman's copies and the registry: fail clearly, not half-way.
for d in "${TMPDIR:-/var/tmp}" /var/lib; do
  free_mb="$(df -Pm "$d" | awk 'NR == 2 { print $4 }')"
  [ "$free_mb" -ge 2048 ] || die "only $free_mb MB free under $d; the smoke test needs 2 GB"
done
WORK="$(mktemp -d "${TMPDIR:-/var/tmp}/image-smoke.XXXXXX")"
REG_PID=""; CTR=""; APP_IMAGE=""
cleanup() {
  local rc=$?
  if [ -n "$CTR" ]; then
    [ $rc = 0 ] || { echo "---- last container log lines:" >&2; podman logs --tail 30 "$CTR" >&2 2>&1 || true; }
    podman rm -f "$CTR" >/dev/null 2>&1 || true
  fi
  [ -z "$APP_IMAGE" ] || podman rmi -f "$APP_IMAGE" >/dev/null 2>&1 || true
  if [ -n "$REG_PID" ]; then kill "$REG_PID" 2>/dev/null || true; wait "$REG_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- 2. base image: debootstrap once, then reuse podman's local copy
debian_mirror() { # the machine's own Debian mirror: deb822 .sources first, then one-line .list files
  local m
  m="$(awk 'BEGIN { RS = "" } /Suites:[^\n]*bookworm([ \n]|$)/ && !/security/ {
          if (match($0, /URIs: *[^ \n]+/)) { s = substr($0, RSTART, RLENGTH); sub(/URIs: */, "", s); print s; exit } }' \
        /etc/apt/sources.list.d/*.sources 2>/dev/null || true)"
  [ -n "$m" ] || m="$(sed -E 's/\[[^]]*\]//' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
                      awk '$1 == "deb" && $3 == "bookworm" { print $2; exit }' || true)"
  echo "${m:-http://deb.debian.org/debian}"
}
if [ "${SMOKE_REBUILD_BASE:-0}" = 1 ] || ! podman image exists "$BASE_LOCAL"; then
  mirror="$(debian_mirror)"
  say "building the base image with debootstrap from $mirror (once; about a minute)"
  t=$(now_ms)
  rootfs="$WORK/rootfs"
  debootstrap --variant=minbase --include=openjdk-17-jre-headless bookworm "$rootfs" "$mirror" \
    >"$WORK/debootstrap.log" 2>&1 || { tail -20 "$WORK/debootstrap.log" >&2; die "debootstrap failed"; }
  # Trim what a JRE image never uses: downloaded .debs, apt lists, man/info pages, message translations (the
  # C.UTF-8 locale itself is in /usr/lib/locale and stays) and docs except the copyright files.
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/lib/apt/lists/* \
         "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* "$rootfs"/usr/share/locale/* "$rootfs"/usr/share/lintian \
         "$rootfs"/var/log/*.log "$rootfs"/var/cache/debconf/*-old "$rootfs"/var/lib/dpkg/*-old
  find "$rootfs/usr/share/doc" -mindepth 1 ! -type d ! -name copyright -delete
  find "$rootfs/usr/share/doc" -mindepth 1 -type d -empty -delete
  tar --numeric-owner -C "$rootfs" -c . | podman import -q \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' --change 'ENV LANG=C.UTF-8' \
    - "$BASE_LOCAL" >/dev/null || die "podman import of the base rootfs failed"
  rm -rf "$rootfs"
  say "base image built in $(secs $(( $(now_ms) - t ))) s"
else
  say "reusing $BASE_LOCAL (SMOKE_REBUILD_BASE=1 rebuilds it)"
fi

# ---- 3. a private registry on loopback
RPORT="${SMOKE_REGISTRY_PORT:-5000}"
if ! port_free "$RPORT"; then
  [ -z "${SMOKE_REGISTRY_PORT:-}" ] || die "SMOKE_REGISTRY_PORT=$RPORT is taken"
  RPORT="$(free_port)" || die "no free port for the registry"
fi
REG="127.0.0.1:$RPORT"
mkdir -p "$WORK/registry/data"
cat >"$WORK/registry/config.yml" <<EOF
version: 0.1
log:
  level: error
storage:
  filesystem:
    rootdirectory: $WORK/registry/data
  delete:
    enabled: true
http:
  addr: $REG
EOF
docker-registry serve "$WORK/registry/config.yml" >"$WORK/registry/log" 2>&1 9>&- &
REG_PID=$!
for _ in $(seq 1 100); do curl -sf "http://$REG/v2/" >/dev/null 2>&1 && break; sleep 0.1; done
curl -sf "http://$REG/v2/" >/dev/null || { cat "$WORK/registry/log" >&2; die "the registry did not answer on $REG"; }
BASE_REMOTE="$REG/sepsis-base:bookworm-jre17"
podman push -q --tls-verify=false "$BASE_LOCAL" "docker://$BASE_REMOTE" >/dev/null 2>&1 ||
  die "podman push of the base image to $REG failed"

# ---- 4. the app image, built and pushed by Jib (image settings: the pom's jib profile, as for a deployment)
say "building and pushing the app image with Jib (mvn -Pjib package)"
t=$(now_ms)
mvn -B -q -Pjib package -DskipTests \
  -Dquarkus.container-image.build=true -Dquarkus.container-image.push=true \
  -Dquarkus.container-image.registry="$REG" -Dquarkus.container-image.insecure=true \
  -Dquarkus.container-image.group= -Dquarkus.container-image.name="$APP_NAME" -Dquarkus.container-image.tag="$APP_TAG" \
  -Dquarkus.jib.base-jvm-image="$BASE_REMOTE" \
  -Dquarkus.jib.base-image-layers-cache="$WORK/jib-cache/base" \
  -Dquarkus.jib.application-layers-cache="$WORK/jib-cache/app" \
  >"$WORK/mvn.log" 2>&1 || { tail -40 "$WORK/mvn.log" >&2; die "the Jib build failed"; }
build_s=$(secs $(( $(now_ms) - t )))
APP_IMAGE="$REG/$APP_NAME:$APP_TAG"

# What the registry holds: compressed layer sizes as pushed, and the image configuration.
ACCEPT='Accept: application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json'
manifest="$(curl -sf -H "$ACCEPT" "http://$REG/v2/$APP_NAME/manifests/$APP_TAG")" || die "no manifest for $APP_IMAGE"
base_manifest="$(curl -sf -H "$ACCEPT" "http://$REG/v2/sepsis-base/manifests/bookworm-jre17")"
total_bytes="$(jq '[.layers[].size] | add' <<<"$manifest")"
base_bytes="$(jq '[.layers[].size] | add' <<<"$base_manifest")"
config="$(curl -sf "http://$REG/v2/$APP_NAME/blobs/$(jq -r .config.digest <<<"$manifest")" | jq .config)"
[ "$(jq -r .User <<<"$config")" = 1001 ] || die "image user is $(jq -r .User <<<"$config"), not 1001"
[ "$(jq -r .WorkingDir <<<"$config")" = /deployments ] || die "working directory is not /deployments"
jq -e '.ExposedPorts | has("8000/tcp")' <<<"$config" >/dev/null || die "image does not expose 8000/tcp"

# ---- 5. run it and check it
t=$(now_ms)
podman pull -q --tls-verify=false "$APP_IMAGE" >/dev/null 2>&1 || die "podman pull $APP_IMAGE failed"
pull_s=$(secs $(( $(now_ms) - t )))

APORT="$(free_port)" || die "no free port for the service"
URL="http://127.0.0.1:$APORT"
start() { # start [podman run options...]: runs the image on loopback; sets CTR and READY_MS (run -> /health 200)
  local t0 code="" state name="sepsis-smoke-$$-$RANDOM"
  t0=$(now_ms)
  CTR="$name"   # set before the run, so that the exit trap removes it whatever happens next
  "${PODMAN_RUN[@]}" "$@" --name "$name" --tls-verify=false \
    -e API_KEYS="$API_KEY" -e PORT="$APORT" -e QUARKUS_HTTP_HOST=127.0.0.1 "$APP_IMAGE" >/dev/null 9>&- ||
    die "podman run failed (options: ${PODMAN_RUN[*]} $*)"
  for _ in $(seq 1 1200); do   # 60 s at most
    code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$URL/health" || true)"
    [ "$code" = 200 ] && { READY_MS=$(( $(now_ms) - t0 )); return 0; }
    state="$(podman inspect -f '{{.State.Running}}' "$CTR" 2>/dev/null || echo false)"
    [ "$state" = true ] || die "the container exited before /health answered 200"
    sleep 0.05
  done
  die "/health did not answer 200 within 60 s (last status: ${code:-none})"
}
stop() { podman rm -f "$CTR" >/dev/null 2>&1 || true; CTR=""; }
started_in() { podman logs "$CTR" 2>&1 | sed -n 's/.* started in \([0-9.]*\)s.*/\1/p' | head -1; }

say "running $APP_IMAGE (2 CPUs)"
start
ready_ms=$READY_MS
quarkus_s="$(started_in)"
body='{"patient_id":"smoke-1","HR":118,"Resp":26,"SBP":88,"Temp":38.9,"O2Sat":91}'
classify() { curl -s -o "$WORK/out.json" -w '%{http_code}' -H 'Content-Type: application/json' "$@" -d "$body" "$URL/classify"; }
code="$(classify -H "X-API-Key: $API_KEY")"
[ "$code" = 200 ] || die "POST /classify with the key answered $code: $(head -c 300 "$WORK/out.json")"
jq -e '.risk_score | type == "number"' "$WORK/out.json" >/dev/null || die "POST /classify answered no risk_score"
risk="$(jq -c '{risk_score, risk_level, alert}' "$WORK/out.json")"
code="$(classify)"
[ "$code" = 401 ] || die "POST /classify without a key answered $code, not 401"
uid="$(podman exec "$CTR" id -u)"
[ "$uid" = 1001 ] || die "the service runs as uid $uid, not 1001"
pid="$(podman inspect -f '{{.State.Pid}}' "$CTR")"
[ "$(awk '/^Uid:/ { print $2 }' "/proc/$pid/status")" = 1001 ] || die "the java process is not uid 1001 on the host"
# The Dockerfile's JVM flags reach the java process (JAVA_OPTS, expanded by the same sh -c entry point).
read -r -a want_flags <<<"$(sed -n 's/.*JAVA_OPTS="\([^"]*\)".*/\1/p' src/main/docker/Dockerfile.jvm)"
[ ${#want_flags[@]} -gt 0 ] || die "no JAVA_OPTS found in src/main/docker/Dockerfile.jvm"
cmdline="$(tr '\0' ' ' <"/proc/$pid/cmdline")"
for f in "${want_flags[@]}"; do
  case " $cmdline " in *" $f "*) ;; *) die "the java process lacks the Dockerfile's flag $f: $cmdline" ;; esac
done
# Thresholds come from /deployments/config (the repo's config/ in the image), not from the copy inside the jar.
podman exec "$CTR" test -r /deployments/config/ml-thresholds.json || die "/deployments/config/ml-thresholds.json missing"
source_="$(curl -s -H "X-API-Key: $API_KEY" "$URL/config/current" | jq -r .source)"
case "$source_" in *classpath*|null|"") die "thresholds were not read from /deployments/config (source: $source_)" ;; esac
for _ in $(seq 1 200); do classify -H "X-API-Key: $API_KEY" >/dev/null; done
rss_kb="$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status")"
stop

# Ready time with one CPU, as on an App Runner / Fargate 1 vCPU instance: a CFS quota (--cpus=1), which the JVM
# also reads as 1 CPU. Where the kernel's cgroups refuse a quota, pin to one core instead and say so.
cpu_opt=(--cpus=1)
if ! podman run --rm --runtime runc --network=none --ulimit nofile=1024:1024 --ulimit nproc=1024:1024 --cpus=1 --entrypoint /bin/true "$APP_IMAGE" >/dev/null 2>&1; then
  cpu_opt=(--cpuset-cpus=0)
  podman run --rm --runtime runc --network=none --ulimit nofile=1024:1024 --ulimit nproc=1024:1024 --cpuset-cpus=0 \
    --entrypoint /bin/true "$APP_IMAGE" >/dev/null 2>&1 ||
    cpu_opt=()
fi
cpu1=(); cpu1_ms=()
if [ ${#cpu_opt[@]} -gt 0 ] && [ "$RUNS" -gt 0 ]; then
  say "ready time with ${cpu_opt[*]}, $RUNS runs"
  for _ in $(seq 1 "$RUNS"); do
    start "${cpu_opt[@]}"
    cpu1+=("$(secs "$READY_MS") s (Quarkus: started in $(started_in) s)")
    cpu1_ms+=("$READY_MS")
    stop
  done
  median_ms="$(printf '%s\n' "${cpu1_ms[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')"
fi

mb() { awk -v b="$1" 'BEGIN { printf "%.1f MB", b / 1e6 }'; }
echo
echo "image-smoke: PASSED on $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "  checks: /health 200; POST /classify 200 $risk; 401 without key; uid 1001; JVM flags as the Dockerfile;"
echo "          thresholds from /deployments/config ($source_)"
echo "  image $APP_IMAGE, compressed as pushed: $(mb "$total_bytes") (base $(mb "$base_bytes") + app $(mb $((total_bytes - base_bytes))); $(jq '.layers | length' <<<"$manifest") layers)"
echo "  Jib build + push: $build_s s; pull from the local registry: $pull_s s"
echo "  ready (podman run -> first /health 200), 2 CPUs: $(secs "$ready_ms") s (Quarkus: started in $quarkus_s s)"
if [ ${#cpu1[@]} -gt 0 ]; then
  for r in "${cpu1[@]}"; do echo "  ready, ${cpu_opt[*]}: $r"; done
  echo "  ready, ${cpu_opt[*]}, median of $RUNS: $(secs "$median_ms") s"
elif [ "$RUNS" -gt 0 ]; then
  echo "  ready with 1 CPU: not measured, podman here accepts neither --cpus=1 nor --cpuset-cpus=0"
fi
echo "  RSS of the java process after 202 requests: $((rss_kb / 1024)) MB"

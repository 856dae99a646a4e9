#!/usr/bin/env bash
# Deploys the sepsis early-warning API from this repository to AWS: ECR image (version tag + latest), then
# App Runner (default) or, with --ecs-express, Amazon ECS Express Mode from the same image. Prints the URL.
# Everything is create-or-update: run it again to roll out a new version. docs/deployment.md explains every
# variable, the IAM permissions, rollback and cost.
#
# Usage: scripts/deploy-apprunner.sh [--ecs-express] [--tag TAG] [--dry-run]
set -euo pipefail
cd "$(dirname "$0")/.."

mode=apprunner; dry=0; tag=""
while [ $# -gt 0 ]; do
  case "$1" in
    --ecs-express) mode=ecs ;;
    --dry-run) dry=1 ;;
    --tag) tag="$2"; shift ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

die() { echo "deploy: $*" >&2; exit 1; }
run() { if [ $dry = 1 ]; then printf 'DRY-RUN:'; printf ' %q' "$@"; echo; else "$@"; fi; }
: "${AWS_REGION:?set AWS_REGION, e.g. eu-west-1}"
export AWS_DEFAULT_REGION="$AWS_REGION" AWS_PAGER=""
command -v aws >/dev/null || die "the AWS CLI v2 is required"

REPO="${ECR_REPOSITORY:-sepsis-ews}"
SERVICE="${SERVICE_NAME:-sepsis-ews}"
ACCOUNT="${AWS_ACCOUNT_ID:-$(aws sts get-caller-identity --query Account --output text)}"
REGISTRY="$ACCOUNT.dkr.ecr.$AWS_REGION.amazonaws.com"
VERSION="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | sed -n 2p)"
[ -n "$tag" ] || tag="$VERSION-$(git rev-parse --short HEAD 2>/dev/null || date +%Y%m%d%H%M%S)"
IMAGE="$REGISTRY/$REPO:$tag"

# ---- 1. ECR repository (created once, scan on push, immutable version tags are not enforced so latest can move)
if ! aws ecr describe-repositories --repository-names "$REPO" >/dev/null 2>&1; then
  run aws ecr create-repository --repository-name "$REPO" --image-scanning-configuration scanOnPush=true \
    --encryption-configuration encryptionType=AES256 >/dev/null
  echo "created ECR repository $REPO"
fi

# ---- 2. Image: Docker when a daemon answers, else Jib (no daemon needed); pushed as $tag and latest
builder="${IMAGE_BUILDER:-}"
if [ -z "$builder" ]; then builder=jib; docker info >/dev/null 2>&1 && builder=docker; fi
password="$(aws ecr get-login-password)"
if [ "$builder" = docker ]; then
  run mvn -B -q package -DskipTests
  run docker build -f src/main/docker/Dockerfile.jvm -t "$IMAGE" -t "$REGISTRY/$REPO:latest" .
  if [ $dry = 1 ]; then echo "DRY-RUN: docker login $REGISTRY"; else echo "$password" | docker login --username AWS --password-stdin "$REGISTRY" >/dev/null; fi
  run docker push "$IMAGE"
  run docker push "$REGISTRY/$REPO:latest"
else
  # The image settings (user 1001, port 8000, /deployments, JAVA_OPTS, config/, base eclipse-temurin:17-jre) are in
  # the pom's jib profile, shared with scripts/image-smoke.sh, which runs the result; JIB_BASE_IMAGE overrides the base.
  base=(); [ -z "${JIB_BASE_IMAGE:-}" ] || base=(-Dquarkus.jib.base-jvm-image="$JIB_BASE_IMAGE")
  # The registry password goes through the environment: never on a command line (ps, --dry-run output, CI logs).
  export QUARKUS_CONTAINER_IMAGE_PASSWORD="$password"
  run mvn -B -q -Pjib package -DskipTests -Dquarkus.container-image.build=true -Dquarkus.container-image.push=true \
    -Dquarkus.container-image.registry="$REGISTRY" -Dquarkus.container-image.group= \
    -Dquarkus.container-image.name="$REPO" -Dquarkus.container-image.tag="$tag" \
    -Dquarkus.container-image.additional-tags=latest -Dquarkus.container-image.username=AWS "${base[@]}"
  unset QUARKUS_CONTAINER_IMAGE_PASSWORD
fi
echo "image $IMAGE"

# ---- Runtime environment: plain settings as variables, secrets only as Secrets Manager references
env_json() { # App Runner map or ECS list, from the variables that are set
  local first=1 out="" name
  for name in LLM_PROVIDER AZURE_OPENAI_ENDPOINT AZURE_OPENAI_DEPLOYMENT_NAME AZURE_OPENAI_API_VERSION \
              BEDROCK_MODEL_ID OPENAI_BASE_URL OPENAI_MODEL ML_THRESHOLDS_PATH GUARDRAIL_CONFIG_PATH PROMPT_PATH \
              ML_THRESHOLDS_S3_URI GUARDRAIL_CONFIG_S3_URI PROMPT_S3_URI CONFIG_POLL_INTERVAL \
              API_KEYS_SECRET_ID AZURE_OPENAI_API_KEY_SECRET_ID OPENAI_API_KEY_SECRET_ID SECRETS_REFRESH_INTERVAL \
              RATE_LIMIT_PER_KEY_PER_MINUTE RATE_LIMIT_BURST; do
    [ -n "${!name:-}" ] || continue
    if [ "$1" = map ]; then out+="$([ $first = 1 ] || echo ,)\"$name\":\"${!name}\""; else out+="$([ $first = 1 ] || echo ,){\"name\":\"$name\",\"value\":\"${!name}\"}"; fi
    first=0
  done
  if [ "$1" = map ]; then echo "{\"PORT\":\"8000\"$([ -z "$out" ] || echo ",$out")}"; else echo "[{\"name\":\"PORT\",\"value\":\"8000\"}$([ -z "$out" ] || echo ",$out")]"; fi
}
secrets_json() { # *_SECRET_ARN variables become the named secret
  local first=1 out="" pair name arn
  for pair in API_KEYS:API_KEYS_SECRET_ARN PATIENT_ID_HASH_KEY:PATIENT_ID_HASH_KEY_SECRET_ARN \
              AZURE_OPENAI_API_KEY:AZURE_OPENAI_API_KEY_SECRET_ARN OPENAI_API_KEY:OPENAI_API_KEY_SECRET_ARN; do
    name="${pair%%:*}"; arn="${pair#*:}"
    [ -n "${!arn:-}" ] || continue
    if [ "$1" = map ]; then out+="$([ $first = 1 ] || echo ,)\"$name\":\"${!arn}\""; else out+="$([ $first = 1 ] || echo ,){\"name\":\"$name\",\"valueFrom\":\"${!arn}\"}"; fi
    first=0
  done
  if [ "$1" = map ]; then echo "{$out}"; else echo "[$out]"; fi
}
# API keys: injected once at start (API_KEYS_SECRET_ARN), and/or read and refreshed by the service (API_KEYS_SECRET_ID)
[ -n "${API_KEYS_SECRET_ARN:-}${API_KEYS_SECRET_ID:-}" ] || echo "warning: neither API_KEYS_SECRET_ARN nor API_KEYS_SECRET_ID is set: every protected endpoint will answer 401 (fail closed)" >&2

MIN="${MIN_INSTANCES:-1}"; MAX="${MAX_INSTANCES:-4}"

if [ $mode = apprunner ]; then
  # ---- 3a. App Runner (1 vCPU / 2 GB by default, health check on /health)
  : "${APPRUNNER_ECR_ACCESS_ROLE_ARN:?set APPRUNNER_ECR_ACCESS_ROLE_ARN (role App Runner uses to pull from ECR)}"
  asc_arn="$(run aws apprunner create-auto-scaling-configuration --auto-scaling-configuration-name "$SERVICE-asc" \
    --min-size "$MIN" --max-size "$MAX" --max-concurrency "${MAX_CONCURRENCY:-100}" \
    --query AutoScalingConfiguration.AutoScalingConfigurationArn --output text)"
  source_cfg="{\"ImageRepository\":{\"ImageIdentifier\":\"$IMAGE\",\"ImageRepositoryType\":\"ECR\",\"ImageConfiguration\":{\"Port\":\"8000\",\"RuntimeEnvironmentVariables\":$(env_json map),\"RuntimeEnvironmentSecrets\":$(secrets_json map)}},\"AutoDeploymentsEnabled\":false,\"AuthenticationConfiguration\":{\"AccessRoleArn\":\"$APPRUNNER_ECR_ACCESS_ROLE_ARN\"}}"
  instance_cfg="{\"Cpu\":\"${CPU:-1 vCPU}\",\"Memory\":\"${MEMORY:-2 GB}\"$([ -z "${INSTANCE_ROLE_ARN:-}" ] || echo ",\"InstanceRoleArn\":\"$INSTANCE_ROLE_ARN\"")}"
  health_cfg='{"Protocol":"HTTP","Path":"/health","Interval":10,"Timeout":5,"HealthyThreshold":1,"UnhealthyThreshold":3}'
  arn="$(aws apprunner list-services --query "ServiceSummaryList[?ServiceName=='$SERVICE'].ServiceArn | [0]" --output text)"
  if [ -z "$arn" ] || [ "$arn" = None ]; then
    arn="$(run aws apprunner create-service --service-name "$SERVICE" --source-configuration "$source_cfg" \
      --instance-configuration "$instance_cfg" --health-check-configuration "$health_cfg" \
      --auto-scaling-configuration-arn "$asc_arn" --query Service.ServiceArn --output text)"
    echo "creating App Runner service $SERVICE"
  else
    run aws apprunner update-service --service-arn "$arn" --source-configuration "$source_cfg" \
      --instance-configuration "$instance_cfg" --health-check-configuration "$health_cfg" \
      --auto-scaling-configuration-arn "$asc_arn" >/dev/null
    echo "updating App Runner service $SERVICE"
  fi
  [ $dry = 1 ] && exit 0
  for _ in $(seq 1 90); do   # up to 15 minutes
    status="$(aws apprunner describe-service --service-arn "$arn" --query Service.Status --output text)"
    case "$status" in RUNNING) break ;; *FAILED*) die "App Runner reports $status (see its event log)";; esac
    sleep 10
  done
  url="$(aws apprunner describe-service --service-arn "$arn" --query Service.ServiceUrl --output text)"
  echo "URL: https://$url"
else
  # ---- 3b. Amazon ECS Express Mode (load balancer, target group, scaling created by ECS)
  : "${ECS_EXECUTION_ROLE_ARN:?set ECS_EXECUTION_ROLE_ARN (task execution role: ECR pull, logs, secrets)}"
  : "${ECS_INFRASTRUCTURE_ROLE_ARN:?set ECS_INFRASTRUCTURE_ROLE_ARN (role ECS uses to manage the load balancer)}"
  cluster="${ECS_CLUSTER:-default}"
  container="{\"image\":\"$IMAGE\",\"containerPort\":8000,\"environment\":$(env_json list),\"secrets\":$(secrets_json list)}"
  scaling="{\"minTaskCount\":$MIN,\"maxTaskCount\":$MAX,\"autoScalingMetric\":\"AVERAGE_CPU\",\"autoScalingTargetValue\":60}"
  arn="$(aws ecs describe-services --cluster "$cluster" --services "$SERVICE" \
    --query "services[?status=='ACTIVE'].serviceArn | [0]" --output text 2>/dev/null || true)"
  task_role=(); [ -z "${ECS_TASK_ROLE_ARN:-}" ] || task_role=(--task-role-arn "$ECS_TASK_ROLE_ARN")
  if [ -z "$arn" ] || [ "$arn" = None ]; then
    arn="$(run aws ecs create-express-gateway-service --service-name "$SERVICE" --cluster "$cluster" \
      --execution-role-arn "$ECS_EXECUTION_ROLE_ARN" --infrastructure-role-arn "$ECS_INFRASTRUCTURE_ROLE_ARN" \
      "${task_role[@]}" --health-check-path /health --primary-container "$container" \
      --cpu "${ECS_CPU:-1024}" --memory "${ECS_MEMORY:-2048}" --scaling-target "$scaling" \
      --query service.serviceArn --output text)"
    echo "creating ECS Express Mode service $SERVICE"
  else
    run aws ecs update-express-gateway-service --service-arn "$arn" --execution-role-arn "$ECS_EXECUTION_ROLE_ARN" \
      "${task_role[@]}" --health-check-path /health --primary-container "$container" \
      --cpu "${ECS_CPU:-1024}" --memory "${ECS_MEMORY:-2048}" --scaling-target "$scaling" >/dev/null
    echo "updating ECS Express Mode service $SERVICE"
  fi
  [ $dry = 1 ] && exit 0
  url="$(aws ecs describe-express-gateway-service --service-arn "$arn" \
    --query 'service.activeConfigurations[0].ingressPaths[0].endpoint' --output text 2>/dev/null || true)"
  echo "URL: https://${url:-see the ECS console, the endpoint appears once the load balancer is active}"
fi

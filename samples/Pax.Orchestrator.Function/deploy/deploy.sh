#!/usr/bin/env bash
# Deploys the Pax orchestrator as a private Cloud Run service fed by a Pub/Sub push subscription.
#
# The service keeps IAM invoker checks on (--no-allow-unauthenticated). Pub/Sub pushes with an OIDC ID token of the
# push service account, so THIS SCRIPT GRANTS that account roles/run.invoker on the service: without the grant Cloud
# Run rejects every push at ingress (403, nothing in the service's logs) and Pub/Sub keeps retrying silently.
# Cloud Run verifies the token and strips its signature, so the app runs with Pax:Orchestration:Authentication:Mode=CloudRunIam and
# checks the audience and the account from the claims.
#
# Cloud Scheduler calls the service twice over, with an OIDC token whose audience is the service URL (a *.run.app URL
# takes ID tokens; Google APIs under googleapis.com would need OAuth instead): POST /cron/tick every minute (the
# lease-based tick) and POST /watchdog every 15 minutes. THIS SCRIPT ALSO GRANTS the scheduler's account
# roles/run.invoker on the service; without it every call is refused at ingress (403) and nothing runs.
# The tick job is what Pax.Orchestration's CronTickDeployer / SchedulerTarget.Service build (a test keeps them in step).
#
# Usage (from the project folder): PROJECT=my-project deploy/deploy.sh
# Optional: REGION (us-east1), SERVICE (pax-orchestrator), REPOSITORY (pax), PHASE (phase2),
#           PROCESSORS (a,b,c: spaces around names are dropped, an empty or repeated name stops the script),
#           DEADLINE (06:00:00), EXPECTED_CRON (none: when run keys are expected, such as "0 2 * * *" UTC, keyed
#           yyyy-MM-dd; no commas), COMPLETIONS_TOPIC (phase2-completions), NEXT_TOPIC (phase3-start),
#           ACK_DEADLINE (10: the push subscription's ack deadline in seconds, 10-600; the app answers within it),
#           JOB_CREATORS (comma-separated emails allowed to POST /jobs; default: the scheduler's account),
#           REQUEST_TIMEOUT (300: the service's request timeout in seconds, 15-1800; the Scheduler jobs wait as long).
#
# Identities the app accepts (each checked from the token Cloud Run verified, X-Serverless-Authorization first):
#   push account -> POST / ; scheduler account -> POST /cron/tick, POST /watchdog, GET /tallies/... ;
#   JOB_CREATORS (else the scheduler account) -> POST /jobs, GET /jobs/{id}.
set -euo pipefail

##if (false)
PROJECT="${PROJECT:?set PROJECT to the Google Cloud project id}"
##else
#PROJECT="${PROJECT:-TEMPLATE_PROJECT_ID}"
#: "${PROJECT:?set PROJECT to the Google Cloud project id}"
##endif
REGION="${REGION:-us-east1}"
SERVICE="${SERVICE:-pax-orchestrator}"
REPOSITORY="${REPOSITORY:-pax}"
PHASE="${PHASE:-phase2}"
PROCESSORS="${PROCESSORS:-a,b,c}"
DEADLINE="${DEADLINE:-06:00:00}"
EXPECTED_CRON="${EXPECTED_CRON:-}"
COMPLETIONS_TOPIC="${COMPLETIONS_TOPIC:-${PHASE}-completions}"
NEXT_TOPIC="${NEXT_TOPIC:-phase3-start}"
ACK_DEADLINE="${ACK_DEADLINE:-10}"
JOB_CREATORS="${JOB_CREATORS:-}"
IMAGE="${REGION}-docker.pkg.dev/${PROJECT}/${REPOSITORY}/${SERVICE}:latest"
RUNTIME_SA="${SERVICE}-runtime@${PROJECT}.iam.gserviceaccount.com"
PUSH_SA="${SERVICE}-push@${PROJECT}.iam.gserviceaccount.com"
SCHEDULER_SA="${SERVICE}-scheduler@${PROJECT}.iam.gserviceaccount.com"
# The phase's processors, checked before anything is deployed: names trimmed, none empty, none twice.
processors=()
IFS=',' read -ra names <<< "${PROCESSORS}"
for name in "${names[@]}"; do
  [[ "${name}" =~ ^[[:space:]]*(.*[^[:space:]])?[[:space:]]*$ ]] && name="${BASH_REMATCH[1]}"
  if [ -z "${name}" ]; then
    echo "error: PROCESSORS='${PROCESSORS}' has an empty name; list the processors comma-separated, such as a,b,c" >&2
    exit 2
  fi
  for seen in "${processors[@]}"; do
    if [ "${seen}" = "${name}" ]; then
      echo "error: PROCESSORS='${PROCESSORS}' names '${name}' twice" >&2
      exit 2
    fi
  done
  processors+=("${name}")
done
if [ "${#processors[@]}" -eq 0 ]; then
  echo "error: PROCESSORS is empty; list the processors that must report, such as a,b,c" >&2
  exit 2
fi
if [[ "${EXPECTED_CRON}" == *,* ]]; then
  echo "error: EXPECTED_CRON='${EXPECTED_CRON}' holds a comma, which gcloud's --set-env-vars cannot carry; set Pax__Orchestration__Phases__0__Expected__Cron on the service instead" >&2
  exit 2
fi

##if (false)
# The image builds from the repository root (the sample builds against src/).
CONTEXT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
##else
#CONTEXT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
##endif

gcloud services enable run.googleapis.com pubsub.googleapis.com firestore.googleapis.com cloudscheduler.googleapis.com \
  artifactregistry.googleapis.com cloudbuild.googleapis.com --project="${PROJECT}"

gcloud artifacts repositories describe "${REPOSITORY}" --location="${REGION}" --project="${PROJECT}" >/dev/null 2>&1 \
  || gcloud artifacts repositories create "${REPOSITORY}" --repository-format=docker --location="${REGION}" --project="${PROJECT}"
gcloud builds submit "${CONTEXT}" --config="$(dirname "${BASH_SOURCE[0]}")/cloudbuild.yaml" \
  --substitutions="_IMAGE=${IMAGE}" --project="${PROJECT}"

# Service accounts: one the service runs as, one Pub/Sub pushes with, one Cloud Scheduler calls the watchdog with.
for sa in "${SERVICE}-runtime" "${SERVICE}-push" "${SERVICE}-scheduler"; do
  gcloud iam service-accounts describe "${sa}@${PROJECT}.iam.gserviceaccount.com" --project="${PROJECT}" >/dev/null 2>&1 \
    || gcloud iam service-accounts create "${sa}" --project="${PROJECT}"
done

# Topics: completions in, next phase out.
for topic in "${COMPLETIONS_TOPIC}" "${NEXT_TOPIC}"; do
  gcloud pubsub topics describe "${topic}" --project="${PROJECT}" >/dev/null 2>&1 \
    || gcloud pubsub topics create "${topic}" --project="${PROJECT}"
done

# The runtime account keeps tallies in Firestore and publishes the next-phase message.
gcloud projects add-iam-policy-binding "${PROJECT}" \
  --member="serviceAccount:${RUNTIME_SA}" --role=roles/datastore.user --condition=None >/dev/null
gcloud pubsub topics add-iam-policy-binding "${NEXT_TOPIC}" --project="${PROJECT}" \
  --member="serviceAccount:${RUNTIME_SA}" --role=roles/pubsub.publisher

# The tick finds due jobs with two queries (status + schedule_at, status + lease_until), and one shard's due jobs with
# the same two plus shard: Firestore needs four composite indexes for them. Handled tick deliveries expire through a
# TTL policy. An index that exists already is fine (gcloud answers ALREADY_EXISTS); any other failure (permission
# denied, Firestore API disabled) stops the script with gcloud's message, since the tick and the dashboard fail without
# the index.
GCLOUD_ERROR="$(mktemp)"
trap 'rm -f "${GCLOUD_ERROR}"' EXIT
exists_already() {
  if grep -q "ALREADY_EXISTS" "${GCLOUD_ERROR}"; then
    echo "$1 exists already."
  else
    echo "error: creating $1 failed: $(tr '\n' ' ' < "${GCLOUD_ERROR}")" >&2
    exit 1
  fi
}
for field in schedule_at lease_until; do
  gcloud firestore indexes composite create --project="${PROJECT}" --collection-group=scheduler_jobs \
    --query-scope=COLLECTION --field-config="field-path=status,order=ascending" \
    --field-config="field-path=${field},order=ascending" --async 2>"${GCLOUD_ERROR}" \
    || exists_already "Index on scheduler_jobs (status, ${field})"
  gcloud firestore indexes composite create --project="${PROJECT}" --collection-group=scheduler_jobs \
    --query-scope=COLLECTION --field-config="field-path=status,order=ascending" \
    --field-config="field-path=shard,order=ascending" \
    --field-config="field-path=${field},order=ascending" --async 2>"${GCLOUD_ERROR}" \
    || exists_already "Index on scheduler_jobs (status, shard, ${field})"
done
# The dashboard lists and counts a phase's (and a run key's) rejected deliveries newest first: two composite indexes on
# the rejected deliveries' collection (Pax:Orchestration:Firestore:RejectedCollection, default pax_rejected).
gcloud firestore indexes composite create --project="${PROJECT}" --collection-group=pax_rejected \
  --query-scope=COLLECTION --field-config="field-path=phase,order=ascending" \
  --field-config="field-path=receivedAt,order=descending" --async 2>"${GCLOUD_ERROR}" \
  || exists_already "Index on pax_rejected (phase, receivedAt)"
gcloud firestore indexes composite create --project="${PROJECT}" --collection-group=pax_rejected \
  --query-scope=COLLECTION --field-config="field-path=phase,order=ascending" --field-config="field-path=runKey,order=ascending" \
  --field-config="field-path=receivedAt,order=descending" --async 2>"${GCLOUD_ERROR}" \
  || exists_already "Index on pax_rejected (phase, runKey, receivedAt)"
# The dashboard's search and filters: a state with a time range or a run key prefix on the
# phase's tallies (${PHASE}_completion), rejected deliveries by reason (and phase), jobs by type. One index per filter
# combination; a missing one makes that search answer 503 naming it.
gcloud firestore indexes composite create --project="${PROJECT}" --collection-group="${PHASE}_completion" \
  --query-scope=COLLECTION --field-config="field-path=_state,order=ascending" \
  --field-config="field-path=_createdAt,order=descending" --async 2>"${GCLOUD_ERROR}" \
  || exists_already "Index on ${PHASE}_completion (_state, _createdAt)"
gcloud firestore indexes composite create --project="${PROJECT}" --collection-group="${PHASE}_completion" \
  --query-scope=COLLECTION --field-config="field-path=_state,order=ascending" \
  --field-config="field-path=_runKey,order=descending" --async 2>"${GCLOUD_ERROR}" \
  || exists_already "Index on ${PHASE}_completion (_state, _runKey)"
gcloud firestore indexes composite create --project="${PROJECT}" --collection-group="${PHASE}_completion" \
  --query-scope=COLLECTION --field-config="field-path=_triggered,order=ascending" \
  --field-config="field-path=_createdAt,order=descending" --async 2>"${GCLOUD_ERROR}" \
  || exists_already "Index on ${PHASE}_completion (_triggered, _createdAt)"
gcloud firestore indexes composite create --project="${PROJECT}" --collection-group="${PHASE}_completion" \
  --query-scope=COLLECTION --field-config="field-path=_triggered,order=ascending" \
  --field-config="field-path=_runKey,order=descending" --async 2>"${GCLOUD_ERROR}" \
  || exists_already "Index on ${PHASE}_completion (_triggered, _runKey)"
gcloud firestore indexes composite create --project="${PROJECT}" --collection-group=pax_rejected \
  --query-scope=COLLECTION --field-config="field-path=reasonCode,order=ascending" \
  --field-config="field-path=receivedAt,order=descending" --async 2>"${GCLOUD_ERROR}" \
  || exists_already "Index on pax_rejected (reasonCode, receivedAt)"
gcloud firestore indexes composite create --project="${PROJECT}" --collection-group=pax_rejected \
  --query-scope=COLLECTION --field-config="field-path=phase,order=ascending" --field-config="field-path=reasonCode,order=ascending" \
  --field-config="field-path=receivedAt,order=descending" --async 2>"${GCLOUD_ERROR}" \
  || exists_already "Index on pax_rejected (phase, reasonCode, receivedAt)"
gcloud firestore indexes composite create --project="${PROJECT}" --collection-group=scheduler_jobs \
  --query-scope=COLLECTION --field-config="field-path=status,order=ascending" --field-config="field-path=type,order=ascending" \
  --field-config="field-path=schedule_at,order=ascending" --async 2>"${GCLOUD_ERROR}" \
  || exists_already "Index on scheduler_jobs (status, type, schedule_at)"
# Updating a TTL policy that is set already succeeds; a failure is reported, and the deployment goes on (without the
# policy, handled tick deliveries are kept until deleted by hand).
gcloud firestore fields ttls update expire_at --collection-group=scheduler_ticks --enable-ttl --async \
  --project="${PROJECT}" 2>"${GCLOUD_ERROR}" \
  || echo "warning: the TTL policy on scheduler_ticks.expire_at was not set: $(tr '\n' ' ' < "${GCLOUD_ERROR}")" >&2

# Phase configuration as environment variables (Pax:Orchestration), the only source of the deployed phases: the image's
# appsettings.json names none, so nothing merges into these lists. Processors become Processors__0, __1, …
ENV_VARS="Pax__Orchestration__Store=Firestore,Pax__Orchestration__Firestore__ProjectId=${PROJECT}"
# The project by name, so the log lines carry their trace from the first one and no metadata request is made for it.
ENV_VARS+=",GOOGLE_CLOUD_PROJECT=${PROJECT}"
ENV_VARS+=",Pax__Orchestration__Phases__0__Name=${PHASE}"
ENV_VARS+=",Pax__Orchestration__Phases__0__Deadline=${DEADLINE}"
if [ -n "${EXPECTED_CRON}" ]; then
  ENV_VARS+=",Pax__Orchestration__Phases__0__Expected__Cron=${EXPECTED_CRON}"
fi
ENV_VARS+=",Pax__Orchestration__Phases__0__Trigger__Topic=projects/${PROJECT}/topics/${NEXT_TOPIC}"
ENV_VARS+=",Pax__Orchestration__Authentication__Mode=CloudRunIam"
ENV_VARS+=",Pax__Orchestration__Authentication__AllowedPrincipals__0=${PUSH_SA}"
# The intake answers within the subscription's ack deadline (503 = nack when it cannot), so both get the same value.
ENV_VARS+=",Pax__Orchestration__Push__AckDeadline=$(printf '%02d:%02d:%02d' $((ACK_DEADLINE / 3600)) $((ACK_DEADLINE % 3600 / 60)) $((ACK_DEADLINE % 60)))"
# The watchdog and tally status are for the scheduler's account (it runs POST /watchdog), not for the push account.
ENV_VARS+=",Pax__Orchestration__OperatorAccounts__0=${SCHEDULER_SA}"
# The lease-based tick (Pax:Scheduling): jobs in Firestore; ticks come from the scheduler's account, checked by Cloud Run.
ENV_VARS+=",Pax__Scheduling__Store=Firestore,Pax__Scheduling__Firestore__ProjectId=${PROJECT}"
ENV_VARS+=",Pax__Scheduling__Authentication__Mode=CloudRunIam"
ENV_VARS+=",Pax__Scheduling__Authentication__AllowedPrincipals__0=${SCHEDULER_SA}"
# Whoever may create jobs makes the service send requests (http jobs) as its runtime account: keep the list short.
if [ -n "${JOB_CREATORS}" ]; then
  j=0
  IFS=',' read -ra creators <<< "${JOB_CREATORS}"
  for creator in "${creators[@]}"; do
    ENV_VARS+=",Pax__Scheduling__JobCreators__${j}=${creator}"
    j=$((j + 1))
  done
fi
i=0
for name in "${processors[@]}"; do
  ENV_VARS+=",Pax__Orchestration__Phases__0__Processors__${i}=${name}"
  i=$((i + 1))
done

# The request timeout (REQUEST_TIMEOUT seconds, 300 unless set; Cloud Scheduler allows 15-1800) is set explicitly, and
# the Scheduler jobs below wait exactly as long (--attempt-deadline): with Scheduler's default (180 s) a tick or watchdog
# call that takes longer is recorded as DEADLINE_EXCEEDED and retried while the first still runs (pax doctor: PAX104).
REQUEST_TIMEOUT="${REQUEST_TIMEOUT:-300}"

# Startup probe on /readyz: a revision whose Firestore database is missing never becomes ready, so the deploy fails
# visibly (with the database named in the logs) instead of answering every push with an error.
gcloud run deploy "${SERVICE}" --image="${IMAGE}" --region="${REGION}" --project="${PROJECT}" \
  --service-account="${RUNTIME_SA}" --no-allow-unauthenticated \
  --timeout="${REQUEST_TIMEOUT}s" \
  --startup-probe=httpGet.path=/readyz,periodSeconds=10,timeoutSeconds=5,failureThreshold=6 \
  --set-env-vars="${ENV_VARS}"

SERVICE_URL="$(gcloud run services describe "${SERVICE}" --region="${REGION}" --project="${PROJECT}" --format='value(status.url)')"

# The push account may invoke the service. Without this grant every push is rejected at Cloud Run's ingress.
gcloud run services add-iam-policy-binding "${SERVICE}" --region="${REGION}" --project="${PROJECT}" \
  --member="serviceAccount:${PUSH_SA}" --role=roles/run.invoker

# The token audience is the service URL, which Cloud Run's IAM check accepts; the app checks the same value.
gcloud run services update "${SERVICE}" --region="${REGION}" --project="${PROJECT}" \
  --update-env-vars="Pax__Orchestration__Authentication__Audience=${SERVICE_URL},Pax__Scheduling__Authentication__Audience=${SERVICE_URL}"

# Dead letters: a completion the service keeps refusing is set aside after 5 delivery attempts instead of being pushed
# until it expires (pax doctor: PAX106). All of Google's setup (cloud.google.com/pubsub/docs/handling-failures): the
# topic; a subscription on it, to read and replay them ("messages published to a topic with no subscriptions are
# lost"); the project's Pub/Sub service agent as publisher on the topic and, once the push subscription exists, as
# subscriber on it — without both it neither forwards nor counts delivery attempts.
DEAD_LETTER="${SERVICE}-push-dead-letter"
PROJECT_NUMBER="$(gcloud projects describe "${PROJECT}" --format='value(projectNumber)')"
PUBSUB_AGENT="service-${PROJECT_NUMBER}@gcp-sa-pubsub.iam.gserviceaccount.com"
gcloud pubsub topics describe "${DEAD_LETTER}" --project="${PROJECT}" >/dev/null 2>&1 \
  || gcloud pubsub topics create "${DEAD_LETTER}" --project="${PROJECT}"
gcloud pubsub subscriptions describe "${DEAD_LETTER}" --project="${PROJECT}" >/dev/null 2>&1 \
  || gcloud pubsub subscriptions create "${DEAD_LETTER}" --topic="${DEAD_LETTER}" --project="${PROJECT}"
gcloud pubsub topics add-iam-policy-binding "${DEAD_LETTER}" --project="${PROJECT}" \
  --member="serviceAccount:${PUBSUB_AGENT}" --role=roles/pubsub.publisher

if gcloud pubsub subscriptions describe "${SERVICE}-push" --project="${PROJECT}" >/dev/null 2>&1; then
  verb=update
else
  verb="create --topic=${COMPLETIONS_TOPIC}"
fi
# shellcheck disable=SC2086
gcloud pubsub subscriptions ${verb} "${SERVICE}-push" --project="${PROJECT}" \
  --push-endpoint="${SERVICE_URL}/" \
  --push-auth-service-account="${PUSH_SA}" \
  --push-auth-token-audience="${SERVICE_URL}" \
  --ack-deadline="${ACK_DEADLINE}" \
  --min-retry-delay=10s --max-retry-delay=600s \
  --dead-letter-topic="${DEAD_LETTER}" --max-delivery-attempts=5
gcloud pubsub subscriptions add-iam-policy-binding "${SERVICE}-push" --project="${PROJECT}" \
  --member="serviceAccount:${PUBSUB_AGENT}" --role=roles/pubsub.subscriber

# The scheduler account may invoke the service too (POST /cron/tick and POST /watchdog, OIDC for the *.run.app URL).
# Granted before the jobs exist, so their first calls are not refused for want of it.
gcloud run services add-iam-policy-binding "${SERVICE}" --region="${REGION}" --project="${PROJECT}" \
  --member="serviceAccount:${SCHEDULER_SA}" --role=roles/run.invoker

# The lease-based tick: every minute, POST /cron/tick with an OIDC token of the scheduler account for the service URL.
TICK_JOB="${SERVICE}-cron-tick"
if gcloud scheduler jobs describe "${TICK_JOB}" --location="${REGION}" --project="${PROJECT}" >/dev/null 2>&1; then
  verb=update
else
  verb=create
fi
gcloud scheduler jobs "${verb}" http "${TICK_JOB}" --location="${REGION}" --project="${PROJECT}" \
  --schedule="* * * * *" --time-zone="Etc/UTC" \
  --description="Pax tick: POST /cron/tick on Cloud Run service ${SERVICE}" \
  --uri="${SERVICE_URL}/cron/tick" --http-method=POST \
  --oidc-service-account-email="${SCHEDULER_SA}" \
  --oidc-token-audience="${SERVICE_URL}" \
  --attempt-deadline="${REQUEST_TIMEOUT}s"

if gcloud scheduler jobs describe "${SERVICE}-watchdog" --location="${REGION}" --project="${PROJECT}" >/dev/null 2>&1; then
  verb=update
else
  verb=create
fi
gcloud scheduler jobs "${verb}" http "${SERVICE}-watchdog" --location="${REGION}" --project="${PROJECT}" \
  --schedule="*/15 * * * *" --time-zone="Etc/UTC" \
  --uri="${SERVICE_URL}/watchdog" --http-method=POST \
  --oidc-service-account-email="${SCHEDULER_SA}" \
  --oidc-token-audience="${SERVICE_URL}" \
  --attempt-deadline="${REQUEST_TIMEOUT}s"

echo "Deployed ${SERVICE} at ${SERVICE_URL}; completions on ${COMPLETIONS_TOPIC} start ${NEXT_TOPIC} once per run key."
echo "Cloud Scheduler ticks ${SERVICE_URL}/cron/tick every minute (job ${TICK_JOB}) and the watchdog every 15 minutes."
echo "Completions refused 5 times wait in subscription ${DEAD_LETTER}: gcloud pubsub subscriptions pull ${DEAD_LETTER} --project=${PROJECT} --limit=10"
# /tallies and /watchdog answer only Pax__Orchestration__OperatorAccounts (the scheduler's account here), with the service
# URL as audience: an operator borrows that identity (needs roles/iam.serviceAccountTokenCreator on it).
echo "Status: curl -H \"Authorization: Bearer \$(gcloud auth print-identity-token --impersonate-service-account=${SCHEDULER_SA} --audiences=${SERVICE_URL} --include-email)\" ${SERVICE_URL}/tallies/${PHASE}/RUN_KEY"
echo "Check the live wiring (Scheduler, push, IAM) with: pax doctor --project ${PROJECT} --region ${REGION}"

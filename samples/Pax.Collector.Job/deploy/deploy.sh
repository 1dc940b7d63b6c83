#!/usr/bin/env bash
# Deploys the Pax collector as a Cloud Run Job and schedules it every 30 minutes with Cloud Scheduler.
#
# Cloud Scheduler calls the Cloud Run Admin API (run.googleapis.com …/jobs/JOB:run). That is a Google API, so the
# scheduler job carries an OAuth access token (scope cloud-platform) — an OIDC token there is answered with 401.
#
# Usage (from the project folder): PROJECT=… BUCKET=… deploy/deploy.sh
# Optional: REGION, AREA, JOB (pax-collector), TASKS (1), REPOSITORY (pax), PREFIX (snapshots), SCHEDULE,
# TRIGGER_SA (an orchestrator's service account email that runs this job as a phase trigger, with overrides).
##if (false)
# PROJECT and BUCKET are required; REGION defaults to us-east1, AREA to purple-corridor.
##else
## PROJECT, BUCKET, REGION and AREA default to the values given to `dotnet new pax-collector-job` (below); a variable set
## when the script runs wins.
##endif
set -euo pipefail

##if (false)
PROJECT="${PROJECT:?set PROJECT to the Google Cloud project id}"
BUCKET="${BUCKET:?set BUCKET to the Cloud Storage bucket that receives the snapshots}"
REGION="${REGION:-us-east1}"
AREA="${AREA:-purple-corridor}"
##else
## Defaults from `dotnet new pax-collector-job --projectId … --region … --bucket … --area …`; variables still win.
#PROJECT="${PROJECT:-TEMPLATE_PROJECT_ID}"
#BUCKET="${BUCKET:-TEMPLATE_BUCKET}"
#REGION="${REGION:-TEMPLATE_REGION}"
#AREA="${AREA:-TEMPLATE_AREA}"
#: "${PROJECT:?set PROJECT to the Google Cloud project id}"
#: "${BUCKET:?set BUCKET to the Cloud Storage bucket that receives the snapshots}"
##endif
JOB="${JOB:-pax-collector}"
TASKS="${TASKS:-1}"
REPOSITORY="${REPOSITORY:-pax}"
PREFIX="${PREFIX:-snapshots}"
SCHEDULE="${SCHEDULE:-*/30 * * * *}"
IMAGE="${REGION}-docker.pkg.dev/${PROJECT}/${REPOSITORY}/${JOB}:latest"
RUNTIME_SA="${JOB}-runtime@${PROJECT}.iam.gserviceaccount.com"
SCHEDULER_SA="${JOB}-scheduler@${PROJECT}.iam.gserviceaccount.com"
##if (false)
# The image builds from the repository root (the sample builds against src/).
CONTEXT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
##else
#CONTEXT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
##endif

gcloud services enable run.googleapis.com cloudscheduler.googleapis.com artifactregistry.googleapis.com \
  cloudbuild.googleapis.com storage.googleapis.com --project="${PROJECT}"

gcloud artifacts repositories describe "${REPOSITORY}" --location="${REGION}" --project="${PROJECT}" >/dev/null 2>&1 \
  || gcloud artifacts repositories create "${REPOSITORY}" --repository-format=docker --location="${REGION}" --project="${PROJECT}"
gcloud builds submit "${CONTEXT}" --config="$(dirname "${BASH_SOURCE[0]}")/cloudbuild.yaml" \
  --substitutions="_IMAGE=${IMAGE}" --project="${PROJECT}"

# Service accounts: one the job runs as, one the scheduler calls with.
for sa in "${JOB}-runtime" "${JOB}-scheduler"; do
  gcloud iam service-accounts describe "${sa}@${PROJECT}.iam.gserviceaccount.com" --project="${PROJECT}" >/dev/null 2>&1 \
    || gcloud iam service-accounts create "${sa}" --project="${PROJECT}"
done

# The job creates snapshots (create-only: storage.objects.create), lists the slot and reads the earlier report
# (storage.objects.list, .get), and replaces its report under a generation precondition, which Cloud Storage allows
# only with storage.objects.delete. roles/storage.objectCreator lacks all but create: grant roles/storage.objectUser.
gcloud storage buckets add-iam-policy-binding "gs://${BUCKET}" \
  --member="serviceAccount:${RUNTIME_SA}" --role=roles/storage.objectUser

# Task timeout × (retries + 1) stays under the 30-minute slot, so every retry still names the same slot;
# the run's own deadline (PAX_DEADLINE) leaves a minute for the report before the task timeout.
gcloud run jobs deploy "${JOB}" --image="${IMAGE}" --region="${REGION}" --project="${PROJECT}" \
  --service-account="${RUNTIME_SA}" --tasks="${TASKS}" --max-retries=2 --task-timeout=9m \
  --set-env-vars="PAX_SINK=gs://${BUCKET}/${PREFIX},PAX_AREA=${AREA},PAX_DEADLINE=00:08:00"

# The scheduler's account may run the job. The scheduler job POSTs no body, so no overrides: run.jobs.run is enough,
# and roles/run.invoker on the job holds it. roles/run.invoker does NOT hold run.jobs.runWithOverrides: a run with an
# `overrides` body (env, args, task count, timeout) from this account would get 403 PERMISSION_DENIED. To send one
# (e.g. PAX_SLOT to re-collect a slot), grant roles/run.jobsExecutorWithOverrides on the job instead.
gcloud run jobs add-iam-policy-binding "${JOB}" --region="${REGION}" --project="${PROJECT}" \
  --member="serviceAccount:${SCHEDULER_SA}" --role=roles/run.invoker

# A Pax.Orchestration phase trigger that runs this job (Pax:Orchestration:Phases:N:Trigger:Job) always sends overrides
# (PAX_PHASE, PAX_RUN_KEY, PAX_IDEMPOTENCY_KEY) and lists the job's executions before a re-drive: its account needs
# roles/run.jobsExecutorWithOverrides and roles/run.viewer on the job. Set TRIGGER_SA to that account to grant both.
if [[ -n "${TRIGGER_SA:-}" ]]; then
  for role in roles/run.jobsExecutorWithOverrides roles/run.viewer; do
    gcloud run jobs add-iam-policy-binding "${JOB}" --region="${REGION}" --project="${PROJECT}" \
      --member="serviceAccount:${TRIGGER_SA}" --role="${role}"
  done
fi

RUN_URI="https://run.googleapis.com/v2/projects/${PROJECT}/locations/${REGION}/jobs/${JOB}:run"
if gcloud scheduler jobs describe "${JOB}-every-30-min" --location="${REGION}" --project="${PROJECT}" >/dev/null 2>&1; then
  verb=update
else
  verb=create
fi
gcloud scheduler jobs "${verb}" http "${JOB}-every-30-min" --location="${REGION}" --project="${PROJECT}" \
  --schedule="${SCHEDULE}" --time-zone="Etc/UTC" \
  --uri="${RUN_URI}" --http-method=POST \
  --oauth-service-account-email="${SCHEDULER_SA}" \
  --oauth-token-scope="https://www.googleapis.com/auth/cloud-platform"

echo "Deployed ${JOB}; it runs on '${SCHEDULE}' (UTC) and stores into gs://${BUCKET}/${PREFIX}."
echo "Run it now: gcloud run jobs execute ${JOB} --region=${REGION} --project=${PROJECT}"
echo "Check the live wiring (Scheduler token, invoker grants) with: pax doctor --project ${PROJECT} --region ${REGION}"

#!/usr/bin/env bash
# Deploys this processor as a Cloud Run Job that a Pax orchestrator starts as a phase (a Cloud Run Job trigger,
# Pax:Orchestration:Phases:N:Trigger:Job) and that reports its completion to the orchestrator's completions topic.
#
# The orchestrator's trigger runs the job WITH overrides (PAX_PHASE, PAX_RUN_KEY, PAX_IDEMPOTENCY_KEY) and lists the
# job's executions before a re-drive, so its account needs roles/run.jobsExecutorWithOverrides and roles/run.viewer on
# the job: roles/run.invoker lacks run.jobs.runWithOverrides (Cloud Run answers 403). THIS SCRIPT GRANTS BOTH.
#
# The job also checks, at start, whether an earlier execution carries its PAX_IDEMPOTENCY_KEY (PAX_JOB names the job):
# its own account lists the job's executions, so THIS SCRIPT GRANTS IT roles/run.viewer on the job.
#
# PROCESSOR is the name this job reports as (PAX_PROCESSOR; its default below is the one in appsettings.json): it MUST
# be one of the orchestrator's processors for the phase (Pax:Orchestration:Phases:N:Processors, the orchestrator template's
# --processors). A name the phase does not list is rejected by the orchestrator, so the phase would never complete.
#
# Usage: PROJECT=my-project TRIGGER_SA=pax-orchestrator-runtime@my-project.iam.gserviceaccount.com deploy/deploy.sh
# Optional: PROCESSOR (see above), REGION (us-east1), JOB (pax-processor), REPOSITORY (pax), PHASE (phase2),
# COMPLETIONS_TOPIC (PHASE-completions).
set -euo pipefail

##if (false)
PROJECT="${PROJECT:?set PROJECT to the Google Cloud project id}"
##else
#PROJECT="${PROJECT:-TEMPLATE_PROJECT_ID}"
#: "${PROJECT:?set PROJECT to the Google Cloud project id}"
##endif
PROCESSOR="${PROCESSOR:-a}"
TRIGGER_SA="${TRIGGER_SA:?set TRIGGER_SA to the orchestrator runtime service account email (it runs this job)}"
REGION="${REGION:-us-east1}"
JOB="${JOB:-pax-processor}"
REPOSITORY="${REPOSITORY:-pax}"
PHASE="${PHASE:-phase2}"
COMPLETIONS_TOPIC="${COMPLETIONS_TOPIC:-${PHASE}-completions}"
IMAGE="${REGION}-docker.pkg.dev/${PROJECT}/${REPOSITORY}/${JOB}:latest"
RUNTIME_SA="${JOB}-runtime@${PROJECT}.iam.gserviceaccount.com"
##if (false)
# The image builds from the repository root (the sample builds against src/).
CONTEXT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
##else
#CONTEXT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
##endif

gcloud services enable run.googleapis.com pubsub.googleapis.com artifactregistry.googleapis.com cloudbuild.googleapis.com \
  --project="${PROJECT}"

gcloud artifacts repositories describe "${REPOSITORY}" --location="${REGION}" --project="${PROJECT}" >/dev/null 2>&1 \
  || gcloud artifacts repositories create "${REPOSITORY}" --repository-format=docker --location="${REGION}" --project="${PROJECT}"
gcloud builds submit "${CONTEXT}" --config="$(dirname "${BASH_SOURCE[0]}")/cloudbuild.yaml" \
  --substitutions="_IMAGE=${IMAGE}" --project="${PROJECT}"

gcloud iam service-accounts describe "${RUNTIME_SA}" --project="${PROJECT}" >/dev/null 2>&1 \
  || gcloud iam service-accounts create "${JOB}-runtime" --project="${PROJECT}"

# The job reports completion: it publishes to the orchestrator's completions topic.
gcloud pubsub topics describe "${COMPLETIONS_TOPIC}" --project="${PROJECT}" >/dev/null 2>&1 \
  || gcloud pubsub topics create "${COMPLETIONS_TOPIC}" --project="${PROJECT}"
gcloud pubsub topics add-iam-policy-binding "${COMPLETIONS_TOPIC}" --project="${PROJECT}" \
  --member="serviceAccount:${RUNTIME_SA}" --role=roles/pubsub.publisher

gcloud run jobs deploy "${JOB}" --image="${IMAGE}" --region="${REGION}" --project="${PROJECT}" \
  --service-account="${RUNTIME_SA}" --tasks=1 --max-retries=2 --task-timeout=10m \
  --set-env-vars="PAX_COMPLETION_TOPIC=projects/${PROJECT}/topics/${COMPLETIONS_TOPIC},PAX_COMPLETION_PHASE=${PHASE},PAX_PROCESSOR=${PROCESSOR},PAX_JOB=projects/${PROJECT}/locations/${REGION}/jobs/${JOB}"

# The job's own account lists its executions (an earlier execution for the same PAX_IDEMPOTENCY_KEY does the work).
gcloud run jobs add-iam-policy-binding "${JOB}" --region="${REGION}" --project="${PROJECT}" \
  --member="serviceAccount:${RUNTIME_SA}" --role=roles/run.viewer

# The orchestrator's trigger account runs the job with overrides and lists its executions.
for role in roles/run.jobsExecutorWithOverrides roles/run.viewer; do
  gcloud run jobs add-iam-policy-binding "${JOB}" --region="${REGION}" --project="${PROJECT}" \
    --member="serviceAccount:${TRIGGER_SA}" --role="${role}"
done

echo "Deployed ${JOB}; the orchestrator starts it with Pax__Orchestration__Phases__N__Trigger__Job=projects/${PROJECT}/locations/${REGION}/jobs/${JOB}."
echo "Check the live wiring with: pax doctor --project ${PROJECT} --region ${REGION}"

namespace Pax.Analyzers.Tests.Scripts;

/// <summary>Whole deploy scripts shaped like the samples', correct and with the two outage mistakes.</summary>
internal static class DeployScripts
{
    public static string Collector(bool oidc) => $$"""
        #!/usr/bin/env bash
        # Deploys the collector as a Cloud Run Job and runs it every 30 minutes from Cloud Scheduler.
        # Scheduler calls the Cloud Run Admin API (run.googleapis.com), a Google API: it needs an OAuth token.
        set -euo pipefail

        PROJECT="${PROJECT:-$(gcloud config get-value project)}"
        REGION="${REGION:-us-central1}"
        JOB="${JOB:-pax-collector}"
        IMAGE="${IMAGE:-${REGION}-docker.pkg.dev/${PROJECT}/pax/collector:latest}"
        SCHEDULER_SA="pax-scheduler@${PROJECT}.iam.gserviceaccount.com"

        gcloud iam service-accounts create pax-scheduler --display-name="Pax scheduler" 2>/dev/null || true

        gcloud run jobs deploy "$JOB" \
          --image="$IMAGE" \
          --region="$REGION" \
          --tasks=4 \
          --max-retries=3 \
          --task-timeout=10m \
          --set-env-vars="PAX_SLOT_MINUTES=30"

        gcloud run jobs add-iam-policy-binding "$JOB" \
          --region="$REGION" \
          --member="serviceAccount:${SCHEDULER_SA}" \
          --role=roles/run.invoker

        cat <<EOF
        Scheduling ${JOB}: gcloud scheduler jobs create http ... --oidc-service-account-email is wrong for jobs.
        EOF

        gcloud scheduler jobs create http "${JOB}-every-30-min" \
          --location="$REGION" \
          --schedule="*/30 * * * *" \
          --time-zone="Etc/UTC" \
          --uri="https://run.googleapis.com/v2/projects/${PROJECT}/locations/${REGION}/jobs/${JOB}:run" \
          --http-method=POST \
        {{(oidc
            ? "  {|PAX001:--oidc-service-account-email=\"$SCHEDULER_SA\"|}"
            : "  --oauth-service-account-email=\"$SCHEDULER_SA\" \\\n  --oauth-token-scope=https://www.googleapis.com/auth/cloud-platform")}}
        """;

    public static string Orchestrator(bool grant) => $$"""
        #!/usr/bin/env bash
        set -euo pipefail
        PROJECT="${PROJECT:?set PROJECT}"
        REGION="${REGION:-us-central1}"
        SERVICE=pax-orchestrator
        PUSH_SA="pax-push@${PROJECT}.iam.gserviceaccount.com"

        gcloud run deploy "$SERVICE" --source=. --region="$REGION" --no-allow-unauthenticated --quiet
        SERVICE_URL="$(gcloud run services describe "$SERVICE" --region="$REGION" --format='value(status.url)')"
        {{(grant
            ? "gcloud run services add-iam-policy-binding \"$SERVICE\" --region=\"$REGION\" \\\n  --member=\"serviceAccount:${PUSH_SA}\" --role=\"roles/run.invoker\""
            : "# (the invoker binding was dropped here)")}}
        gcloud pubsub topics create pax-completions || true
        gcloud pubsub subscriptions create pax-completions-push \
          --topic=pax-completions \
          {{(grant ? "" : "{|PAX002:")}}--push-endpoint="${SERVICE_URL}/pubsub/completions"{{(grant ? "" : "|}")}} \
          --push-auth-service-account="$PUSH_SA" \
          --ack-deadline=60
        """;
}

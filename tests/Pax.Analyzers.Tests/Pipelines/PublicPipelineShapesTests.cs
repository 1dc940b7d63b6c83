using Verify = Pax.Analyzers.Tests.Support.AnalyzerCase<Pax.Analyzers.Scripts.GcloudScriptAnalyzer>;

namespace Pax.Analyzers.Tests.Pipelines;

/// <summary>
/// Workflows, Cloud Build configs and split setup scripts shaped after public repositories (read 2026-12 through the
/// code index; rewritten in our own words with other names, keeping every construct the readers must handle: the
/// YAML layout, the gcloud commands and flags, the expressions, substitutions and continuations). Each source is named
/// on its test. What they configure correctly must stay silent; what they leave out is reported once.
/// </summary>
public sealed class PublicPipelineShapesTests
{
    /// <summary>
    /// Shaped after Abderrahmane2703/cloud-run-functions, .github/workflows/deploy-cloud-run.yml: one job deploys a
    /// public service, another a private one and then a push subscription to it whose host is built with
    /// <c>$(gcloud config get-value project | tr …)</c>, for an account under <c>${{ secrets.* }}</c>; nothing in the
    /// workflow grants that account the invoker role.
    /// </summary>
    [Fact]
    public Task A_workflow_that_pushes_to_its_private_service_without_a_grant_is_PAX002_once() => Workflow(CloudRunFunctions(grant: false));

    [Fact]
    public Task The_same_workflow_with_the_grant_step_is_silent() => Workflow(CloudRunFunctions(grant: true));

    /// <summary>
    /// Shaped after BuildCanada/OutcomeTracker, .github/workflows/deploy-cloud-run.yml: workflow <c>env:</c> read through
    /// <c>${{ env.X }}</c>, a single-line <c>run:</c>, a public deploy over continued lines, a describe and a curl.
    /// </summary>
    [Fact]
    public Task A_public_deploy_workflow_with_env_expressions_is_silent() => Workflow("""
        name: Deploy the pipeline
        on:
          push:
            branches: [ main ]
          workflow_dispatch: # by hand too
        env:
          PROJECT_ID: tracker-app
          SERVICE_NAME: tracker-pipeline
          REGION: us-central1
        jobs:
          deploy:
            runs-on: ubuntu-latest
            permissions:
              contents: read
              id-token: write
            steps:
            - uses: actions/checkout@v4
            - uses: google-github-actions/auth@v2
              with:
                workload_identity_provider: ${{ secrets.WIF_PROVIDER }}
                service_account: ${{ secrets.WIF_SERVICE_ACCOUNT }}
            - name: Docker auth
              run: gcloud auth configure-docker ${{ env.REGION }}-docker.pkg.dev
            - name: Deploy
              run: |
                IMAGE="${{ env.REGION }}-docker.pkg.dev/${{ env.PROJECT_ID }}/tracker/pipeline:${{ github.sha }}"

                gcloud run deploy ${{ env.SERVICE_NAME }} \
                  --image $IMAGE \
                  --platform managed \
                  --region ${{ env.REGION }} \
                  --allow-unauthenticated \
                  --memory 2Gi \
                  --set-env-vars "ENVIRONMENT=production" \
                  --set-env-vars "GITHUB_SHA=${{ github.sha }}"
            - name: Verify
              run: |
                SERVICE_URL=$(gcloud run services describe ${{ env.SERVICE_NAME }} --platform managed --region ${{ env.REGION }} --format 'value(status.url)')
                curl -f "$SERVICE_URL/" || exit 1
        """);

    /// <summary>
    /// Shaped after Caveaio/workflows, .github/workflows/deploy-cloud-run.yml (a reusable workflow passing its inputs to
    /// <c>google-github-actions/deploy-cloudrun</c>), and google-github-actions/example-workflows,
    /// workflows/deploy-cloudrun/cloudrun-docker.yml with its Knative <c>service.template.yaml</c> beside it.
    /// </summary>
    [Fact]
    public Task Deploy_cloudrun_workflows_and_a_Knative_manifest_are_silent() => Verify.RunAsync(Verify.ForFiles(
        (".github/workflows/reusable-deploy.yml", """
            name: Deploy to cloud run
            on:
                workflow_call:
                    inputs:
                        service:
                            required: true
                            type: string
                        flags:
                            required: true
                            type: string
            jobs:
                deploy:
                    runs-on: ubuntu-latest
                    steps:
                      - id: 'auth'
                        uses: 'google-github-actions/auth@v2'
                        with:
                          credentials_json: '${{ secrets.GCP_SA_KEY }}'
                      - name: 'Deploy'
                        uses: 'google-github-actions/deploy-cloudrun@v2'
                        with:
                          service: '${{ inputs.service }}'
                          flags: '${{ inputs.flags }}'
            """),
        (".github/workflows/docker.yml", """
            env:
              SERVICE: my-service # TODO: your service name
              REGION: us-central1
            jobs:
              deploy:
                runs-on: ubuntu-latest
                steps:
                  - name: Build and Push Container
                    run: |-
                      docker build -t "${{ env.REGION }}-docker.pkg.dev/p/r/${{ env.SERVICE }}:${{ github.sha }}" ./
                      docker push "${{ env.REGION }}-docker.pkg.dev/p/r/${{ env.SERVICE }}:${{ github.sha }}"
                  - id: deploy
                    uses: google-github-actions/deploy-cloudrun@v2
                    with:
                      service: ${{ env.SERVICE }}
                      region: ${{ env.REGION }}
                  - run: echo ${{ steps.deploy.outputs.url }}
            """),
        ("deploy/service.template.yaml", """
            apiVersion: serving.knative.dev/v1
            kind: Service
            metadata:
              name: ${SERVICE}
            spec:
              template:
                spec:
                  containers:
                  - image: ${IMAGE}
                    command: ["gcloud", "scheduler", "jobs", "create", "http", "j", "--uri=https://run.googleapis.com/v2/x:run", "--oidc-service-account-email=a@p.iam.gserviceaccount.com"]
            """)));

    /// <summary>
    /// Shaped after SaschaHeyer/Vertex-AI-Pipeline-Scheduler, scheduler/: a Cloud Build config deploys a private service
    /// with the gcloud builder's default entrypoint, <c>schedule.sh</c> grants <c>roles/run.invoker</c> on the project and
    /// schedules a placeholder URI, <c>deploy.sh</c> ends a continued command with a commented-out flag.
    /// </summary>
    [Fact]
    public Task A_split_Cloud_Build_and_script_deployment_is_silent() => Verify.RunAsync(Verify.ForFiles(
        ("scheduler/cloudbuild.yaml", """
            steps:
            # Build the container image
            - name: 'gcr.io/cloud-builders/docker'
              args: ['build', '-t', 'gcr.io/my-project/pipeline/schedule', '.']
            # Deploy container image to Cloud Run
            - name: 'gcr.io/cloud-builders/gcloud'
              args: ['run', 'deploy', 'pipeline-schedule', '--image', 'gcr.io/my-project/pipeline/schedule', '--region', 'us-east1', '--platform', 'managed', '--no-allow-unauthenticated']
            images:
            - gcr.io/my-project/pipeline/schedule
            """),
        ("scheduler/schedule.sh", """
            gcloud iam service-accounts create pipeline-schedule

            gcloud projects add-iam-policy-binding my-project \
                --member "serviceAccount:pipeline-schedule@my-project.iam.gserviceaccount.com" \
                --role "roles/run.invoker"

             gcloud scheduler jobs create http \
                JOB_NAME \
                --schedule SCHEDULE \
                --uri CLOUD_RUN_URL \
                --oidc-service-account-email pipeline-schedule@my-project.iam.gserviceaccount.com
            """),
        ("scheduler/deploy.sh", """
            gcloud run deploy pipeline-schedule \
             --image gcr.io/my-project/pipeline/schedule \
             --region us-east1 \
             #--no-allow-unauthenticated
            """)));

    /// <summary>
    /// Shaped after omeroga/servoya-cloud-worker (a Cloud Build config committed under the name <c>Dockerfile</c>): the
    /// cloud-sdk image with <c>entrypoint: gcloud</c> and a flow sequence of arguments over several lines.
    /// </summary>
    [Theory]
    [InlineData(true, "")]
    [InlineData(false, "{|PAX004:")]
    public Task A_public_deploy_in_a_flow_args_list_counts_for_a_tokenless_push(bool allowUnauthenticated, string open) => Verify.RunAsync(Verify.ForFiles(
        ("cloudbuild.yaml", $$"""
            steps:
              - name: 'gcr.io/cloud-builders/docker'
                args: ['build', '-t', 'gcr.io/$PROJECT_ID/worker', '.']

              - name: 'gcr.io/google.com/cloudsdktool/cloud-sdk'
                entrypoint: gcloud
                args: [
                  'run', 'deploy', 'worker',
                  '--image', 'gcr.io/$PROJECT_ID/worker',
                  '--region', 'us-central1',
                  '--platform', 'managed'{{(allowUnauthenticated ? ",\n      '--allow-unauthenticated'" : string.Empty)}}
                ]

            options:
              logging: CLOUD_LOGGING_ONLY
            """),
        ("deploy/pubsub.sh", $$"""
            gcloud pubsub subscriptions create jobs --topic=jobs {{open}}--push-endpoint=https://worker-x7k2pq3r4a-uc.a.run.app/jobs{{(open.Length > 0 ? "|}" : string.Empty)}}
            """)));

    /// <summary>
    /// Shaped after hnishi/pet-theory, lab03/: numbered scripts run in one shell — <c>do03</c> deploys a private
    /// service, <c>do06</c> grants the push account <c>roles/run.invoker</c> on it, <c>source09</c> reads its URL and
    /// <c>source12</c> creates the push subscription (the two sourced steps joined here, as the lab runs them).
    /// Read file by file, the subscription was a PAX002; the project grants it.
    /// </summary>
    [Fact]
    public Task Numbered_lab_scripts_that_grant_in_one_step_and_push_in_another_are_silent() => Verify.RunAsync(Verify.ForFiles(
        ("lab03/do03_deploy_service_to_cloud_run.bash", """
            gcloud run deploy pdf-service \
              --image gcr.io/$GOOGLE_CLOUD_PROJECT/pdf-service \
              --platform managed \
              --region us-central1 \
              --memory=2Gi \
              --no-allow-unauthenticated \
              --set-env-vars PDF_BUCKET=$GOOGLE_CLOUD_PROJECT-processed
            """),
        ("lab03/do06_allow_account_invoke.bash", """
            gcloud run services add-iam-policy-binding pdf-service \
              --member=serviceAccount:pubsub-invoker@$GOOGLE_CLOUD_PROJECT.iam.gserviceaccount.com \
              --role=roles/run.invoker \
              --region us-central1 \
              --platform managed
            """),
        ("lab03/source12_create_pubsub_subscription.bash", """
            SERVICE_URL=$(gcloud run services describe pdf-service \
              --platform managed \
              --region us-central1 \
              --format "value(status.url)")
            gcloud pubsub subscriptions create pdf-sub \
              --topic new-doc \
              --push-endpoint=$SERVICE_URL \
              --push-auth-service-account=pubsub-invoker@$GOOGLE_CLOUD_PROJECT.iam.gserviceaccount.com
            """)));

    private static string CloudRunFunctions(bool grant) => $$$"""
        name: Deploy Cloud Run functions
        on:
          push:
            branches:
              - main
          workflow_dispatch:
        jobs:
          deploy-watch-function:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
              - uses: google-github-actions/auth@v2
                with:
                  credentials_json: ${{ secrets.GCP_SA_KEY }}
              - name: Deploy the watch function (called by Cloud Scheduler)
                run: |
                  gcloud run deploy watch-function \
                    --source=./watch-function \
                    --region=us-central1 \
                    --allow-unauthenticated \
                    --set-env-vars="PROJECT_ID=${{ secrets.GCP_PROJECT_ID }},DATABASE_URL=${{ secrets.DATABASE_URL }}" \
                    --max-instances=10 \

          deploy-renewal-worker:
            runs-on: ubuntu-latest
            steps:
              - name: Deploy the renewal worker (Pub/Sub push)
                run: |
                  gcloud run deploy renewal-worker \
                    --source=./renewal-worker \
                    --region=us-central1 \
                    --no-allow-unauthenticated \
                    --timeout=300 \

        {{{(grant ? "      - run: gcloud run services add-iam-policy-binding renewal-worker --region=us-central1 --member=serviceAccount:app-sa@${{ secrets.GCP_PROJECT_ID }}.iam.gserviceaccount.com --role=roles/run.invoker\n" : string.Empty)}}}
              - name: Create the push subscription
                run: |
                  # Push subscription that calls the Cloud Run service
                  gcloud pubsub subscriptions create renewal-subscription \
                    --topic=${{ secrets.RENEWAL_TOPIC_ID }} \
                    {{{(grant ? string.Empty : "{|PAX002:")}}}--push-endpoint=https://renewal-worker-$(gcloud config get-value project | tr ':' '-' | tr '.' '-')-uc.a.run.app{{{(grant ? string.Empty : "|}")}}} \
                    --push-auth-service-account=app-sa@${{ secrets.GCP_PROJECT_ID }}.iam.gserviceaccount.com \
                    --region=us-central1 || echo "Subscription already exists"
        """;

    private static Task Workflow(string content) => Verify.RunAsync(Verify.ForFiles((".github/workflows/deploy.yml", content)));
}

#!/usr/bin/env bash
# Benchmark (run by hand, not a test): what Pax.Analyzers costs in a build.
#
# Generates a project of 300 C# files and 240 deployment files (100 gcloud scripts, 100 Terraform files in 10 modules,
# 20 GitHub Actions workflows, 20 Cloud Build configs) under $WORK, builds it once to warm up, then rebuilds it with -p:ReportAnalyzer=true and prints Pax.Analyzers'
# analyzer time, the build's wall time and their ratio (target: <= 3%), per rebuild and as min/median/max.
# Every C# file holds Cloud Scheduler and Pub/Sub deployment code (stubs of Google's types, by metadata name) beside
# ordinary code: the worst case for the C# analyzer, whose work grows with the assignments to those types. The scripts
# and CI files are one deployment unit (grants in one count for invocations in another), checked at compilation end.
#
# Usage: flock /tmp/pax-build.lock tests/Pax.Benchmarks/Analyzers/run-analyzer-benchmark.sh
# Optional: WORK (default /tmp/pax-analyzer-benchmark), RUNS (measured rebuilds, default 3).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
WORK="${WORK:-/tmp/pax-analyzer-benchmark}"
RUNS="${RUNS:-3}"

dotnet build "$ROOT/analyzers/Pax.Analyzers/Pax.Analyzers.csproj" -c Release -v:q -nologo >/dev/null
ANALYZER="$ROOT/analyzers/Pax.Analyzers/bin/Release/netstandard2.0/Pax.Analyzers.dll"

rm -rf "$WORK"
mkdir -p "$WORK/Code" "$WORK/deploy" "$WORK/.github/workflows" "$WORK/ci"

cat > "$WORK/Benchmark.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <OutputType>Library</OutputType>
    <!-- No NoWarn for PAX00x: the compiler skips an analyzer whose rules are all suppressed. -->
  </PropertyGroup>
  <ItemGroup>
    <Analyzer Include="$ANALYZER" />
    <AdditionalFiles Include="deploy/**/*.sh;infra/**/*.tf;.github/workflows/*.yml;ci/**/cloudbuild*.yaml" />
  </ItemGroup>
</Project>
XML

cat > "$WORK/Code/Stubs.cs" <<'CS'
namespace Google.Cloud.Scheduler.V1
{
    public sealed class OidcToken { public string ServiceAccountEmail { get; set; } = ""; public string Audience { get; set; } = ""; }
    public sealed class OAuthToken { public string ServiceAccountEmail { get; set; } = ""; public string Scope { get; set; } = ""; }
    public sealed class HttpTarget { public string Uri { get; set; } = ""; public OidcToken? OidcToken { get; set; } public OAuthToken? OAuthToken { get; set; } }
}
namespace Google.Cloud.PubSub.V1
{
    public sealed class PushConfig
    {
        public string PushEndpoint { get; set; } = "";
        public Types.OidcToken? OidcToken { get; set; }
        public static class Types { public sealed class OidcToken { public string ServiceAccountEmail { get; set; } = ""; } }
    }
}
namespace Google.Cloud.Iam.V1
{
    public sealed class Policy { public bool AddRoleMember(string role, string member) => true; }
}
CS

for i in $(seq 1 300); do
  cat > "$WORK/Code/Deployment$i.cs" <<CS
using Google.Cloud.Iam.V1;
using Google.Cloud.PubSub.V1;
using Google.Cloud.Scheduler.V1;

namespace Benchmark.Area$((i % 20));

public sealed record Camera$i(string Id, string Name, double Latitude, double Longitude, bool IsOnline);

public sealed class Deployment$i
{
    private const string Project = "project-$i";
    private readonly Dictionary<string, Camera$i> _cameras = new(StringComparer.Ordinal);

    public HttpTarget JobTarget(string region) => new HttpTarget
    {
        Uri = \$"https://run.googleapis.com/v2/projects/{Project}/locations/{region}/jobs/collector-$i:run",
        OAuthToken = new OAuthToken { ServiceAccountEmail = \$"scheduler@{Project}.iam.gserviceaccount.com" },
    };

    public HttpTarget ServiceTarget() => new HttpTarget
    {
        Uri = "https://tick-$i-abc123-uc.a.run.app/cron/tick",
        OidcToken = new OidcToken { ServiceAccountEmail = "tick@$i.iam.gserviceaccount.com", Audience = "https://tick-$i-abc123-uc.a.run.app" },
    };

    public PushConfig Push(string url)
    {
        var config = new PushConfig();
        config.PushEndpoint = url + "/pubsub";
        config.OidcToken = new PushConfig.Types.OidcToken { ServiceAccountEmail = "push@$i.iam.gserviceaccount.com" };
        return config;
    }

    public void Grant(Policy policy) => policy.AddRoleMember("roles/run.invoker", "serviceAccount:tick@$i.iam.gserviceaccount.com");

    public void Add(Camera$i camera)
    {
        ArgumentNullException.ThrowIfNull(camera);
        _cameras[camera.Id] = camera;
    }

    public IReadOnlyList<Camera$i> Online(double minLatitude, double maxLatitude) =>
        _cameras.Values
            .Where(c => c.IsOnline && c.Latitude >= minLatitude && c.Latitude <= maxLatitude)
            .OrderBy(c => c.Id, StringComparer.Ordinal)
            .ToList();

    public IEnumerable<IReadOnlyList<Camera$i>> Shards(int count)
    {
        var ordered = _cameras.Values.OrderBy(c => c.Id, StringComparer.Ordinal).ToArray();
        for (var shard = 0; shard < count; shard++)
        {
            yield return ordered.Where((_, index) => index % count == shard).ToArray();
        }
    }

    public async Task<int> CountAsync(Func<Camera$i, CancellationToken, Task<bool>> probe, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var camera in _cameras.Values)
        {
            if (await probe(camera, cancellationToken).ConfigureAwait(false))
            {
                count++;
            }
        }

        return count;
    }

    public string Describe() => string.Join(", ", _cameras.Values.Select(c => \$"{c.Name} ({c.Latitude:F4}, {c.Longitude:F4})"));
}
CS
done

for i in $(seq 1 100); do
  cat > "$WORK/deploy/deploy-$i.sh" <<SH
#!/usr/bin/env bash
# Deploys collector $i and schedules it.
set -euo pipefail
PROJECT="\${PROJECT:?set PROJECT}"
REGION="\${REGION:-us-east1}"
JOB="collector-$i"
SCHEDULER_SA="\${JOB}-scheduler@\${PROJECT}.iam.gserviceaccount.com"
PUSH_SA="push-$i@\${PROJECT}.iam.gserviceaccount.com"

gcloud run jobs deploy "\$JOB" --image="\${REGION}-docker.pkg.dev/\${PROJECT}/pax/\${JOB}:latest" \\
  --region="\$REGION" --tasks=4 --max-retries=2 --task-timeout=9m \\
  --set-env-vars="PAX_SINK=gs://bucket-$i/snapshots,PAX_AREA=purple-corridor"

gcloud run jobs add-iam-policy-binding "\$JOB" --region="\$REGION" \\
  --member="serviceAccount:\${SCHEDULER_SA}" --role=roles/run.invoker

cat <<EOF
Scheduling \${JOB}: gcloud scheduler jobs create http x --oidc-service-account-email=wrong
EOF

gcloud scheduler jobs create http "\${JOB}-every-30-min" --location="\$REGION" \\
  --schedule="*/30 * * * *" --time-zone="Etc/UTC" \\
  --uri="https://run.googleapis.com/v2/projects/\${PROJECT}/locations/\${REGION}/jobs/\${JOB}:run" \\
  --http-method=POST \\
  --oauth-service-account-email="\$SCHEDULER_SA" \\
  --oauth-token-scope=https://www.googleapis.com/auth/cloud-platform

URL="\$(gcloud run services describe orchestrator-$i --region "\$REGION" --format='value(status.url)')"
gcloud run services add-iam-policy-binding orchestrator-$i --region="\$REGION" \\
  --member="serviceAccount:\${PUSH_SA}" --role=roles/run.invoker
gcloud pubsub subscriptions create completions-$i --topic=completions-$i \\
  --push-endpoint="\${URL}/pubsub" --push-auth-service-account="\$PUSH_SA" --ack-deadline=60
for n in 1 2 3; do
  echo "check \$n"
done
SH
done

for i in $(seq 1 100); do
  module="$WORK/infra/module-$((i % 10))"
  mkdir -p "$module"
  cat > "$module/main-$i.tf" <<TF
variable "region_$i" {
  default = "us-east1"
}

locals {
  job_$i = "collector-$i"
}

resource "google_service_account" "scheduler_$i" {
  account_id = "scheduler-$i"
}

resource "google_cloud_run_v2_service" "orchestrator_$i" {
  name     = "orchestrator-$i"
  location = var.region_$i
  template {
    containers {
      image = "us-docker.pkg.dev/p/pax/orchestrator:latest"
    }
  }
}

resource "google_cloud_scheduler_job" "collector_$i" {
  name     = "\${local.job_$i}-every-30-min"
  schedule = "*/30 * * * *"
  http_target {
    http_method = "POST"
    uri         = "https://run.googleapis.com/v2/projects/p/locations/\${var.region_$i}/jobs/\${local.job_$i}:run"
    oauth_token {
      service_account_email = google_service_account.scheduler_$i.email
      scope                 = "https://www.googleapis.com/auth/cloud-platform"
    }
  }
}

resource "google_pubsub_subscription" "completions_$i" {
  name  = "completions-$i"
  topic = "completions"
  push_config {
    push_endpoint = "\${google_cloud_run_v2_service.orchestrator_$i.uri}/pubsub" # the orchestrator
    oidc_token {
      service_account_email = google_service_account.scheduler_$i.email
    }
  }
}

resource "google_cloud_run_v2_job_iam_member" "scheduler_$i" {
  name   = local.job_$i
  role   = "roles/run.invoker"
  member = "serviceAccount:\${google_service_account.scheduler_$i.email}"
}

resource "google_cloud_run_v2_service_iam_member" "push_$i" {
  name   = google_cloud_run_v2_service.orchestrator_$i.name
  role   = "roles/run.invoker"
  member = "serviceAccount:\${google_service_account.scheduler_$i.email}"
}
TF
done

# GitHub Actions workflows and Cloud Build configs (quoted heredocs: @I@ stands for the number).
for i in $(seq 1 20); do
  sed "s/@I@/$i/g" > "$WORK/.github/workflows/deploy-$i.yml" <<'YAML'
name: deploy service @I@
on:
  push:
    branches: [main]
env:
  PROJECT: project-@I@
  REGION: us-east1
  SERVICE: api-@I@
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
      - name: Build
        run: |
          docker build -t "${{ env.REGION }}-docker.pkg.dev/${{ env.PROJECT }}/app/${{ env.SERVICE }}:${{ github.sha }}" .
          docker push "${{ env.REGION }}-docker.pkg.dev/${{ env.PROJECT }}/app/${{ env.SERVICE }}:${{ github.sha }}"
      - name: Deploy
        run: |
          gcloud run deploy "$SERVICE" \
            --image="${{ env.REGION }}-docker.pkg.dev/${{ env.PROJECT }}/app/${{ env.SERVICE }}:${{ github.sha }}" \
            --region="$REGION" --no-allow-unauthenticated
          gcloud run services add-iam-policy-binding "$SERVICE" --region="$REGION" \
            --member="serviceAccount:tick-@I@@${{ env.PROJECT }}.iam.gserviceaccount.com" --role=roles/run.invoker
      - name: Schedule
        env:
          TICK_SA: tick-@I@@${{ env.PROJECT }}.iam.gserviceaccount.com
        run: |
          # Create the tick job once; later runs keep it.
          URL="$(gcloud run services describe "$SERVICE" --region="$REGION" --format='value(status.url)')"
          gcloud scheduler jobs describe tick-@I@ --location="$REGION" \
            || gcloud scheduler jobs create http tick-@I@ --location="$REGION" --schedule="*/5 * * * *" \
              --uri="$URL/cron/tick" --oidc-service-account-email="$TICK_SA" --oidc-token-audience="$URL"
YAML
  sed "s/@I@/$i/g" > "$WORK/ci/cloudbuild-$i.yaml" <<'YAML'
substitutions:
  _REGION: us-east1
  _JOB: collector-@I@
steps:
  - name: gcr.io/cloud-builders/docker
    args: ['build', '-t', 'us-docker.pkg.dev/$PROJECT_ID/pax/${_JOB}:$SHORT_SHA', '.']
  - name: gcr.io/cloud-builders/docker
    args: ['push', 'us-docker.pkg.dev/$PROJECT_ID/pax/${_JOB}:$SHORT_SHA']
  - name: gcr.io/google.com/cloudsdktool/cloud-sdk
    entrypoint: gcloud
    args:
      - run
      - jobs
      - deploy
      - ${_JOB}
      - --image=us-docker.pkg.dev/$PROJECT_ID/pax/${_JOB}:$SHORT_SHA
      - --region=${_REGION}
  - name: gcr.io/cloud-builders/gcloud
    args: ['run', 'jobs', 'add-iam-policy-binding', '${_JOB}', '--region=${_REGION}', '--member=serviceAccount:scheduler@$PROJECT_ID.iam.gserviceaccount.com', '--role=roles/run.invoker']
  - name: gcr.io/cloud-builders/gcloud
    entrypoint: bash
    args:
      - -c
      - |
        gcloud scheduler jobs describe ${_JOB}-tick --location=${_REGION} \
          || gcloud scheduler jobs create http ${_JOB}-tick --location=${_REGION} \
            --schedule="*/30 * * * *" \
            --uri="https://run.googleapis.com/v2/projects/$PROJECT_ID/locations/${_REGION}/jobs/${_JOB}:run" \
            --oauth-service-account-email="scheduler@$PROJECT_ID.iam.gserviceaccount.com" \
            --oauth-token-scope=https://www.googleapis.com/auth/cloud-platform
images:
  - us-docker.pkg.dev/$PROJECT_ID/pax/${_JOB}:$SHORT_SHA
YAML
done

cd "$WORK"
dotnet build -c Release -nologo -v:q >/dev/null   # restore and warm up

ratios=()
for run in $(seq 1 "$RUNS"); do
  start=$(date +%s%N)
  dotnet build -c Release -nologo --no-restore --no-incremental -p:ReportAnalyzer=true -v:d > "$WORK/build-$run.log"
  end=$(date +%s%N)
  build_ms=$(( (end - start) / 1000000 ))
  # ReportAnalyzer prints one line per analyzer: "   <seconds>   <percent>   <analyzer type> (<ids>)".
  pax_lines=$(grep -E '^\s+<?[0-9.]+\s+<?[0-9]+ ?%?\s+Pax\.Analyzers\.' "$WORK/build-$run.log" || true)
  pax_s=$(printf '%s\n' "$pax_lines" | awk 'NF { v = $1; sub("<", "", v); s += v } END { printf "%.3f", s + 0 }')
  total_s=$(grep -m1 -E 'Total analyzer execution time' "$WORK/build-$run.log" | grep -oE '[0-9]+\.[0-9]+' | head -1 || true)
  ratio=$(awk -v a="$pax_s" -v b="$build_ms" 'BEGIN { printf "%.2f", 100 * a * 1000 / b }')
  ratios+=("$ratio")
  echo "run $run: Pax.Analyzers ${pax_s}s, all analyzers ${total_s:-?}s, build ${build_ms}ms wall, Pax.Analyzers/build = ${ratio}%"
  printf '%s\n' "$pax_lines" | sed 's/^/    /'
done
printf '%s\n' "${ratios[@]}" | sort -n | awk '{ r[NR] = $1 } END {
  median = NR % 2 ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2
  printf "Pax.Analyzers/build over %d rebuilds: min %.2f%%, median %.2f%%, max %.2f%%\n", NR, r[1], median, r[NR] }'
echo "Pax findings in the last build (the generated deployment code is correct, so 0 expected): $(grep -cE 'warning PAX00[1-4]' "$WORK/build-$RUNS.log" || true)"
echo "files: $(ls "$WORK"/Code/*.cs | wc -l) C#, $(ls "$WORK"/deploy/*.sh | wc -l) scripts, $(find "$WORK/infra" -name '*.tf' | wc -l) Terraform, $(ls "$WORK"/.github/workflows/*.yml | wc -l) workflows, $(ls "$WORK"/ci/*.yaml | wc -l) Cloud Build configs"

using Pax.GoogleCloud;
using Pax.GoogleCloud.Hosting;
using Pax.Orchestration.Dashboard;
using Pax.Orchestration.Scheduling;
using Pax.Orchestration.Completion;
using Pax.Orchestrator.Function.Telemetry;

// The orchestrator, deployed as a Cloud Run service: POST / (push intake), GET /tallies/{phase}/{runKey}, POST /watchdog, GET /healthz (liveness),
// GET /readyz (readiness: the Firestore database exists when a store uses it), and the
// tick scheduler: POST /cron/tick (Cloud Scheduler, every minute, OIDC), POST /jobs, GET /jobs/{id}; and the
// dashboard under /pax (Pax:Dashboard; on Cloud Run open it through `gcloud run services proxy`).
// Configuration: appsettings.json (and appsettings.Development.json for local runs) and environment variables under
// Pax:Orchestration, Pax:Scheduling, Pax:Dashboard and GoogleCloud (Pax__Orchestration__…); SQLite by default,
// Firestore when Store is Firestore or FIRESTORE_EMULATOR_HOST is set. The phases come from one place: the deploy
// script's environment variables on Cloud Run, appsettings.Development.json locally. A key no option reads, a value
// that does not convert or a list merged from two sources stops the start with one line naming the key.
// appsettings.json is read from the app's folder, wherever the process is started from.
var startup = StartupFailureReporter.ForProcess();
WebApplication? app = null;
try
{
    var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

    // Cloud Run says which port to listen on in PORT; an explicit --urls (or ASPNETCORE_URLS) wins.
    if (string.IsNullOrEmpty(builder.Configuration["urls"]) && Environment.GetEnvironmentVariable("PORT") is { Length: > 0 } port)
    {
        builder.WebHost.UseUrls($"http://0.0.0.0:{port}");
    }

    // On Cloud Run (K_SERVICE) every stdout line is one log entry: one JSON object per event, with its severity.
    startup.ConfigureLogging(builder.Logging);
    builder.Services.AddPaxGoogleCloud(builder.Configuration.GetSection(GoogleCloudOptions.SectionName));
    builder.Services.AddPaxOrchestration(builder.Configuration.GetSection(OrchestrationOptions.SectionName));
    builder.Services.AddPaxScheduling(builder.Configuration.GetSection(SchedulingOptions.SectionName));
    builder.Services.AddPaxDashboard(builder.Configuration.GetSection(DashboardOptions.SectionName));

    // Spans and metrics to an OpenTelemetry collector, only when OTEL_EXPORTER_OTLP_ENDPOINT is set.
    OtlpExport.AddWhenConfigured(builder.Services, builder.Configuration);

    app = builder.Build();

    // Mapping validates the options, so a bad configuration fails here, at startup.
    app.MapPaxOrchestration();
    app.MapPaxScheduling();
    app.MapPaxDashboard("/pax");
}
catch (Exception ex)
{
    // One line naming the cause (a CRITICAL entry on Cloud Run), exit code 1; the exception at Debug level.
    return startup.Report(ex, exitCode: 1, app?.Logger);
}

return await startup.RunAsync(app, exitCode: 1);

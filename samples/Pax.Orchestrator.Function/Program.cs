using Pax.Orchestration;
using Pax.Orchestration.Dashboard;
using Pax.Orchestration.Scheduling;

// The orchestrator function: POST / (push intake), GET /tallies/{phase}/{runKey}, POST /watchdog, GET /healthz (liveness),
// GET /readyz (readiness: the Firestore database exists when a store uses it), and the
// tick scheduler: POST /cron/tick (Cloud Scheduler, every minute, OIDC), POST /jobs, GET /jobs/{id}; and the
// dashboard under /pax (Pax:Dashboard; on Cloud Run open it through `gcloud run services proxy`).
// Configuration: appsettings.json and environment variables under Pax:Orchestration and Pax:Scheduling
// (Pax__Orchestration__…, Pax__Scheduling__…); SQLite by default, Firestore when Store is Firestore or
// FIRESTORE_EMULATOR_HOST is set.
// appsettings.json is read from the app's folder, wherever the process is started from.
var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

// Cloud Run says which port to listen on in PORT; an explicit --urls (or ASPNETCORE_URLS) wins.
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && Environment.GetEnvironmentVariable("PORT") is { Length: > 0 } port)
{
    builder.WebHost.UseUrls($"http://0.0.0.0:{port}");
}

// On Cloud Run (K_SERVICE is set) every stdout line is one log entry: log one JSON object per event, with its
// severity and any exception's stack inside it, instead of multi-line console text.
var onCloudRun = Environment.GetEnvironmentVariable("K_SERVICE") is { Length: > 0 };
if (onCloudRun)
{
    builder.Logging.ClearProviders();
    builder.Logging.AddCloudLoggingJson();
}

builder.Services.AddPaxOrchestration(builder.Configuration.GetSection(OrchestrationOptions.SectionName));
builder.Services.AddPaxScheduling(builder.Configuration.GetSection(SchedulingOptions.SectionName));
builder.Services.AddPaxDashboard(builder.Configuration.GetSection(DashboardOptions.SectionName));

var app = builder.Build();
try
{
    // Mapping validates the options, so a bad configuration fails here, at startup.
    app.MapPaxOrchestration();
    app.MapPaxScheduling();
    app.MapPaxDashboard("/pax");
    app.Run();
}
catch (Exception ex) when (onCloudRun)
{
    // One CRITICAL entry with the stack inside it (a failed start is logged by the host too, as event 11), instead of
    // the runtime's multi-line "Unhandled exception" text on stderr; the exit code still says it failed.
    app.Logger.LogCritical(ex, "The service stopped: {Reason}", ex.Message);
    Environment.ExitCode = 1;
}

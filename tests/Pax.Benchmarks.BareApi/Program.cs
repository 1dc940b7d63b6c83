// The startup benchmark's yardstick (tests/Pax.Benchmarks/Startup): what `dotnet new web` gives, on the slim builder,
// with the Function sample's content root, answering GET /healthz. Nothing else, so that the ratio to it is what Pax adds.
var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
var app = builder.Build();
app.MapGet("/healthz", () => Results.Text("ok"));
await app.RunAsync();

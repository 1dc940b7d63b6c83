using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pax.GoogleCloud.Auth;
using Pax.Orchestration.Scheduling;
using Pax.Orchestration.Scheduling.Handlers;
using Pax.Orchestration.Scheduling.Handlers.Internal;

namespace Pax.Orchestration.Tests.Support;

/// <summary>
/// An <see cref="HttpJobHandler"/> on the named client exactly as <c>AddPaxScheduling</c> registers it, with a host
/// resolver the test controls (names it does not know fail like an unknown DNS name) and ID tokens that record their audience.
/// </summary>
internal sealed class HttpJobHarness : IAsyncDisposable, IDisposable
{
    private static readonly DateTimeOffset Occurrence = new(2026, 1, 5, 12, 0, 0, TimeSpan.Zero);
    private readonly ServiceProvider _services;

    public HttpJobHarness(Action<HttpJobOptions>? configure = null, IReadOnlyDictionary<string, IPAddress[]>? hosts = null)
    {
        var services = new ServiceCollection();
        Resolver = new MapResolver(hosts ?? new Dictionary<string, IPAddress[]>());
        services.AddSingleton<HttpJobHostResolver>(Resolver);
        HttpJobConnector.AddHttpJobClient(services);
        _services = services.BuildServiceProvider();
        var options = new SchedulingOptions();
        configure?.Invoke(options.HttpJobs);
        Handler = new HttpJobHandler(_services.GetRequiredService<IHttpClientFactory>(), Tokens, Options.Create(options));
    }

    public HttpJobHandler Handler { get; }

    public RecordingIdTokens Tokens { get; } = new();

    internal MapResolver Resolver { get; }

    public static ScheduledJobContext Context(string id, string payload) => new(
        new ScheduledJob { Id = id, Type = "http", Payload = JsonDocument.Parse(payload).RootElement.Clone(), ScheduleAt = Occurrence, Status = ScheduledJobStatus.Running, Attempts = 1 },
        Occurrence);

    public string? Validate(string payload) => ((IScheduledJobHandler)Handler).ValidatePayload(JsonDocument.Parse(payload).RootElement);

    public Task ExecuteAsync(string payload) => Handler.ExecuteAsync(Context("job", payload), TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    public void Dispose() => _services.Dispose();

    public sealed class RecordingIdTokens : IGoogleIdTokenProvider
    {
        public ConcurrentQueue<string> Audiences { get; } = new();

        public ValueTask<string> GetIdTokenAsync(string audience, CancellationToken cancellationToken)
        {
            Audiences.Enqueue(audience);
            return new("id-token-for-" + audience);
        }
    }

    internal sealed class MapResolver(IReadOnlyDictionary<string, IPAddress[]> hosts) : HttpJobHostResolver
    {
        public ConcurrentQueue<string> Asked { get; } = new();

        public override ValueTask<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
        {
            Asked.Enqueue(host);
            return hosts.TryGetValue(host, out var addresses)
                ? new(addresses)
                : throw new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.HostNotFound);
        }
    }
}

using System.Net.Http.Headers;
using Pax.TestSupport.Gcs;

namespace Pax.GoogleCloud.Tests.TestSupport;

/// <summary>A fresh Cloud Storage stand-in with one bucket per test, and a client that sends its access token.</summary>
public abstract class FakeGcsServerTestBase : IAsyncLifetime
{
    protected const string Bucket = "fake-bucket";

    protected FakeGcsServer Server { get; private set; } = null!;

    protected HttpClient Http { get; private set; } = null!;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        Server = await FakeGcsServer.StartAsync(cancellationToken: Ct);
        Server.CreateBucket(Bucket);
        Http = new HttpClient(new SocketsHttpHandler()) { BaseAddress = Server.BaseAddress };
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", FakeGcsServerOptions.DefaultAccessToken);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

using Google.Apis.Auth.OAuth2;
using Google.Cloud.Storage.V1;
using Pax.TestSupport.Gcs;

namespace Pax.Collection.Tests.Sinks;

/// <summary>Google's own <see cref="StorageClient"/>, pointed at a <see cref="FakeGcsServer"/> as an application would configure it.</summary>
internal static class GcsTestClients
{
    public static StorageClient For(FakeGcsServer server) => new StorageClientBuilder
    {
        BaseUri = $"{server.BaseAddress}storage/v1/",
        Credential = GoogleCredential.FromAccessToken(server.AccessToken ?? FakeGcsServerOptions.DefaultAccessToken),
    }.Build();
}

using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Pax.Orchestration.Completion;
using Pax.Orchestration.Dashboard.Tests.Support;

namespace Pax.Orchestration.Dashboard.Tests.Security;

/// <summary>A store that cannot be read answers 503 (try again), logged, with nothing half-rendered.</summary>
public sealed class StoreOutageTests
{
    [Theory]
    [InlineData("/pax")]
    [InlineData("/pax/api/phases")]
    [InlineData("/pax/rejected")]
    public async Task An_unreachable_store_is_503_and_logged(string path)
    {
        await using var server = await DashboardServer.StartAsync(services: s => s.AddSingleton<ICompletionStoreQueries>(new UnreachableQueries()));

        var response = await server.Client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("503: the store could not be read; try again.\n", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains(server.Logs.GetSnapshot(), r => r.Id.Id == 4304 && r.Exception is HttpRequestException);
    }

    private sealed class UnreachableQueries : ICompletionStoreQueries
    {
        public Task<IReadOnlyList<StoredTally>> ListRecentAsync(string phase, int limit, TallyCursor? after, CancellationToken cancellationToken) =>
            throw new HttpRequestException("store down");

        public Task<IReadOnlyList<RejectedMessage>> ListRecentRejectedAsync(int limit, CancellationToken cancellationToken) =>
            throw new HttpRequestException("store down");
    }
}

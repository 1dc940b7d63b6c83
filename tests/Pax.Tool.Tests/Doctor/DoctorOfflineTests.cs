using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;
using Google.Apis.Auth.OAuth2;
using Microsoft.Extensions.DependencyInjection;
using Pax.GoogleCloud.Auth;

namespace Pax.Tool.Tests.Doctor;

/// <summary>
/// A machine that cannot reach Google (offline, no DNS, a token request that times out) is told so — not sent to
/// <c>gcloud auth application-default login</c>, which is the answer to missing credentials only.
/// </summary>
public sealed class DoctorOfflineTests
{
    private static readonly string[] JsonArgs = ["doctor", "--project", DoctorProject.Project, "--region", DoctorProject.Region, "--format", "json"];

    [Fact]
    public async Task A_token_request_that_cannot_connect_is_reported_as_Google_unreachable_not_as_missing_credentials()
    {
        // Real Application Default Credentials (a service-account key, read by Google.Apis.Auth) whose token endpoint
        // is a loopback port nobody listens on: the token request fails the way an offline machine's does, with a
        // refused connection, through Google.Apis.Auth's own HTTP client.
        var tokenUri = $"http://127.0.0.1:{ClosedPort()}/token";
        var credentials = new ApplicationDefaultAccessTokenProvider(_ => Task.FromResult(ServiceAccount(tokenUri)));

        var (code, gap, reads) = await RunJsonAsync(credentials);

        Assert.Equal(2, code);
        Assert.Equal("network", gap.GetProperty("api").GetString());
        var reason = gap.GetProperty("reason").GetString()!;
        Assert.StartsWith("Cannot reach Google to get an access token: no connection could be made (", reason, StringComparison.Ordinal);
        Assert.Contains("Check the network connection", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("application-default login", reason, StringComparison.Ordinal);
        Assert.Equal(0, reads);
    }

    public static TheoryData<string, Exception, string> Unreachable() => new()
    {
        {
            "no DNS",
            new HttpRequestException(HttpRequestError.NameResolutionError, "Name or service not known (oauth2.googleapis.com:443)", new SocketException((int)SocketError.HostNotFound)),
            "Cannot reach Google to get an access token: the name could not be resolved: no DNS, or no network (Name or service not known (oauth2.googleapis.com:443))"
        },
        {
            "timeout",
            new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing.", new TimeoutException("The operation was canceled.")),
            "Cannot reach Google to get an access token: no answer in time (The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing.)"
        },
        {
            "wrapped by the credential",
            new InvalidOperationException("Error getting access token.", new HttpRequestException(HttpRequestError.ConnectionError, "Network is unreachable (oauth2.googleapis.com:443)")),
            "Cannot reach Google to get an access token: no connection could be made (Network is unreachable (oauth2.googleapis.com:443))"
        },
    };

    [Theory]
    [MemberData(nameof(Unreachable))]
    public async Task Each_way_of_not_reaching_Google_is_named_with_its_cause(string name, Exception failure, string expected)
    {
        var (code, gap, _) = await RunJsonAsync(new FailingCredentials(failure));

        Assert.Equal(2, code);
        Assert.Equal("network", gap.GetProperty("api").GetString());
        Assert.True(gap.GetProperty("reason").GetString()!.StartsWith(expected + "; nothing was read.", StringComparison.Ordinal), $"{name}: {gap.GetProperty("reason").GetString()}");
    }

    [Fact]
    public async Task Missing_credentials_are_still_told_to_log_in_and_not_that_Google_is_unreachable()
    {
        var (code, gap, _) = await RunJsonAsync(new FailingCredentials(new InvalidOperationException("Your default credentials were not found.")));

        Assert.Equal(2, code);
        Assert.Equal("credentials", gap.GetProperty("api").GetString());
        var reason = gap.GetProperty("reason").GetString()!;
        Assert.Contains("gcloud auth application-default login", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("Cannot reach", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_table_says_Google_is_unreachable_and_the_exit_code_is_2()
    {
        await using var project = await DoctorProject.StartAsync();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = new ToolConsole(output, error, NeedsToken(project), IsTerminal: false, TextReader.Null);
        var failure = new HttpRequestException(HttpRequestError.NameResolutionError, "Name or service not known (oauth2.googleapis.com:443)");

        var code = await PaxApp.RunAsync(["doctor", "--project", DoctorProject.Project, "--region", DoctorProject.Region], console,
            TestContext.Current.CancellationToken, services => services.AddSingleton<IGoogleAccessTokenProvider>(new FailingCredentials(failure)));

        Assert.Equal(2, code);
        var text = output.ToString();
        Assert.Contains("network", text, StringComparison.Ordinal);
        Assert.Contains("Cannot reach Google", text, StringComparison.Ordinal);
        Assert.DoesNotContain("application-default login", text, StringComparison.Ordinal);
    }

    /// <summary>Runs <c>pax doctor --format json</c> with <paramref name="credentials"/>: the exit code, the one incomplete entry, the reads the fakes saw.</summary>
    private static async Task<(int Code, JsonElement Gap, int Reads)> RunJsonAsync(IGoogleAccessTokenProvider credentials)
    {
        await using var project = await DoctorProject.StartAsync();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = new ToolConsole(output, error, NeedsToken(project), IsTerminal: false, TextReader.Null);

        var code = await PaxApp.RunAsync(JsonArgs, console, TestContext.Current.CancellationToken, services => services.AddSingleton(credentials));

        using var json = JsonDocument.Parse(output.ToString());
        var gap = Assert.Single(json.RootElement.GetProperty("incomplete").EnumerateArray()).Clone();
        return (code, gap, project.Scheduler.Requests.Count + project.Run.Requests.Count);
    }

    // Cloud Functions is not overridden: its endpoint is Google's, so a token is needed before anything is read.
    private static Func<string, string?> NeedsToken(DoctorProject project) =>
        name => name == "CLOUDSDK_API_ENDPOINT_OVERRIDES_CLOUDFUNCTIONS" ? null : project.Environment(name);

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static GoogleCredential ServiceAccount(string tokenUri)
    {
        using var key = RSA.Create(2048);
        var json = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["type"] = "service_account",
            ["project_id"] = DoctorProject.Project,
            ["private_key_id"] = "offline-test",
            ["private_key"] = key.ExportPkcs8PrivateKeyPem(),
            ["client_email"] = $"pax-doctor@{DoctorProject.Project}.iam.gserviceaccount.com",
            ["client_id"] = "1",
            ["token_uri"] = tokenUri,
        });
        return CredentialFactory.FromJson<ServiceAccountCredential>(json).ToGoogleCredential();
    }

    private sealed class FailingCredentials(Exception failure) : IGoogleAccessTokenProvider
    {
        public ValueTask<string?> GetAccessTokenAsync(CancellationToken cancellationToken) => ValueTask.FromException<string?>(failure);
    }
}

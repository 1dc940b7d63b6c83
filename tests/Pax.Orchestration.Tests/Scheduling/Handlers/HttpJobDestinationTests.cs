using Microsoft.Extensions.Options;
using Pax.Orchestration.Hosting;
using Pax.Orchestration.Scheduling;
using Pax.Orchestration.Scheduling.Internal;
using Pax.Orchestration.Tests.Support;

namespace Pax.Orchestration.Tests.Scheduling.Handlers;

/// <summary>
/// Where an <c>http</c> job may go, decided when the job is created (<c>ValidatePayload</c>, a 400 with the reason):
/// link-local and metadata destinations in every spelling, the URL allow-list, and which audiences get an ID token.
/// </summary>
public sealed class HttpJobDestinationTests
{
    // Each spelling, and the host System.Uri turns it into (so the check sees what HttpClient would connect to).
    // Metadata server: 169.254.169.254 / metadata.google.internal / fd20:ce::254 (cloud.google.com/compute/docs/metadata/querying-metadata).
    [Theory]
    [InlineData("http://169.254.169.254/computeMetadata/v1/instance/service-accounts/default/token", "169.254.169.254")]
    [InlineData("http://169.254.0.1/", "169.254.0.1")]
    [InlineData("http://169.254.255.255:8080/", "169.254.255.255")]
    [InlineData("http://2852039166/", "169.254.169.254")]
    [InlineData("http://0xA9FEA9FE/", "169.254.169.254")]
    [InlineData("http://0xa9.0xfe.0xa9.0xfe/", "169.254.169.254")]
    [InlineData("http://0251.0376.0251.0376/", "169.254.169.254")]
    [InlineData("http://0251.254.43518/", "169.254.169.254")]
    [InlineData("http://169.254.43518/", "169.254.169.254")]
    [InlineData("http://169.254.169.254./", "169.254.169.254.")]
    [InlineData("http://[::ffff:169.254.169.254]/", "[::ffff:169.254.169.254]")]
    [InlineData("http://[::ffff:a9fe:a9fe]/", "[::ffff:169.254.169.254]")]
    [InlineData("http://[0:0:0:0:0:ffff:a9fe:a9fe]/", "[::ffff:169.254.169.254]")]
    [InlineData("http://[::169.254.169.254]/", "[::169.254.169.254]")]
    [InlineData("http://[64:ff9b::169.254.169.254]/", "[64:ff9b::a9fe:a9fe]")]
    [InlineData("http://[fe80::1]/", "[fe80::1]")]
    [InlineData("http://[FEBF:ffff::1]/", "[febf:ffff::1]")]
    [InlineData("http://[fd20:ce::254]/computeMetadata/v1/", "[fd20:ce::254]")]
    [InlineData("http://[fd20:ce:0:0:0:0:0:254]/", "[fd20:ce::254]")]
    [InlineData("http://metadata.google.internal/computeMetadata/v1/", "metadata.google.internal")]
    [InlineData("http://METADATA.Google.Internal/", "metadata.google.internal")]
    [InlineData("http://metadata.google.internal./", "metadata.google.internal.")]
    [InlineData("https://metadata.google.internal:443/", "metadata.google.internal")]
    [InlineData("http://metadata/", "metadata")]
    [InlineData("http://Metadata./", "metadata.")]
    public void Link_local_and_metadata_urls_are_refused_in_every_spelling(string url, string normalizedHost)
    {
        using var http = new HttpJobHarness();

        Assert.Equal(normalizedHost, new Uri(url).Host);
        var reason = http.Validate($$"""{"url":"{{url}}"}""");

        Assert.NotNull(reason);
        Assert.Contains("link-local or metadata", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/hook")]
    [InlineData("http://localhost:8080/hook")]
    [InlineData("http://[::1]:8080/hook")]
    [InlineData("https://reports-abc-ue.a.run.app/hooks/daily")]
    [InlineData("http://169.253.255.255/")]
    [InlineData("http://169.255.0.1/")]
    [InlineData("http://[fec0::1]/")]
    [InlineData("http://[fd20:ce::253]/")]
    [InlineData("http://metadata.google.internal.example.com/")]
    [InlineData("http://my-metadata/")]
    public void Loopback_and_ordinary_destinations_stay_allowed_by_default(string url)
    {
        using var http = new HttpJobHarness();

        Assert.Null(http.Validate($$"""{"url":"{{url}}"}"""));
    }

    [Fact]
    public void A_url_with_user_info_is_refused()
    {
        using var http = new HttpJobHarness();

        Assert.Contains("user info", http.Validate("""{"url":"https://good.example@169.254.169.254/"}"""), StringComparison.Ordinal);
        Assert.Contains("user info", http.Validate("""{"url":"https://user:secret@good.example/"}"""), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://good.example/api", true)]
    [InlineData("https://good.example/api/", true)]
    [InlineData("https://good.example/api/reports?day=1", true)]
    [InlineData("https://GOOD.example:443/api/x", true)]
    [InlineData("https://good.example./api/x", true)]
    [InlineData("https://good.example.evil.example/api", false)]
    [InlineData("https://good.example:8443/api", false)]
    [InlineData("http://good.example/api", false)]
    [InlineData("https://good.example/apix", false)]
    [InlineData("https://good.example/API", false)]
    [InlineData("https://good.example/", false)]
    [InlineData("https://good.example/api/../admin", false)]
    [InlineData("https://good.example/api/%2e%2e/admin", false)]
    [InlineData("https://good.example/api/..%2fadmin", false)]
    [InlineData("https://evil.example/https://good.example/api", false)]
    [InlineData("https://evil.example/?https://good.example/api", false)]
    [InlineData("https://good.example@evil.example/api", false)]
    [InlineData("https://xn--good-example/api", false)]
    public void The_allow_list_matches_parsed_scheme_host_port_and_path_prefix(string url, bool allowed)
    {
        using var http = new HttpJobHarness(o => o.AllowedUrls = ["https://good.example/api", "http://127.0.0.1:9000"]);

        var reason = http.Validate($$"""{"url":"{{url}}"}""");

        if (allowed)
        {
            Assert.Null(reason);
        }
        else
        {
            Assert.NotNull(reason);
        }
    }

    [Fact]
    public void A_url_outside_the_allow_list_is_refused_with_the_setting_named()
    {
        using var http = new HttpJobHarness(o => o.AllowedUrls = ["http://127.0.0.1:9000"]);

        Assert.Null(http.Validate("""{"url":"http://127.0.0.1:9000/anything"}"""));
        Assert.Equal(
            "'url' is not under any of Pax:Scheduling:HttpJobs:AllowedUrls (1 prefix(es) configured)",
            http.Validate("""{"url":"http://127.0.0.1:9001/anything"}"""));
    }

    [Theory]
    [InlineData("https://svc-abc-ue.a.run.app/hook", "https://svc-abc-ue.a.run.app", true)]
    [InlineData("https://svc-abc-ue.a.run.app/hook", "https://svc-abc-ue.a.run.app/", true)]
    [InlineData("https://svc-abc-ue.a.run.app/hook", "https://svc-abc-ue.a.run.app/hook", true)]
    [InlineData("https://svc-abc-ue.a.run.app:443/hook", "https://SVC-abc-ue.a.run.app", true)]
    [InlineData("https://svc-abc-ue.a.run.app/hook", "https://other-xyz-ue.a.run.app", false)]
    [InlineData("https://svc-abc-ue.a.run.app/hook", "http://svc-abc-ue.a.run.app", false)]
    [InlineData("https://svc-abc-ue.a.run.app/hook", "https://svc-abc-ue.a.run.app:8443", false)]
    [InlineData("https://svc-abc-ue.a.run.app/hook", "https://svc-abc-ue.a.run.app.evil.example", false)]
    [InlineData("https://svc-abc-ue.a.run.app/hook", "reports-custom-audience", false)]
    [InlineData("http://127.0.0.1:9000/hook", "https://reports.example.com", false)]
    public void An_id_token_is_only_for_the_urls_own_origin(string url, string audience, bool allowed)
    {
        using var http = new HttpJobHarness();

        var reason = http.Validate($$"""{"url":"{{url}}","audience":"{{audience}}"}""");

        if (allowed)
        {
            Assert.Null(reason);
        }
        else
        {
            Assert.Equal($"'audience' must be the URL's own origin ({new Uri(url).GetLeftPart(UriPartial.Authority)}) or listed in Pax:Scheduling:HttpJobs:AllowedAudiences; the service mints ID tokens only for where it posts", reason);
        }
    }

    [Fact]
    public void A_listed_audience_is_accepted_only_for_allow_listed_urls()
    {
        using var http = new HttpJobHarness(o =>
        {
            o.AllowedAudiences = ["reports-custom-audience", "https://reports.example.com"];
            o.AllowedUrls = ["https://svc-abc-ue.a.run.app/hook", "http://127.0.0.1:9000"];
        });

        Assert.Null(http.Validate("""{"url":"https://svc-abc-ue.a.run.app/hook","audience":"reports-custom-audience"}"""));
        Assert.Null(http.Validate("""{"url":"http://127.0.0.1:9000/hook","audience":"https://reports.example.com"}"""));
        Assert.NotNull(http.Validate("""{"url":"http://127.0.0.1:9000/hook","audience":"Reports-Custom-Audience"}"""));
    }

    [Fact]
    public void A_listed_audience_never_sends_its_token_to_a_url_outside_the_allow_list()
    {
        // Review finding: a listed audience used to be accepted for any URL, so a job creator could have the service
        // mint a token for an internal service and POST it to a server of their choosing.
        using var listedOnly = new HttpJobHarness(o => o.AllowedAudiences = ["https://internal-abc-ue.a.run.app"]);
        using var withUrls = new HttpJobHarness(o =>
        {
            o.AllowedAudiences = ["https://internal-abc-ue.a.run.app"];
            o.AllowedUrls = ["https://svc-abc-ue.a.run.app"];
        });
        const string Job = """{"url":"https://attacker.example/x","audience":"https://internal-abc-ue.a.run.app"}""";

        Assert.Contains("AllowedUrls", listedOnly.Validate(Job), StringComparison.Ordinal);
        Assert.NotNull(withUrls.Validate(Job));
    }

    [Fact]
    public void An_id_token_never_travels_over_plain_http_except_to_loopback()
    {
        using var http = new HttpJobHarness();

        Assert.Contains("only sent over https", http.Validate("""{"url":"http://svc.example/hook","audience":"http://svc.example"}"""), StringComparison.Ordinal);
        Assert.Null(http.Validate("""{"url":"http://127.0.0.1:9000/hook","audience":"http://127.0.0.1:9000"}"""));
    }

    [Fact]
    public void Startup_refuses_listed_audiences_without_allow_listed_urls()
    {
        var options = new SchedulingOptions { Authentication = { Mode = InboundAuthenticationMode.None, AllowedPrincipals = ["s@p.iam.gserviceaccount.com"] } };
        options.HttpJobs.AllowedAudiences = ["https://internal-abc-ue.a.run.app"];

        var result = new SchedulingOptionsValidator(_ => null).Validate(Options.DefaultName, options);

        Assert.Contains("Pax:Scheduling:HttpJobs:AllowedAudiences needs Pax:Scheduling:HttpJobs:AllowedUrls", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void A_google_api_with_an_audience_stays_refused()
    {
        using var http = new HttpJobHarness(o => o.AllowedAudiences = ["https://run.googleapis.com"]);

        Assert.Contains("is a Google API", http.Validate("""{"url":"https://run.googleapis.com/v2/x","audience":"https://run.googleapis.com"}"""), StringComparison.Ordinal);
    }

    [Fact]
    public void Startup_refuses_bad_allow_list_entries_naming_the_key()
    {
        var options = new SchedulingOptions { Authentication = { Mode = InboundAuthenticationMode.None, AllowedPrincipals = ["s@p.iam.gserviceaccount.com"] } };
        options.HttpJobs.AllowedUrls = ["https://good.example/api", "good.example", "ftp://good.example/", "https://good.example/?q=1", "http://169.254.169.254/", "http://metadata./"];
        options.HttpJobs.AllowedAudiences = ["ok", " "];

        var result = new SchedulingOptionsValidator(_ => null).Validate(Options.DefaultName, options);

        Assert.True(result.Failed);
        Assert.Equal(
            [
                "Pax:Scheduling:HttpJobs:AllowedUrls:1 ('good.example') must be an absolute http or https URL prefix without user info, query or fragment.",
                "Pax:Scheduling:HttpJobs:AllowedUrls:2 ('ftp://good.example/') must be an absolute http or https URL prefix without user info, query or fragment.",
                "Pax:Scheduling:HttpJobs:AllowedUrls:3 ('https://good.example/?q=1') must be an absolute http or https URL prefix without user info, query or fragment.",
                "Pax:Scheduling:HttpJobs:AllowedUrls:4 ('http://169.254.169.254/') is a link-local or metadata destination; http jobs never go there.",
                "Pax:Scheduling:HttpJobs:AllowedUrls:5 ('http://metadata./') is a link-local or metadata destination; http jobs never go there.",
                "Pax:Scheduling:HttpJobs:AllowedAudiences:1 must not be empty.",
            ],
            result.Failures);
    }
}

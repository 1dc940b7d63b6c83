using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Pax.Collection.Cameras;
using Pax.Collection.Internal.Registration;

namespace Pax.Collection.Tests.Cameras;

public sealed class NyctmcOptionsTests
{
    [Fact]
    public void Defaults_are_the_documented_ones()
    {
        var options = new NyctmcOptions();

        Assert.Equal(new Uri("https://webcams.nyctmc.org/"), options.BaseAddress);
        Assert.Equal("Pax.Collection/0.1 (+NYCTMC snapshot collector)", options.UserAgent);
        Assert.Equal(1024 * 1024, options.MaxImageBytes);
        Assert.Equal(TimeSpan.FromSeconds(10), options.RequestTimeout);
        Assert.Equal(2, options.MaxRetries);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.RetryBaseDelay);
    }

    [Theory]
    [InlineData(nameof(NyctmcOptions.BaseAddress), "Pax:Collection:Cameras:BaseAddress must be an absolute http or https URL")]
    [InlineData(nameof(NyctmcOptions.UserAgent), "Pax:Collection:Cameras:UserAgent must be a valid User-Agent")]
    [InlineData(nameof(NyctmcOptions.MaxImageBytes), "Pax:Collection:Cameras:MaxImageBytes must be between 1024 and 67108864 bytes; it is 10.")]
    [InlineData(nameof(NyctmcOptions.RequestTimeout), "Pax:Collection:Cameras:RequestTimeout must be between")]
    [InlineData(nameof(NyctmcOptions.MaxRetries), "Pax:Collection:Cameras:MaxRetries must be between 0 and 10; it is -1.")]
    [InlineData(nameof(NyctmcOptions.RetryBaseDelay), "Pax:Collection:Cameras:RetryBaseDelay must be between")]
    public void An_invalid_setting_fails_with_its_configuration_key(string property, string expected)
    {
        var services = new ServiceCollection();
        services.AddNyctmcCameraClient();
        services.Configure<NyctmcOptions>(o =>
        {
            switch (property)
            {
                case nameof(NyctmcOptions.BaseAddress): o.BaseAddress = new Uri("ftp://example.test/"); break;
                case nameof(NyctmcOptions.UserAgent): o.UserAgent = "not (valid"; break;
                case nameof(NyctmcOptions.MaxImageBytes): o.MaxImageBytes = 10; break;
                case nameof(NyctmcOptions.RequestTimeout): o.RequestTimeout = TimeSpan.Zero; break;
                case nameof(NyctmcOptions.MaxRetries): o.MaxRetries = -1; break;
                default: o.RetryBaseDelay = TimeSpan.FromHours(1); break;
            }
        });
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<NyctmcCameraClient>());

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_client_refuses_invalid_options_when_constructed_directly()
    {
        using var handler = new SocketsHttpHandler();
        using var http = new HttpClient(handler);

        var ex = Assert.Throws<OptionsValidationException>(() => new NyctmcCameraClient(
            http, Options.Create(new NyctmcOptions { MaxRetries = 11 }), TimeProvider.System, NullLogger<NyctmcCameraClient>.Instance));

        Assert.Contains("Pax:Collection:Cameras:MaxRetries", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registration_resolves_a_client_on_the_configured_address()
    {
        var services = new ServiceCollection();
        services.AddNyctmcCameraClient();
        services.Configure<NyctmcOptions>(o => o.BaseAddress = new Uri("http://127.0.0.1:9/"));
        using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<NyctmcCameraClient>();

        Assert.Equal(new Uri("http://127.0.0.1:9/"), client.BaseAddress);
    }
}

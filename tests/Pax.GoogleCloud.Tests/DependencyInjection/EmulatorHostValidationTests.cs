using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Pax.GoogleCloud.Tests.DependencyInjection;

public sealed class EmulatorHostValidationTests
{
    public static TheoryData<Action<GoogleCloudOptions>, string> InvalidOptions => new()
    {
        { o => o.FirestoreEmulatorHost = "http://127.0.0.1:8080/v1", "GoogleCloud:FirestoreEmulatorHost (FIRESTORE_EMULATOR_HOST)" },
        { o => o.PubSubEmulatorHost = "ftp://127.0.0.1:8085", "GoogleCloud:PubSubEmulatorHost (PUBSUB_EMULATOR_HOST)" },
        { o => o.FirestoreEndpoint = new Uri("https://firestore.local/?x=1"), "GoogleCloud:FirestoreEndpoint" },
        { o => o.CloudRunEndpoint = new Uri("ftp://run.local"), "GoogleCloud:CloudRunEndpoint" },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Invalid_Firestore_PubSub_and_Run_endpoints_fail_with_the_configuration_key(Action<GoogleCloudOptions> configure, string key)
    {
        using var provider = new ServiceCollection().AddPaxGoogleCloud(configure).BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<GoogleCloudOptions>>().Value);

        Assert.Contains(key, exception.Message, StringComparison.Ordinal);
    }
}

using Microsoft.Extensions.Options;

namespace Pax.GoogleCloud.Internal;

/// <summary>
/// Fills the emulator hosts of <see cref="GoogleCloudOptions"/> from <c>STORAGE_EMULATOR_HOST</c>,
/// <c>FIRESTORE_EMULATOR_HOST</c> and <c>PUBSUB_EMULATOR_HOST</c> when they are not set already, and the endpoints from
/// gcloud's <c>CLOUDSDK_API_ENDPOINT_OVERRIDES_&lt;API&gt;</c> (<see cref="GoogleApiEndpointOverrides"/>). Reads the environment through a function so tests supply their own variables.
/// </summary>
internal sealed class GoogleCloudEnvironmentOptionsSetup : IConfigureOptions<GoogleCloudOptions>
{
    /// <summary>The environment variable Google's clients read for the Storage emulator.</summary>
    public const string StorageEmulatorHostVariable = "STORAGE_EMULATOR_HOST";

    /// <summary>The environment variable Google's clients read for the Firestore emulator.</summary>
    public const string FirestoreEmulatorHostVariable = "FIRESTORE_EMULATOR_HOST";

    /// <summary>The environment variable Google's clients read for the Pub/Sub emulator.</summary>
    public const string PubSubEmulatorHostVariable = "PUBSUB_EMULATOR_HOST";

    private readonly Func<string, string?> _getVariable;

    public GoogleCloudEnvironmentOptionsSetup()
        : this(Environment.GetEnvironmentVariable)
    {
    }

    internal GoogleCloudEnvironmentOptionsSetup(Func<string, string?> getVariable)
    {
        _getVariable = getVariable;
    }

    public void Configure(GoogleCloudOptions options)
    {
        options.StorageEmulatorHost = Fill(options.StorageEmulatorHost, StorageEmulatorHostVariable);
        options.FirestoreEmulatorHost = Fill(options.FirestoreEmulatorHost, FirestoreEmulatorHostVariable);
        options.PubSubEmulatorHost = Fill(options.PubSubEmulatorHost, PubSubEmulatorHostVariable);
        GoogleApiEndpointOverrides.Apply(options, _getVariable);
    }

    private string? Fill(string? current, string variable)
    {
        if (!string.IsNullOrWhiteSpace(current))
        {
            return current;
        }

        var value = _getVariable(variable);
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }
}

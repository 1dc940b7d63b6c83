using Microsoft.Extensions.Options;

namespace Pax.GoogleCloud.Internal;

/// <summary>
/// Fills <see cref="GoogleCloudOptions.StorageEmulatorHost"/> from <c>STORAGE_EMULATOR_HOST</c> when it is not set
/// already. Reads the environment through a function so tests supply their own variables.
/// </summary>
internal sealed class GoogleCloudEnvironmentOptionsSetup : IConfigureOptions<GoogleCloudOptions>
{
    /// <summary>The environment variable Google's clients read for the Storage emulator.</summary>
    public const string StorageEmulatorHostVariable = "STORAGE_EMULATOR_HOST";

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
        if (string.IsNullOrWhiteSpace(options.StorageEmulatorHost))
        {
            var value = _getVariable(StorageEmulatorHostVariable);
            options.StorageEmulatorHost = string.IsNullOrWhiteSpace(value) ? null : value;
        }
    }
}

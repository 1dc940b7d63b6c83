using Microsoft.Extensions.Options;

namespace Pax.GoogleCloud.Internal;

/// <summary>Validates <see cref="GoogleCloudOptions"/> at startup; every message names the configuration key.</summary>
internal sealed class GoogleCloudOptionsValidator : IValidateOptions<GoogleCloudOptions>
{
    private const string Section = GoogleCloudOptions.SectionName;
    private static readonly TimeSpan MinimumTimeout = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan OneDay = TimeSpan.FromDays(1);

    public ValidateOptionsResult Validate(string? name, GoogleCloudOptions options)
    {
        var failures = new List<string>();
        ValidateEndpoints(options, failures);
        if (options.Retry is null)
        {
            failures.Add($"{Section}:Retry is required.");
        }
        else
        {
            ValidateRetry(options.Retry, failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateEndpoints(GoogleCloudOptions options, List<string> failures)
    {
        ValidateEndpoint("StorageEndpoint", options.StorageEndpoint, failures);
        ValidateEndpoint("FirestoreEndpoint", options.FirestoreEndpoint, failures);
        ValidateEndpoint("PubSubEndpoint", options.PubSubEndpoint, failures);
        ValidateEndpoint("CloudRunEndpoint", options.CloudRunEndpoint, failures);
        ValidateEndpoint("CloudSchedulerEndpoint", options.CloudSchedulerEndpoint, failures);
        ValidateEndpoint("CloudResourceManagerEndpoint", options.CloudResourceManagerEndpoint, failures);
        ValidateEndpoint("EventarcEndpoint", options.EventarcEndpoint, failures);
        ValidateEndpoint("CloudFunctionsEndpoint", options.CloudFunctionsEndpoint, failures);
        ValidateEndpoint("MonitoringEndpoint", options.MonitoringEndpoint, failures);
        ValidateEmulatorHost("StorageEmulatorHost", "STORAGE_EMULATOR_HOST", options.StorageEmulatorHost, "127.0.0.1:9023", failures);
        ValidateEmulatorHost("FirestoreEmulatorHost", "FIRESTORE_EMULATOR_HOST", options.FirestoreEmulatorHost, "127.0.0.1:8080", failures);
        ValidateEmulatorHost("PubSubEmulatorHost", "PUBSUB_EMULATOR_HOST", options.PubSubEmulatorHost, "127.0.0.1:8085", failures);
    }

    private static void ValidateEndpoint(string key, Uri? endpoint, List<string> failures)
    {
        if (endpoint is not null
            && (!GoogleServiceEndpoint.IsHttp(endpoint) || endpoint.Query.Length > 0 || endpoint.Fragment.Length > 0))
        {
            failures.Add($"{Section}:{key} '{endpoint}' must be an absolute http or https URI without query or fragment.");
        }
    }

    private static void ValidateEmulatorHost(string key, string variable, string? host, string example, List<string> failures)
    {
        if (!string.IsNullOrWhiteSpace(host) && !GoogleServiceEndpoint.TryParseEmulatorHost(host, out _))
        {
            failures.Add($"{Section}:{key} ({variable}) '{host}' must be host:port or http(s)://host:port, such as {example}.");
        }
    }

    private static void ValidateRetry(GoogleRetryOptions retry, List<string> failures)
    {
        if (retry.InitialDelay < TimeSpan.Zero || retry.InitialDelay > OneDay)
        {
            failures.Add($"{Section}:Retry:InitialDelay must be between 0 and 1 day (was {retry.InitialDelay}).");
        }

        if (retry.MaxDelay < retry.InitialDelay || retry.MaxDelay > OneDay)
        {
            failures.Add($"{Section}:Retry:MaxDelay must be at least {Section}:Retry:InitialDelay and at most 1 day (was {retry.MaxDelay}).");
        }

        if (!double.IsFinite(retry.Multiplier) || retry.Multiplier < 1 || retry.Multiplier > 10)
        {
            failures.Add($"{Section}:Retry:Multiplier must be between 1 and 10 (was {retry.Multiplier}).");
        }

        if (retry.MaxRetryAttempts is < 1 or > 20)
        {
            failures.Add($"{Section}:Retry:MaxRetryAttempts must be between 1 and 20 (was {retry.MaxRetryAttempts}).");
        }

        if (retry.AttemptTimeout < MinimumTimeout || retry.AttemptTimeout > OneDay)
        {
            failures.Add($"{Section}:Retry:AttemptTimeout must be between 10 ms and 1 day (was {retry.AttemptTimeout}).");
        }

        if (retry.TotalTimeout < MinimumTimeout || retry.TotalTimeout > OneDay)
        {
            failures.Add($"{Section}:Retry:TotalTimeout must be between 10 ms and 1 day (was {retry.TotalTimeout}).");
        }
    }
}

using System.Globalization;
using Microsoft.Extensions.Options;

namespace Pax.Collection.Cameras.Internal;

/// <summary>Validates <see cref="NyctmcOptions"/>; every message names the configuration key.</summary>
internal sealed class NyctmcOptionsValidator : IValidateOptions<NyctmcOptions>
{
    private static readonly TimeSpan MinRequestTimeout = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MaxRequestTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan MaxRetryBaseDelay = TimeSpan.FromMinutes(1);

    public ValidateOptionsResult Validate(string? name, NyctmcOptions options)
    {
        var failures = Collect(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Throws <see cref="OptionsValidationException"/> when <paramref name="options"/> are invalid.</summary>
    public static void ThrowIfInvalid(NyctmcOptions options)
    {
        var failures = Collect(options);
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(NyctmcOptions), failures);
        }
    }

    public static List<string> Collect(NyctmcOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.BaseAddress is not { IsAbsoluteUri: true } baseAddress
            || (baseAddress.Scheme != Uri.UriSchemeHttp && baseAddress.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"{Key(nameof(options.BaseAddress))} must be an absolute http or https URL; it is '{RedactedUrl.Format(options.BaseAddress)}'.");
        }

        if (string.IsNullOrWhiteSpace(options.UserAgent) || !IsValidUserAgent(options.UserAgent))
        {
            failures.Add($"{Key(nameof(options.UserAgent))} must be a valid User-Agent header value such as '{NyctmcOptions.DefaultUserAgent}'; it is '{options.UserAgent}'.");
        }

        if (options.MaxImageBytes is < NyctmcOptions.MinMaxImageBytes or > NyctmcOptions.MaxMaxImageBytes)
        {
            failures.Add(Format("{0} must be between {1} and {2} bytes; it is {3}.", Key(nameof(options.MaxImageBytes)), NyctmcOptions.MinMaxImageBytes, NyctmcOptions.MaxMaxImageBytes, options.MaxImageBytes));
        }

        if (options.RequestTimeout < MinRequestTimeout || options.RequestTimeout > MaxRequestTimeout)
        {
            failures.Add(Format("{0} must be between {1} and {2}; it is {3}.", Key(nameof(options.RequestTimeout)), MinRequestTimeout, MaxRequestTimeout, options.RequestTimeout));
        }

        if (options.MaxRetries is < 0 or > NyctmcOptions.MaxMaxRetries)
        {
            failures.Add(Format("{0} must be between 0 and {1}; it is {2}.", Key(nameof(options.MaxRetries)), NyctmcOptions.MaxMaxRetries, options.MaxRetries));
        }

        if (options.RetryBaseDelay < TimeSpan.Zero || options.RetryBaseDelay > MaxRetryBaseDelay)
        {
            failures.Add(Format("{0} must be between {1} and {2}; it is {3}.", Key(nameof(options.RetryBaseDelay)), TimeSpan.Zero, MaxRetryBaseDelay, options.RetryBaseDelay));
        }

        return failures;
    }

    private static bool IsValidUserAgent(string value)
    {
        using var request = new HttpRequestMessage();
        return request.Headers.UserAgent.TryParseAdd(value) && request.Headers.UserAgent.Count > 0;
    }

    private static string Key(string property) => $"{NyctmcOptions.SectionName}:{property}";

    private static string Format(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}

using Microsoft.Extensions.Options;
using Pax.Collection.Runs;

namespace Pax.Collection.Hosting.Internal;

/// <summary>Validates <see cref="CollectorJobOptions"/> at startup; the message names the configuration keys.</summary>
internal sealed class CollectorJobOptionsValidator : IValidateOptions<CollectorJobOptions>
{
    private const string Section = CollectionOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, CollectorJobOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var selections = (options.Area is null ? 0 : 1) + (options.Manifest is null ? 0 : 1) + (options.All ? 1 : 0);
        return selections > 1
            ? ValidateOptionsResult.Fail($"Give one camera selection: {Section}:Area, {Section}:Manifest or {Section}:All (--area NAME, --manifest FILE or --all).")
            : ValidateOptionsResult.Success;
    }
}

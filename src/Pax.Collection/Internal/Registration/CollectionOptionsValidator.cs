using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Pax.Collection.Runs;
using Pax.Collection.Snapshots;
using Pax.GoogleCloud.PubSub;

namespace Pax.Collection.Internal.Registration;

/// <summary>Validates <see cref="CollectionOptions"/> at startup; every message names the configuration key.</summary>
internal sealed class CollectionOptionsValidator : IValidateOptions<CollectionOptions>
{
    private const string Section = CollectionOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, CollectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        CheckAnnotations(options, Section, failures);
        CheckAnnotations(options.Validation, $"{Section}:Validation", failures);
        try
        {
            _ = options.SinkLocation;
        }
        catch (FormatException ex)
        {
            failures.Add($"{Section}:Sink: {ex.Message}");
        }

        try
        {
            SnapshotSlots.Validate(options.SlotInterval);
        }
        catch (ArgumentOutOfRangeException)
        {
            failures.Add($"{Section}:SlotInterval is {options.SlotInterval}; it must be a whole number of minutes between 1 minute and 1 day that divides a day.");
        }

        if (options.CompletionTopic is { } topic && !PubSubPublisherClient.IsTopicName(topic))
        {
            failures.Add($"{Section}:CompletionTopic '{topic}' is not a topic name of the form projects/PROJECT/topics/TOPIC.");
        }

        if (options.Validation.MinBytes > options.Validation.MaxBytes)
        {
            failures.Add($"{Section}:Validation:MinBytes ({options.Validation.MinBytes}) is larger than {Section}:Validation:MaxBytes ({options.Validation.MaxBytes}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckAnnotations(object instance, string prefix, List<string> failures)
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(instance, new ValidationContext(instance), results, validateAllProperties: true))
        {
            failures.AddRange(results.Select(r => $"{prefix}:{string.Join(',', r.MemberNames)}: {r.ErrorMessage}"));
        }
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Pax.GoogleCloud.Configuration.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Binds options from a configuration section the way every <c>AddPax…(section)</c> does: checked first, so a mistake
/// stops the start naming the key instead of being dropped by the binder.
/// </summary>
public static class PaxCheckedConfigurationOptionsBuilderExtensions
{
    /// <summary>
    /// Binds <typeparamref name="TOptions"/> to <paramref name="section"/>, after checking the section when the options are
    /// first built: a key no property binds to (named in full, with the key probably meant), a value that does not convert
    /// (with the form it takes), a list whose entries come from more than one configuration source (.NET merges lists by
    /// index, so an environment variable cannot remove an entry a settings file has), and a key of
    /// <paramref name="renamedKeys"/> still set (naming the key that replaced it). Each is one line of the
    /// <see cref="OptionsValidationException"/>; <c>Pax.GoogleCloud.Hosting.StartupFailureReporter</c> turns it into one
    /// <c>error:</c> line and an exit code.
    /// </summary>
    /// <typeparam name="TOptions">The options type.</typeparam>
    /// <param name="builder">The options builder (<c>services.AddOptions&lt;TOptions&gt;()</c>).</param>
    /// <param name="section">The section to bind, such as <c>configuration.GetSection("My:Options")</c>.</param>
    /// <param name="renamedKeys">
    /// Keys the section used to take, relative to it (<c>Audience</c>, <c>Push:Audience</c>), each with the key that replaced
    /// it (<c>Authentication:Audience</c>). When the new key lies under the old one (a value that became a section:
    /// <c>Authentication</c> → <c>Authentication:Mode</c>), only a value at the old key is reported. <see langword="null"/> for none.
    /// </param>
    /// <returns><paramref name="builder"/>.</returns>
    public static OptionsBuilder<TOptions> BindCheckedConfiguration<TOptions>(
        this OptionsBuilder<TOptions> builder, IConfigurationSection section, IReadOnlyDictionary<string, string>? renamedKeys = null)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        var shape = new ConfigurationShape(typeof(TOptions));
        foreach (var (oldKey, newKey) in renamedKeys ?? new Dictionary<string, string>())
        {
            shape.WithRenamed(oldKey, newKey);
        }

        CheckedConfiguration.Bind<TOptions>(builder.Services, section, shape, builder.Name);
        return builder;
    }
}

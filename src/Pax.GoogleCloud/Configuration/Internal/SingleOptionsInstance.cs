using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Pax.GoogleCloud.Configuration.Internal;

/// <summary>
/// Validates an options type when the host starts and builds it once. <c>ValidateOnStart</c> builds the options through
/// <see cref="IOptionsMonitor{TOptions}"/>'s cache, while <see cref="IOptions{TOptions}"/> (what Pax's services and the
/// <c>MapPax…</c> methods read) has a cache of its own, so each options type was bound, checked and validated twice on
/// every start — the second binding also made the runtime compile a reflection stub for every property the binder
/// touched again (README › Benchmarks › Cold start). Here <see cref="IOptions{TOptions}"/> returns the instance the
/// monitor built, read once and kept, as <see cref="IOptions{TOptions}"/> always keeps its first value.
/// </summary>
internal static class SingleOptionsInstance
{
    /// <summary>
    /// <c>ValidateOnStart</c>, and <see cref="IOptions{TOptions}"/> served from <see cref="IOptionsMonitor{TOptions}"/>
    /// unless the application registered its own <see cref="IOptions{TOptions}"/> (a test's <c>Options.Create</c>).
    /// </summary>
    /// <typeparam name="TOptions">The options type.</typeparam>
    /// <param name="builder">The options builder of the default (unnamed) options.</param>
    /// <returns><paramref name="builder"/>.</returns>
    public static OptionsBuilder<TOptions> ValidateOnStartOnce<TOptions>(this OptionsBuilder<TOptions> builder)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ValidateOnStart();
        builder.Services.TryAddSingleton<IOptions<TOptions>>(sp => new MonitoredOptions<TOptions>(sp.GetRequiredService<IOptionsMonitor<TOptions>>()));
        return builder;
    }

    private sealed class MonitoredOptions<TOptions>(IOptionsMonitor<TOptions> monitor) : IOptions<TOptions>
        where TOptions : class
    {
        private TOptions? _value;

        public TOptions Value => _value ??= monitor.CurrentValue;
    }
}

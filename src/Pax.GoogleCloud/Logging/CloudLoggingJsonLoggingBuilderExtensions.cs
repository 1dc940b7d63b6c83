using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Pax.GoogleCloud.Logging;

namespace Microsoft.Extensions.Logging;

/// <summary>Adds Cloud Logging's structured JSON lines to a logging builder.</summary>
public static class CloudLoggingJsonLoggingBuilderExtensions
{
    /// <summary>
    /// Adds <see cref="CloudLoggingJsonLoggerProvider"/> writing to standard output, with the registered
    /// <see cref="TimeProvider"/> (else <see cref="TimeProvider.System"/>); levels are left to the logging filters
    /// (provider alias <c>CloudLoggingJson</c> in <c>Logging:CloudLoggingJson:LogLevel</c>). Use it on Cloud Run (where
    /// <c>K_SERVICE</c> is set) instead of the console logger, whose multi-line text becomes one entry per line without
    /// severity. Calling it again adds nothing twice.
    /// </summary>
    /// <param name="builder">The logging builder.</param>
    /// <returns><paramref name="builder"/>.</returns>
    public static ILoggingBuilder AddCloudLoggingJson(this ILoggingBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ILoggerProvider, CloudLoggingJsonLoggerProvider>(
            services => new CloudLoggingJsonLoggerProvider(Console.Out, services.GetService<TimeProvider>() ?? TimeProvider.System, LogLevel.Trace)));
        return builder;
    }
}

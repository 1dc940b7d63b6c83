namespace Pax.Orchestration.Scheduling;

/// <summary>A job request was refused: an unknown type, a bad cron or time zone, a bad payload or id (HTTP 400).</summary>
public sealed class ScheduledJobRequestException : Exception
{
    /// <summary>Initializes an exception.</summary>
    public ScheduledJobRequestException()
    {
    }

    /// <summary>Initializes an exception with the reason.</summary>
    /// <param name="message">The reason.</param>
    public ScheduledJobRequestException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes an exception with the reason and its cause.</summary>
    /// <param name="message">The reason.</param>
    /// <param name="innerException">The cause.</param>
    public ScheduledJobRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

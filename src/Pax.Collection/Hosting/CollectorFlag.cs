namespace Pax.Collection.Hosting;

/// <summary>
/// One setting of a collector Job as a user gives it: a command-line flag, the environment variable Cloud Run Jobs pass
/// it in, and the configuration key it lands on (see <see cref="CollectorFlags"/> for the table).
/// </summary>
/// <param name="Name">The flag, such as <c>--sink</c>.</param>
/// <param name="Variable">The environment variable, such as <c>PAX_SINK</c>.</param>
/// <param name="Key">The configuration key, such as <c>Pax:Collection:Sink</c>.</param>
/// <param name="Description">The help text, naming the variable and the default.</param>
/// <param name="HelpName">The value's placeholder in help (<c>N</c>, <c>FILE</c>), or <see langword="null"/> for a switch.</param>
public sealed record CollectorFlag(string Name, string Variable, string Key, string Description, string? HelpName)
{
    /// <summary>Gets a value indicating whether the flag takes no value (<c>--all</c>; its variable is <c>true</c> or <c>false</c>).</summary>
    public bool IsSwitch => HelpName is null;
}

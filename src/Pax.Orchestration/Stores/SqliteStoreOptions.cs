namespace Pax.Orchestration.Stores;

/// <summary>Options of <see cref="SqliteCompletionStore"/> (<c>Pax:Orchestration:Sqlite</c>).</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>Gets or sets the database file; its directory is created when missing.</summary>
    /// <value>Default <c>pax-orchestration.db</c> in the working directory.</value>
    public string Path { get; set; } = "pax-orchestration.db";
}

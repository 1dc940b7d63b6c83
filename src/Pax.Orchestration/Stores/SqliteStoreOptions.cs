namespace Pax.Orchestration.Stores;

/// <summary>Options of <see cref="Completion.Stores.SqliteCompletionStore"/> (<c>Pax:Orchestration:Sqlite</c>) and of the SQLite scheduled-job store (<c>Pax:Scheduling:Sqlite</c>).</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>Gets or sets the database file; its directory is created when missing.</summary>
    /// <value>Default <c>pax-orchestration.db</c> in the working directory.</value>
    public string Path { get; set; } = "pax-orchestration.db";
}

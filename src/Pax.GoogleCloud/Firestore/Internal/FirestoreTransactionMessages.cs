namespace Pax.GoogleCloud.Firestore.Internal;

// The JSON bodies of Firestore's transaction calls (cloud.google.com/firestore/docs/reference/rest/v1/projects.databases.documents):
// beginTransaction (options in, transaction id out), commit (writes, optionally in a transaction) and rollback (answered {}).

/// <summary>Body of <c>documents:beginTransaction</c>.</summary>
internal sealed class FirestoreBeginTransactionRequest
{
    public FirestoreTransactionOptions Options { get; set; } = new();
}

/// <summary>Answer of <c>documents:beginTransaction</c>.</summary>
internal sealed class FirestoreBeginTransactionResponse
{
    public string? Transaction { get; set; }
}

/// <summary>Read-write (with an optional transaction to retry) or read-only.</summary>
internal sealed class FirestoreTransactionOptions
{
    public FirestoreReadWriteOptions? ReadWrite { get; set; }

    public FirestoreReadOnlyOptions? ReadOnly { get; set; }
}

/// <summary>Read-write transaction options.</summary>
internal sealed class FirestoreReadWriteOptions
{
    public string? RetryTransaction { get; set; }
}

/// <summary>Read-only transaction options (empty).</summary>
internal sealed class FirestoreReadOnlyOptions
{
}

/// <summary>Body of <c>documents:commit</c>.</summary>
internal sealed class FirestoreCommitRequest
{
    public List<FirestoreWrite> Writes { get; set; } = [];

    public string? Transaction { get; set; }
}

/// <summary>Body of <c>documents:rollback</c>.</summary>
internal sealed class FirestoreRollbackRequest
{
    public string Transaction { get; set; } = string.Empty;
}

/// <summary>Empty answer (<c>{}</c>).</summary>
internal sealed class FirestoreEmptyResponse
{
}

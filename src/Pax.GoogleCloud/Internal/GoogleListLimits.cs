namespace Pax.GoogleCloud.Internal;

/// <summary>
/// How much of one list (AIP-158 paging) a client reads before it stops: a list whose every page carries a new
/// <c>nextPageToken</c> would otherwise never end. Past either limit the read fails with
/// <see cref="GoogleApiException"/> whose <see cref="GoogleApiException.Reason"/> is <see cref="Reason"/>.
/// </summary>
/// <param name="MaxPages">The most pages read of one list.</param>
/// <param name="MaxItems">The most items read of one list.</param>
internal sealed record GoogleListLimits(int MaxPages, int MaxItems)
{
    /// <summary>The <see cref="GoogleApiException.Reason"/> of a list that was cut at a limit.</summary>
    public const string Reason = "PAX_LIST_LIMIT";

    /// <summary>The library's limits: 1,000 pages, 1,000,000 items.</summary>
    public static readonly GoogleListLimits Default = new(1_000, 1_000_000);
}

using System.Text;

namespace Pax.TestSupport.CloudRun;

/// <summary>
/// ID tokens that reached a container without Cloud Run's IAM check, built from one that had it: the same claims under a
/// new header, signed the ways a forger would. Cloud Run replaces the signature of every token it verified with
/// <c>SIGNATURE_REMOVED_BY_GOOGLE</c> (docs.cloud.google.com/run/docs/troubleshooting#signature-removed), so a token whose
/// third part is anything else was never checked by it.
/// </summary>
public static class UncheckedTokens
{
    /// <summary>The algorithms <see cref="Resign"/> knows: <c>none</c> (empty signature) and <c>HS256</c> (any bytes).</summary>
    public static readonly string[] Algorithms = ["none", "HS256"];

    /// <summary>Returns <paramref name="checkedToken"/>'s claims under a header naming <paramref name="alg"/>: <c>none</c> with an empty signature, <c>HS256</c> with junk.</summary>
    /// <param name="checkedToken">A token as Cloud Run passes it on (<c>header.claims.SIGNATURE_REMOVED_BY_GOOGLE</c>).</param>
    /// <param name="alg"><c>none</c> or <c>HS256</c>.</param>
    /// <returns>The forged token.</returns>
    public static string Resign(string checkedToken, string alg)
    {
        ArgumentNullException.ThrowIfNull(checkedToken);
        var claims = checkedToken.Split('.')[1];
        var header = Base64Url($$"""{"alg":"{{alg}}","typ":"JWT"}""");
        return alg switch
        {
            "none" => $"{header}.{claims}.",
            "HS256" => $"{header}.{claims}.{Base64Url("not-a-signature-anyone-checked")}",
            _ => throw new ArgumentOutOfRangeException(nameof(alg), alg, "none or HS256"),
        };
    }

    private static string Base64Url(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

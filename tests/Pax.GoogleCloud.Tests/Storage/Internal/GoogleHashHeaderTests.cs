using System.Net;
using Pax.GoogleCloud.Storage.Internal;

namespace Pax.GoogleCloud.Tests.Storage.Internal;

public sealed class GoogleHashHeaderTests
{
    [Fact]
    public void Reads_crc32c_from_one_header_with_both_hashes()
    {
        using var response = Response("crc32c=rth90Q==,md5=jXd/OF09/siBXSD3SWAm3A==");
        Assert.Equal("rth90Q==", GoogleHashHeader.GetCrc32c(response));
    }

    [Fact]
    public void Reads_crc32c_from_separate_headers_in_any_order()
    {
        using var response = Response("md5=jXd/OF09/siBXSD3SWAm3A==", "crc32c=4waSgw==");
        Assert.Equal("4waSgw==", GoogleHashHeader.GetCrc32c(response));
    }

    [Fact]
    public void Returns_null_without_a_crc32c()
    {
        using var withMd5Only = Response("md5=jXd/OF09/siBXSD3SWAm3A==");
        using var without = Response();
        Assert.Null(GoogleHashHeader.GetCrc32c(withMd5Only));
        Assert.Null(GoogleHashHeader.GetCrc32c(without));
    }

    private static HttpResponseMessage Response(params string[] hashHeaders)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK);
        foreach (var value in hashHeaders)
        {
            response.Headers.TryAddWithoutValidation("x-goog-hash", value);
        }

        return response;
    }
}

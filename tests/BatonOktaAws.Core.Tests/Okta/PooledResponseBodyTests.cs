using System.Buffers;
using System.Text;
using BatonOktaAws.Core.Okta.Responses;

namespace BatonOktaAws.Core.Tests.Okta;

public sealed class PooledResponseBodyTests
{
    [Fact]
    public async Task Dispose_AfterReadingABody_LeavesNothingOfItInThePooledArray()
    {
        var secret = Encoding.UTF8.GetBytes("{\"accessKey\":\"AKIAEXAMPLEEXAMPLE01\",\"secretKey\":\"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\"}");
        using (var body = await PooledResponseBody.ReadAsync(new MemoryStream(secret), secret.Length, 1024 * 1024, CancellationToken.None))
        {
            Assert.Equal(secret, body.Json.ToArray());
        }

        // The shared pool keeps the array returned last on this thread and hands it out again for the same size.
        var again = ArrayPool<byte>.Shared.Rent(secret.Length + 1);
        try
        {
            Assert.Equal(-1, again.AsSpan().IndexOf("AKIAEXAMPLE"u8));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(again);
        }
    }

    [Fact]
    public async Task ReadAsync_BodyLongerThanTheFirstArray_WipesTheArrayItOutgrew()
    {
        // No Content-Length: the first array is 64 KiB and doubles; the key sits at its start.
        var secret = Encoding.UTF8.GetBytes("\"AKIAEXAMPLEEXAMPLE01" + new string('x', 100_000) + "\"");
        using var body = await PooledResponseBody.ReadAsync(new MemoryStream(secret), null, 1024 * 1024, CancellationToken.None);

        var outgrown = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            Assert.Equal(-1, outgrown.AsSpan().IndexOf("AKIAEXAMPLE"u8));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(outgrown);
        }

        Assert.Equal(secret.Length, body.Json.Length);
    }
}

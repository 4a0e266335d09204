using System.Buffers;

namespace BatonOktaAws.Core.Okta.Responses;

/// <summary>
/// A response body read whole into an array rented from <see cref="ArrayPool{T}.Shared"/>, so that a page is
/// parsed from one span (the serializer's synchronous path, cheaper than its resumable one over a stream) and the
/// next page reuses the array. Dispose returns the array; nothing read from <see cref="Json"/> may outlive it.
/// </summary>
internal sealed class PooledResponseBody : IDisposable
{
    /// <summary>The first array for a body of unannounced length (chunked); it doubles up to the limit as needed.</summary>
    private const int UnannouncedFirstBytes = 64 * 1024;

    private static ReadOnlySpan<byte> Utf8ByteOrderMark => [0xEF, 0xBB, 0xBF];

    private byte[] _buffer;
    private int _length;

    private PooledResponseBody(int size) => _buffer = ArrayPool<byte>.Shared.Rent(size);

    /// <summary>The body, without a UTF-8 byte order mark: the span reader would take one for a token, as the stream reader does not.</summary>
    public ReadOnlySpan<byte> Json
    {
        get
        {
            var bytes = _buffer.AsSpan(0, _length);
            return bytes.StartsWith(Utf8ByteOrderMark) ? bytes[Utf8ByteOrderMark.Length..] : bytes;
        }
    }

    /// <summary>
    /// Reads <paramref name="body"/> to its end. It does not check the limit itself: <paramref name="body"/> must be
    /// a <see cref="BoundedResponseStream"/> of <paramref name="limit"/> bytes, which throws past it; the limit only
    /// keeps the array from growing past what the body may hold.
    /// </summary>
    /// <param name="announced">The Content-Length, when there is one, so that one array fits the whole body.</param>
    public static async Task<PooledResponseBody> ReadAsync(Stream body, long? announced, int limit, CancellationToken cancellationToken)
    {
        // One byte more than announced lets the read that finds the end land without growing the array first.
        var read = new PooledResponseBody(announced is { } length ? (int)Math.Min(length + 1, limit) : Math.Min(UnannouncedFirstBytes, limit));
        try
        {
            while (true)
            {
                if (read._length == read._buffer.Length && !await read.MakeRoomAsync(body, limit, cancellationToken).ConfigureAwait(false))
                {
                    return read;
                }

                var count = await body.ReadAsync(read._buffer.AsMemory(read._length), cancellationToken).ConfigureAwait(false);
                if (count == 0)
                {
                    return read;
                }

                read._length += count;
            }
        }
        catch
        {
            read.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            WipeAndReturn(_buffer, _length);
            _buffer = [];
        }

        _length = 0;
    }

    /// <summary>Grows the full array; false when the body already holds <paramref name="limit"/> bytes and has ended.</summary>
    private async ValueTask<bool> MakeRoomAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        if (_length >= limit)
        {
            // A body of exactly the limit is allowed: read the one byte that would be too many (the bounded stream
            // throws on it) rather than rent an array of twice the limit for it.
            var probe = new byte[1];
            return await body.ReadAsync(probe, cancellationToken).ConfigureAwait(false) == 0
                ? false
                : throw new ResponseTooLargeException();
        }

        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(Math.Max(2L * _length, UnannouncedFirstBytes), limit));
        _buffer.AsSpan(0, _length).CopyTo(larger);
        WipeAndReturn(_buffer, _length);
        _buffer = larger;
        return true;
    }

    /// <summary>
    /// The shared pool hands the array to any later renter in the process: wipe what was read (an app's settings
    /// may hold AWS keys) rather than leave it there. About 30 µs for a page of 600 KB.
    /// </summary>
    private static void WipeAndReturn(byte[] buffer, int used)
    {
        buffer.AsSpan(0, used).Clear();
        ArrayPool<byte>.Shared.Return(buffer);
    }
}

namespace BatonOktaAws.Core.Okta.Responses;

/// <summary>
/// A response body read through a cap: past <see cref="Limit"/> bytes it throws
/// <see cref="ResponseTooLargeException"/> instead of reading on, and it counts what it read so a body that
/// ends before its <c>Content-Length</c> can say how far it got.
/// </summary>
internal sealed class BoundedResponseStream : Stream
{
    private readonly Stream _inner;

    public BoundedResponseStream(Stream inner, long limit)
    {
        _inner = inner;
        Limit = limit;
    }

    public long Limit { get; }

    public long BytesRead { get; private set; }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(_inner.Read(buffer, offset, Allowed(count)));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await _inner.ReadAsync(buffer[..Allowed(buffer.Length)], cancellationToken).ConfigureAwait(false));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Reads one byte past the limit at most, enough to know the body is longer.</summary>
    private int Allowed(int requested) => (int)Math.Min(requested, Limit - BytesRead + 1);

    private int Count(int read)
    {
        BytesRead += read;
        if (BytesRead > Limit)
        {
            throw new ResponseTooLargeException();
        }

        return read;
    }
}

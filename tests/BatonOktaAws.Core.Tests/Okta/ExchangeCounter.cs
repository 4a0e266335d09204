using System.Net;

namespace BatonOktaAws.Core.Tests.Okta;

/// <summary>
/// The client's HTTP handler (configured as the client configures its own), counting the exchanges it
/// starts and those still open: an exchange is open from sending the request until its response is
/// disposed, body read included.
/// </summary>
internal sealed class ExchangeCounter : DelegatingHandler
{
    private int _sent;
    private int _open;

    public ExchangeCounter()
        : base(new SocketsHttpHandler { AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.All })
    {
    }

    /// <summary>Requests that went to the network (each retry counts).</summary>
    public int Sent => Volatile.Read(ref _sent);

    /// <summary>Exchanges not finished yet.</summary>
    public int Open => Volatile.Read(ref _open);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _sent);
        Interlocked.Increment(ref _open);
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
        }
        catch
        {
            Interlocked.Decrement(ref _open);
            throw;
        }

        response.Content = new ClosingContent(response.Content, () => Interlocked.Decrement(ref _open));
        return response;
    }

    /// <summary>The response's content, telling when it is disposed.</summary>
    private sealed class ClosingContent : HttpContent
    {
        private readonly HttpContent _inner;
        private Action? _closed;

        public ClosingContent(HttpContent inner, Action closed)
        {
            _inner = inner;
            _closed = closed;
            foreach (var header in inner.Headers)
            {
                Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => _inner.CopyToAsync(stream);

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
            _inner.CopyToAsync(stream, cancellationToken);

        protected override Task<Stream> CreateContentReadStreamAsync() => _inner.ReadAsStreamAsync();

        protected override Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) => _inner.ReadAsStreamAsync(cancellationToken);

        protected override bool TryComputeLength(out long length)
        {
            length = _inner.Headers.ContentLength ?? -1;
            return length >= 0;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
                Interlocked.Exchange(ref _closed, null)?.Invoke();
            }

            base.Dispose(disposing);
        }
    }
}

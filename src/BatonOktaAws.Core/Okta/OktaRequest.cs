namespace BatonOktaAws.Core.Okta;

/// <summary>One request to Okta, before authentication and retries are added.</summary>
internal sealed record OktaRequest(HttpMethod Method, Uri Uri, byte[]? Body = null)
{
    /// <summary>Statuses answered with an empty result instead of an exception (e.g. 404 for an optional read).</summary>
    public IReadOnlyCollection<int> ToleratedStatuses { get; init; } = [];

    /// <summary>Method and path, for messages and logs; never the query (cursors) nor headers.</summary>
    public string Description => $"{Method.Method} {Uri.AbsolutePath}";
}

/// <summary>A response the client could interpret: the value (null for tolerated errors and 204) and its status.</summary>
internal sealed record OktaResponse<T>(T? Value, int Status, Uri? Next);

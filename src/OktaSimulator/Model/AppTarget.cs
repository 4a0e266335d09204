namespace OktaSimulator.Model;

/// <summary>
/// An APP_ADMIN target: every instance of an app type (an OIN catalog app such as <c>amazon_aws</c>) or one
/// instance of it. Fixtures write them as <c>amazon_aws</c> or <c>amazon_aws:0oa...</c>.
/// </summary>
public sealed record AppTarget(string AppName, string? AppId)
{
    public static AppTarget Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? new AppTarget(text, null) : new AppTarget(text[..colon], text[(colon + 1)..]);
    }

    /// <summary>The paging cursor: the app name, then the instance id.</summary>
    public string Key => AppId is null ? AppName : $"{AppName}:{AppId}";
}

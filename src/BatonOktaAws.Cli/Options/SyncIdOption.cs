namespace BatonOktaAws.Cli.Options;

/// <summary><c>--sync &lt;id&gt;</c>: which of the syncs a file keeps to read (see <c>syncs</c>); the latest when not given.</summary>
internal static class SyncIdOption
{
    public static NumberOption Create(string name = "--sync", string? description = null) =>
        new(name, 1, int.MaxValue, 0, description ?? "Read this sync of the file (an id from `baton-okta-aws syncs`).", "the latest sync");

    /// <summary>The sync id asked for, or null for the latest.</summary>
    public static long? Read(this OptionValues values, NumberOption option)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.Get<int?>(option) is { } id ? id : null;
    }
}

namespace BatonOktaAws.Cli.Output;

/// <summary>
/// A text output (a report, an audit log) never lands on a file that holds data: a sync file or another SQLite
/// database, or a c1z — the usual slip is the sync file's path given for the output.
/// </summary>
internal static class DataFileGuard
{
    /// <param name="flag">The option naming <paramref name="path"/>, for the message.</param>
    /// <param name="harm">What writing there would do, e.g. "writing the report there would destroy it".</param>
    /// <exception cref="UsageException">The file exists and is an SQLite database or a c1z.</exception>
    public static void Refuse(string flag, string path, string harm)
    {
        if (!File.Exists(path))
        {
            return;
        }

        var what = Store.SyncTarget.IsSqliteDatabase(path) ? "an SQLite database (a sync file?)"
            : Core.Baton.Export.C1zTarget.IsC1z(path) ? "a c1z"
            : null;
        if (what is not null)
        {
            throw new UsageException($"{flag} {path} is {what}; {harm}. Give another path.");
        }
    }
}

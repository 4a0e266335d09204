using System.CommandLine;
using BatonOktaAws.Store;

namespace BatonOktaAws.Cli.Commands;

/// <summary>
/// A filter of <c>access</c> that must name something the sync file holds: a user, account or role it does not
/// know is a mistake to report (exit 3), not an empty answer. Another filter slots in as one more check.
/// </summary>
/// <param name="Option">The filter's option.</param>
/// <param name="Noun">What the filter names, for the message ("user", "AWS account").</param>
/// <param name="Holds">Whether the sync file holds the value.</param>
/// <param name="Hint">Why a real one may be missing, or null.</param>
internal sealed record AccessFilterCheck(Option<string?> Option, string Noun, Func<SyncView, string, bool> Holds, string? Hint = null)
{
    /// <summary>The message for a value the file does not hold, or null when it does.</summary>
    public string? Missing(SyncView sync, string value)
    {
        ArgumentNullException.ThrowIfNull(sync);
        return Holds(sync, value)
            ? null
            : $"{Option.Name} '{value}': the sync file {sync.FilePath} holds no {Noun} '{value}'{(Hint is null ? string.Empty : $" ({Hint})")}.";
    }
}

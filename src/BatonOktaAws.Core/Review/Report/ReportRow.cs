using BatonOktaAws.Core.Review.Findings;
using BatonOktaAws.Store.Model;

namespace BatonOktaAws.Core.Review.Report;

/// <summary>
/// One access row as a review shows it: who, through which app and what, whether they can sign in, whether it is new
/// since the sync compared with, since when it has been there, the findings on it, and the grant whose removal
/// revokes it.
/// </summary>
public sealed record ReportRow(
    AccessRow Access,
    string DisplayName,
    bool CanSignIn,
    string? SourceGroupName,
    string? SourceGroupType,
    string? SourceGroupSource,
    bool IsNew,
    RowAge? Age,
    IReadOnlyList<Finding> Findings,
    string Grant)
{
    public string Login => Access.Login ?? Access.UserId;

    public string AppLabel => Access.AppLabel ?? Access.AppId;

    /// <summary>"direct", or the group's name.</summary>
    public string Through => SourceGroupName is null ? "direct assignment" : $"group {SourceGroupName}";
}

using BatonOktaAws.Core.Baton;
using BatonOktaAws.Core.Okta;

namespace BatonOktaAws.Core.Provisioning;

/// <summary>
/// An access review sheet (<c>report --format csv</c>, marked up by a reviewer) read as revokes. Each row is one
/// access path; its <c>grant</c> is the Baton grant whose removal ends it — <c>account:&lt;A&gt;:&lt;R&gt;:user:&lt;U&gt;</c>
/// for a direct row (in the row's <c>app_id</c>), <c>group:&lt;G&gt;:member:user:&lt;U&gt;</c> for a row through group G.
/// Only rows whose <c>decision</c> is <c>revoke</c> (any case, spaces ignored) are applied; <c>keep</c> and blank
/// rows are skipped and counted — a blank never means revoke — and any other decision fails its row.
/// </summary>
/// <remarks>
/// Rows with the same grant (one membership giving several roles) are applied once, as one change covering every
/// such line. A grant marked <c>revoke</c> on one row and <c>keep</c> on another cannot do both: those revoke rows
/// fail, naming the keep rows. Blank rows with a grant that another row revokes lose that access too; the change
/// says so. The row's <c>user_id</c>, <c>account_id</c> and <c>role</c>, when present, must agree with its grant:
/// a sheet edited by hand is checked, not trusted.
/// </remarks>
public static class ReviewSheet
{
    /// <summary>The column that makes a CSV file a review sheet.</summary>
    public const string DecisionColumn = "decision";

    private const string GrantColumn = "grant";
    private const string AppColumn = "appid";
    private const string UserColumn = "userid";
    private const string AccountColumn = "accountid";
    private const string RoleColumn = "role";

    /// <param name="header">The header's column names, as <see cref="ChangeParser.HeaderName"/> spells them.</param>
    internal static ChangeBatch Read(IReadOnlyList<string> header, int headerLine, IEnumerable<CsvRecord> records)
    {
        if (!header.Contains(GrantColumn))
        {
            throw new ProvisioningException($"The review sheet's header (line {headerLine}) has a decision column but no grant column; export the sheet again with report --format csv.");
        }

        var errors = new List<ChangeLineError>();
        var rows = new List<Row>();
        foreach (var record in records)
        {
            string? Cell(string name) => ChangeParser.CsvCell(header, record, name);

            if (record.Error is not null)
            {
                errors.Add(new ChangeLineError(record.Line, ChangeAction.Revoke, record.Error));
                continue;
            }

            var decisionText = Cell(DecisionColumn);
            ReviewDecision decision;
            switch (decisionText?.ToLowerInvariant())
            {
                case null:
                    decision = ReviewDecision.None;
                    break;
                case "keep":
                    decision = ReviewDecision.Keep;
                    break;
                case "revoke":
                    decision = ReviewDecision.Revoke;
                    break;
                default:
                    errors.Add(new ChangeLineError(record.Line, ChangeAction.Revoke, $"decision '{OktaId.Printable(decisionText)}' is neither revoke nor keep; leave it blank to skip the row."));
                    continue;
            }

            if (decision != ReviewDecision.Revoke)
            {
                // Left alone; its grant is read only to show what was skipped and to find a revoke of the same grant.
                rows.Add(new Row(record.Line, decision, TryChange(record.Line, Cell(GrantColumn), Cell(AppColumn))));
                continue;
            }

            try
            {
                rows.Add(new Row(record.Line, decision, RevokeChange(record.Line, Cell(GrantColumn), Cell(AppColumn), Cell(UserColumn), Cell(AccountColumn), Cell(RoleColumn))));
            }
            catch (ProvisioningException ex)
            {
                errors.Add(new ChangeLineError(record.Line, ChangeAction.Revoke, ex.Message));
            }
        }

        var (changes, skipped) = Group(rows, errors);
        return new ChangeBatch(changes, errors, skipped) { IsReviewSheet = true };
    }

    /// <summary>One revoke per grant, covering every row that carries it.</summary>
    private static (List<ProvisioningChange> Changes, List<SkippedLine> Skipped) Group(List<Row> rows, List<ChangeLineError> errors)
    {
        var changes = new List<ProvisioningChange>();
        var covered = new HashSet<int>();
        foreach (var group in rows.Where(r => r.Decision == ReviewDecision.Revoke).GroupBy(r => Key(r.Change!), StringComparer.Ordinal))
        {
            var revokes = group.ToList();
            var others = rows.Where(r => r.Decision != ReviewDecision.Revoke && r.Change is { } c && Key(c) == group.Key).ToList();
            var keeps = others.Where(r => r.Decision == ReviewDecision.Keep).Select(r => r.Line).ToList();
            if (keeps.Count > 0)
            {
                errors.AddRange(revokes.Select(r => new ChangeLineError(r.Line, ChangeAction.Revoke,
                    $"{Lines(keeps)} mark{(keeps.Count == 1 ? "s" : string.Empty)} the same grant ({r.Change!.GrantId}) keep, and revoking it would remove that access too; mark all of its rows revoke, or all keep.")));
                continue;
            }

            var undecided = others.Select(r => r.Line).ToList();
            var first = revokes[0].Change!;
            var lines = revokes.Select(r => r.Line).Concat(undecided).Order().ToList();
            covered.UnionWith(undecided);
            changes.Add(first with
            {
                Lines = lines,
                ReadWarnings = undecided.Count == 0
                    ? []
                    : [$"revoking {first.GrantId} also removes the access on {Lines(undecided)}, which had no decision: {(undecided.Count == 1 ? "it comes" : "they come")} through the same grant."],
            });
        }

        var skipped = rows
            .Where(r => r.Decision != ReviewDecision.Revoke && !covered.Contains(r.Line))
            .Select(r => new SkippedLine(r.Line, r.Decision, r.Change))
            .ToList();
        return (changes, skipped);
    }

    /// <summary>What makes two rows the same change: the grant, and for a role the app it is in (memberships have no app).</summary>
    private static string Key(ProvisioningChange change) => change.Entitlement.IsAccountRole ? $"{change.GrantId}@{change.AppId}" : change.GrantId;

    private static ProvisioningChange RevokeChange(int line, string? grant, string? app, string? userId, string? accountId, string? role)
    {
        if (grant is null)
        {
            throw new ProvisioningException("the row is marked revoke but its grant column is empty, so there is nothing to revoke; clear the decision, or revoke its access by hand.");
        }

        var change = ChangeParser.Revoke(grant, line);
        if (change.PrincipalType != ResourceType.User)
        {
            throw new ProvisioningException($"grant {change.GrantId} is a group's, not one user's: a review row revokes a user's access; take the role off the group with revoke --grant instead.");
        }

        if (userId is not null && !string.Equals(change.Principal, userId, StringComparison.Ordinal))
        {
            throw new ProvisioningException($"grant {change.GrantId} is for user {change.Principal}, but the row's user_id is {OktaId.Printable(userId)}; the sheet was edited — export it again.");
        }

        if (change.Entitlement.IsAccountRole)
        {
            if (accountId is not null && change.Entitlement.ResourceId != accountId)
            {
                throw new ProvisioningException($"grant {change.GrantId} is in account {change.Entitlement.ResourceId}, but the row's account_id is {OktaId.Printable(accountId)}; the sheet was edited — export it again.");
            }

            if (role is not null && !string.Equals(change.Entitlement.Slug, role, StringComparison.Ordinal))
            {
                throw new ProvisioningException($"grant {change.GrantId} is for role {change.Entitlement.Slug}, but the row's role is {OktaId.Printable(role)}; the sheet was edited — export it again.");
            }
        }

        return app is null ? change : ChangeParser.WithApp(change, app);
    }

    /// <summary>A skipped row's grant as a revoke when it reads as one (only to show it), else null.</summary>
    private static ProvisioningChange? TryChange(int line, string? grant, string? app)
    {
        try
        {
            return grant is null ? null : app is null ? ChangeParser.Revoke(grant, line) : ChangeParser.WithApp(ChangeParser.Revoke(grant, line), app);
        }
        catch (ProvisioningException)
        {
            return null;
        }
    }

    private static string Lines(List<int> lines) =>
        (lines.Count == 1 ? "line " : "lines ") + string.Join(", ", lines);

    private sealed record Row(int Line, ReviewDecision Decision, ProvisioningChange? Change);
}

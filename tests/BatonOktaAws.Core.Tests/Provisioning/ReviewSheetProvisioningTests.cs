using BatonOktaAws.Core.Aws;
using BatonOktaAws.Core.Provisioning;
using BatonOktaAws.TestSupport;
using OktaSimulator.Fixtures;

namespace BatonOktaAws.Core.Tests.Provisioning;

/// <summary>
/// A review sheet built by hand with the report's header from a real sync of the demo estate, marked up, applied with
/// revoke against the simulator, and checked by syncing again: exactly the revoked paths are gone.
/// </summary>
public sealed class ReviewSheetProvisioningTests : IDisposable
{
    private const string Prod = "0oademoaws0000000001";
    private const string Staging = "0oademoaws0000000002";
    private const string Alice = "00udemoalice00000001";
    private const string Carol = "00udemocarol00000003";
    private const string Heidi = "00udemoheidi00000008";
    private const string Ivan = "00udemoivan000000009";
    private const string Developers = "00gdemoawsdevs000002";
    private const string Auditors = "00gdemoawsaudit00003";
    private const string MappedBilling = "00gdemomapbill000009";
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Revoke_ReviewSheetSavedByASpreadsheet_DryRunsThenRemovesExactlyTheRowsMarkedRevokeAndIsIdempotent()
    {
        await using var h = await ProvisioningHarness.StartAsync(OrgFixture.Demo().ToState());
        var before = await h.SyncedAccessOfAllAppsAsync();
        var decisions = new Dictionary<(string User, string App, string Role, string Source), string>
        {
            [(Heidi, Prod, "ReadOnly", "direct")] = " Revoke ",
            [(Ivan, Staging, "Developer", "direct")] = "revoke",
            [(Carol, Prod, "Developer", "group:" + Developers)] = "REVOKE",
            [(Carol, Prod, "ReadOnly", "group:" + Developers)] = "revoke",
            [(Alice, Prod, "Billing", "direct")] = "keep",
        };
        var rows = SheetRows(before, r => decisions.GetValueOrDefault((r.UserId, r.AppId, r.Role, r.Source), string.Empty));
        var path = ReviewSheetFile.Write(_directory.File("review.csv"), rows, spreadsheet: true);
        var line = LineNumbers(rows);
        int LineOf(string user, string app, string role) => line[rows.FindIndex(r => r.UserId == user && r.AppId == app && r.Role == role)];

        var batch = ChangeParser.ReadFile(path, ChangeAction.Revoke);
        var dryRun = await h.RunAsync(batch, o => o with { Apps = AppSelection.Every, DryRun = true });

        Assert.Equal(0, h.Writes);
        var planned = dryRun.Where(r => r.Outcome == ProvisioningOutcome.Planned).ToList();
        Assert.Equal(
            [
                new OktaWrite("POST", $"/api/v1/apps/{Prod}/users/{Heidi}", """{"profile":{"samlRoles":[]}}"""),
                new OktaWrite("POST", $"/api/v1/apps/{Staging}/users/{Ivan}", """{"profile":{"samlRoles":[]}}"""),
                new OktaWrite("DELETE", $"/api/v1/groups/{Developers}/users/{Carol}", null),
            ],
            planned.OrderBy(p => p.Writes[0].Method == "DELETE").ThenBy(p => p.Writes[0].Path, StringComparer.Ordinal).Select(p => Assert.Single(p.Writes)));
        var carolsMembership = Assert.Single(planned, p => p.Change!.Entitlement.IsGroupMembership);
        Assert.Equal(new[] { LineOf(Carol, Prod, "Developer"), LineOf(Carol, Prod, "ReadOnly"), LineOf(Carol, Staging, "Developer") }.Order(), carolsMembership.Lines);
        Assert.Contains(carolsMembership.Warnings, w => w.Contains($"also removes the access on line {LineOf(Carol, Staging, "Developer")}, which had no decision", StringComparison.Ordinal));
        Assert.Equal(ProvisioningOutcome.SkippedKeep, Assert.Single(dryRun, r => r.Line == LineOf(Alice, Prod, "Billing")).Outcome);
        Assert.Equal(rows.Count - 6, dryRun.Count(r => r.Outcome == ProvisioningOutcome.SkippedNoDecision));

        var applied = await h.RunAsync(batch, o => o with { Apps = AppSelection.Every });
        var again = await h.RunAsync(ChangeParser.ReadFile(path, ChangeAction.Revoke), o => o with { Apps = AppSelection.Every });

        Assert.Equal(3, applied.Count(r => r.Outcome == ProvisioningOutcome.Revoked));
        Assert.DoesNotContain(applied, r => r.Outcome.IsUnsuccessful());
        Assert.Equal(3, again.Count(r => r.Outcome == ProvisioningOutcome.AlreadyRevoked));
        Assert.Equal(3, h.Audit.Events.Count);
        Assert.Equal([Prod, Staging, null], h.Audit.Events.Select(e => e.App?.Id).OrderBy(id => id is null).ThenBy(id => id, StringComparer.Ordinal));
        var after = await h.SyncedAccessOfAllAppsAsync();
        Assert.Equal(
            ExpectedAccess.Normalize(
            [
                new ExpectedRow(Heidi, "heidi@acme.example", "ACTIVE", "123456789012", "ReadOnly", "direct", Prod),
                new ExpectedRow(Ivan, "ivan@acme.example", "ACTIVE", "210987654321", "Developer", "direct", Staging),
                new ExpectedRow(Carol, "carol@acme.example", "ACTIVE", "123456789012", "Developer", "group:" + Developers, Prod),
                new ExpectedRow(Carol, "carol@acme.example", "ACTIVE", "123456789012", "ReadOnly", "group:" + Developers, Prod),
                new ExpectedRow(Carol, "carol@acme.example", "ACTIVE", "210987654321", "Developer", "group:" + Developers, Staging),
            ]),
            before.Except(after));

        // Without AWS Developers, carol's next group by priority in production gives her its role (the sheet's then_applies).
        Assert.Equal([new ExpectedRow(Carol, "carol@acme.example", "ACTIVE", "123456789012", "Auditor", "group:" + Auditors, Prod)], after.Except(before));
    }

    [Fact]
    public async Task Revoke_ReviewSheetWithAnAppGroupRow_AppliesNothingAndSaysWhereToChangeIt()
    {
        await using var h = await ProvisioningHarness.StartAsync(OrgFixture.Demo().ToState());
        var path = ReviewSheetFile.Write(_directory.File("review.csv"),
        [
            new ReviewSheetRow("revoke", Heidi, "heidi@acme.example", Prod, "Amazon Web Services (production)", "123456789012", "ReadOnly", "direct", $"account:123456789012:ReadOnly:user:{Heidi}"),
            new ReviewSheetRow("revoke", Heidi, "heidi@acme.example", "0oademoaws0000000003", "Amazon Web Services (all accounts, group mapping)", "555555555555", "Billing", "group:" + MappedBilling, $"group:{MappedBilling}:member:user:{Heidi}", SourceGroup: "aws_555555555555_Billing"),
        ]);

        var results = await h.RunAsync(ChangeParser.ReadFile(path, ChangeAction.Revoke), o => o with { Apps = AppSelection.Every });

        Assert.All(results, r => Assert.Equal(ProvisioningOutcome.Failed, r.Outcome));
        Assert.Equal("not applied: line 3 failed validation, so nothing was changed", results[0].Error);
        Assert.Equal(
            $"Group 'aws_555555555555_Billing' ({MappedBilling}) is imported from 'acme.example (Active Directory)' (active_directory app 0oademoad00000000005); " +
            "change the membership there: it is an APP_GROUP, whose members Okta takes from its source.",
            results[1].Error);
        Assert.Equal(0, h.Writes);
    }

    [Fact]
    public async Task Revoke_ReviewSheetWithBadDecisionsAndAConflict_AsksOktaNothingAndReportsEachLine()
    {
        await using var h = await ProvisioningHarness.StartAsync(OrgFixture.Demo().ToState());
        var membership = $"group:{Developers}:member:user:{Carol}";
        var path = ReviewSheetFile.Write(_directory.File("review.csv"),
        [
            new ReviewSheetRow("revoke", Heidi, "heidi@acme.example", Prod, "AWS", "123456789012", "ReadOnly", "direct", $"account:123456789012:ReadOnly:user:{Heidi}"),
            new ReviewSheetRow("maybe", Ivan, "ivan@acme.example", Staging, "AWS", "210987654321", "Developer", "direct", $"account:210987654321:Developer:user:{Ivan}"),
            new ReviewSheetRow("revoke", Carol, "carol@acme.example", Prod, "AWS", "123456789012", "Developer", "group:" + Developers, membership),
            new ReviewSheetRow("keep", Carol, "carol@acme.example", Prod, "AWS", "123456789012", "ReadOnly", "group:" + Developers, membership),
            new ReviewSheetRow(string.Empty, Alice, "alice@acme.example", Prod, "AWS", "123456789012", "Billing", "direct", $"account:123456789012:Billing:user:{Alice}"),
        ]);

        var results = await h.RunAsync(ChangeParser.ReadFile(path, ChangeAction.Revoke), o => o with { Apps = AppSelection.Every });

        Assert.Equal(
            [ProvisioningOutcome.Failed, ProvisioningOutcome.Failed, ProvisioningOutcome.Failed, ProvisioningOutcome.SkippedKeep, ProvisioningOutcome.SkippedNoDecision],
            results.Select(r => r.Outcome));
        Assert.Equal([2, 3, 4, 5, 6], results.Select(r => r.Line));
        Assert.Equal("not applied: line 3 failed validation, so nothing was changed", results[0].Error);
        Assert.Equal("decision 'maybe' is neither revoke nor keep; leave it blank to skip the row.", results[1].Error);
        Assert.StartsWith("line 5 marks the same grant", results[2].Error, StringComparison.Ordinal);
        Assert.Empty(h.Simulator.Requests.Entries);
    }

    /// <summary>One sheet row per access row, as the report writes them: the grant that removes the path.</summary>
    private static List<ReviewSheetRow> SheetRows(IReadOnlyList<ExpectedRow> access, Func<ExpectedRow, string> decide) =>
    [
        .. access.Select(r => new ReviewSheetRow(
            decide(r),
            r.UserId,
            r.Login,
            r.AppId,
            r.AppId == Prod ? "Amazon Web Services (production)" : r.AppId == Staging ? "Amazon Web Services (staging)" : "Amazon Web Services (all accounts, group mapping)",
            r.AccountId,
            r.Role,
            r.Source,
            r.Source == "direct" ? $"account:{r.AccountId}:{r.Role}:user:{r.UserId}" : $"{r.Source}:member:user:{r.UserId}",
            Name: r.UserId == Alice ? "Nguyen, Alice" : r.Login.Split('@')[0],
            Status: r.Status,
            Findings: r.Status == "ACTIVE" ? string.Empty : $"dormant-access: user is {r.Status},\nstill holds {r.Role}")),
    ];

    /// <summary>The line each row starts on (the header is line 1; quoted cells with line breaks take more than one).</summary>
    private static List<int> LineNumbers(List<ReviewSheetRow> rows)
    {
        var lines = new List<int>();
        var next = 2;
        foreach (var row in rows)
        {
            lines.Add(next);
            next += ReviewSheetFile.LinesOf(row);
        }

        return lines;
    }
}

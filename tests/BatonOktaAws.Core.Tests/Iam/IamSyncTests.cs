using BatonOktaAws.Core.Iam;
using BatonOktaAws.Core.Review;
using BatonOktaAws.Core.Review.Findings;
using BatonOktaAws.Core.Review.Roles;
using BatonOktaAws.Core.Tests.Sync;
using BatonOktaAws.Store;
using BatonOktaAws.TestSupport;
using OktaSimulator.Fixtures;

namespace BatonOktaAws.Core.Tests.Iam;

/// <summary>IAM exports attached to a sync of the demo estate (src/OktaSimulator/Fixtures/iam/README.md says what they hold).</summary>
public sealed class IamSyncTests : IDisposable
{
    private const string Prod = "0oademoaws0000000001";
    private const string Staging = "0oademoaws0000000002";
    private readonly TempDirectory _exports = new();

    public void Dispose() => _exports.Dispose();

    [Fact]
    public async Task RunAsync_WithExports_GivesEachAccessRowItsIamRoleAndAdminFlag()
    {
        var (sync, _) = await SyncAsync();

        var bob = Assert.Single(sync.Access, r => r is { Login: "bob@acme.example", Role: "Admin" });
        Assert.Equal(("arn:aws:iam::123456789012:role/Admin", true), (bob.IamRoleArn, bob.AdminEquivalent));
        var carol = Assert.Single(sync.Access, r => r is { Login: "carol@acme.example", Role: "Developer", AppId: Prod });
        Assert.Equal(("arn:aws:iam::123456789012:role/Developer", false), (carol.IamRoleArn, carol.AdminEquivalent));
        var alice = Assert.Single(sync.Access, r => r is { Login: "alice@acme.example", Role: "Billing" });
        Assert.Equal((null, null), (alice.IamRoleArn, alice.AdminEquivalent));
        Assert.Equal(2, sync.IamExports.Select(e => e.AccountId).Distinct().Count());
    }

    [Fact]
    public async Task ReachableRoles_DemoEstate_SayWhetherEachExistsAndTrustsItsApp()
    {
        var (sync, _) = await SyncAsync();

        var roles = ReachableRole.Of(sync).ToDictionary(r => (r.AppId, r.AccountId, r.Role), r => r.Verdict);

        Assert.Equal("exists and trusts the app", roles[(Prod, "123456789012", "Admin")]);
        Assert.Equal("missing in IAM", roles[(Prod, "123456789012", "Billing")]);
        Assert.Equal("exists, but does not trust the app", roles[(Staging, "210987654321", "ReadOnly")]);
        Assert.Equal("not reviewed (no complete IAM export for the account)", roles[("0oademoaws0000000003", "555555555555", "Billing")]);
    }

    [Fact]
    public async Task Findings_EachIamCode_FiresWhereItShouldAndNotElsewhere()
    {
        var (sync, _) = await SyncAsync();
        var findings = FindingsEngine.Find(sync);

        Assert.Equal(["bob@acme.example"], Of(findings, AdminEquivalentAccessRule.Code).Select(f => f.Login));
        Assert.Equal([("123456789012", "Billing"), ("210987654321", "Deployer")], Of(findings, RoleMissingInIamRule.Code).Select(f => (f.AccountId!, f.Role!)));
        Assert.Equal([("210987654321", "ReadOnly")], Of(findings, RoleNotTrustingOktaRule.Code).Select(f => (f.AccountId!, f.Role!)));
        Assert.Equal([("123456789012", "PowerUser"), ("210987654321", "Admin")], Of(findings, SamlRoleWithoutHoldersRule.Code).Select(f => (f.AccountId!, f.Role!)).Order());
        var bypass = Of(findings, IamUserBypassesOktaRule.Code).ToDictionary(f => f.Login!, f => f.Severity);
        Assert.Equal(new Dictionary<string, FindingSeverity> { ["ops-admin"] = FindingSeverity.High, ["deploy-bot"] = FindingSeverity.Medium }, bypass);

        // Must not fire: a role that exists (Admin), an account without an export (555555555555), a role nobody holds
        // that does not trust SAML (BreakGlass), the root user without password or keys.
        Assert.DoesNotContain(Of(findings, RoleMissingInIamRule.Code), f => f.Role == "Admin" || f.AccountId == "555555555555");
        Assert.DoesNotContain(Of(findings, SamlRoleWithoutHoldersRule.Code), f => f.Role == "BreakGlass");
        Assert.DoesNotContain(Of(findings, IamUserBypassesOktaRule.Code), f => f.Login == "root");
    }

    [Fact]
    public async Task Findings_WithoutExports_ReportNothingFromTheAwsSide()
    {
        await using var simulator = await TestSimulator.StartAsync(OrgFixture.Demo().ToState());
        using var harness = new SyncHarness(simulator);
        await harness.SyncAsync(appId: "all");
        using var reader = SyncFileReader.Open(harness.FilePath);

        var findings = FindingsEngine.Find(ReviewSnapshot.Load(reader.Latest()));

        string[] iamCodes = [AdminEquivalentAccessRule.Code, RoleMissingInIamRule.Code, RoleNotTrustingOktaRule.Code, SamlRoleWithoutHoldersRule.Code, IamUserBypassesOktaRule.Code];
        Assert.DoesNotContain(findings, f => iamCodes.Contains(f.Code));
    }

    [Fact]
    public async Task RunAsync_ExportOfAnAccountNoAppReaches_FailsNamingTheFileAndKeepsThePreviousFile()
    {
        var state = OrgFixture.Demo().ToState();
        await using var simulator = await TestSimulator.StartAsync(state);
        using var harness = new SyncHarness(simulator);
        await harness.SyncAsync(appId: "all");
        var before = await File.ReadAllBytesAsync(harness.FilePath);
        var stray = _exports.File("authorization-details-999999999999.json");
        await File.WriteAllTextAsync(stray, (await File.ReadAllTextAsync(OrgFixture.WriteDemoIamExports(Directory.CreateDirectory(_exports.File("demo")).FullName)[0])).Replace("123456789012", "999999999999", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<IamExportException>(() => harness.SyncAsync(o => o with { Iam = IamExportLoader.Load(stray) }, appId: "all"));

        Assert.StartsWith($"{stray}: the IAM export is of account 999999999999, which none of the synced AWS apps reaches", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(harness.FilePath));
    }

    [Fact]
    public async Task RunAsync_ExportOlderThanTheSync_WarnsWithBothDates()
    {
        var paths = OrgFixture.WriteDemoIamExports(_exports.Path);
        var old = paths.Single(p => p.EndsWith("authorization-details-210987654321.json", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(old, new DateTime(2026, 1, 15, 9, 0, 0, DateTimeKind.Utc));

        var (_, result) = await SyncAsync(paths);

        var warning = Assert.Single(result.Warnings, w => w.Code == "iam-export-older-than-sync");
        Assert.Contains("is from 2026-01-15 09:00 UTC, older than the sync (", warning.Message, StringComparison.Ordinal);
        Assert.Equal(("account", "210987654321"), (warning.SubjectType, warning.SubjectId));
    }

    private async Task<(ReviewSnapshot Sync, Core.Sync.SyncResult Result)> SyncAsync(IReadOnlyList<string>? paths = null)
    {
        paths ??= OrgFixture.WriteDemoIamExports(_exports.Path);
        await using var simulator = await TestSimulator.StartAsync(OrgFixture.Demo().ToState());
        using var harness = new SyncHarness(simulator);
        var result = await harness.SyncAsync(o => o with { Iam = IamExportLoader.Load(paths) }, appId: "all");
        using var reader = SyncFileReader.Open(harness.FilePath);
        return (ReviewSnapshot.Load(reader.Latest()), result);
    }

    private static IEnumerable<Finding> Of(IReadOnlyList<Finding> findings, string code) => findings.Where(f => f.Code == code);
}

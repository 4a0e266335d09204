using System.Diagnostics;
using BatonOktaAws.Store.C1z;
using BatonOktaAws.TestSupport;
using Xunit.Abstractions;

namespace BatonOktaAws.Store.Tests.C1z;

/// <summary>
/// A large org — 60,000 users, 300 groups, 200,000 grants — generated and written as a stream, then read back.
/// Prints time, sizes and memory (run with <c>--logger "console;verbosity=detailed"</c> to see them); asserts only
/// what was written and that the live managed heap does not grow with the org.
/// </summary>
public sealed class C1zScaleTests(ITestOutputHelper output) : IDisposable
{
    private const int Users = 60_000;
    private const int Groups = 300;
    private const int Accounts = 10;
    private const int RolesPerAccount = 5;
    private const int GroupsPerUser = 2;
    private const int GrantCount = 200_000;

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Complete_LargeOrg_WritesInBoundedMemoryAndReadsBack()
    {
        var path = _temp.File("large.c1z");
        var peakHeap = 0L;
        var heapAfterSetup = 0L;
        var written = 0;
        void Sample()
        {
            // A full collection at each sample measures what is live, not garbage a large gen0 budget left behind.
            if (++written % 20_000 == 0)
            {
                peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(forceFullCollection: true));
            }
        }

        GC.Collect();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();
        C1zWriteResult result;
        using (var writer = C1zWriter.Create(path, TimeProvider.System))
        {
            foreach (var resourceType in new[] { C1zSample.UserType, C1zSample.GroupType, C1zSample.AccountType })
            {
                writer.AddResourceType(resourceType);
            }

            heapAfterSetup = GC.GetTotalMemory(forceFullCollection: true);
            foreach (var resource in LargeOrg.Resources())
            {
                writer.AddResource(resource);
                Sample();
            }

            foreach (var entitlement in LargeOrg.Entitlements())
            {
                writer.AddEntitlement(entitlement);
            }

            foreach (var grant in LargeOrg.Grants())
            {
                writer.AddGrant(grant);
                Sample();
            }

            var rowsWritten = clock.Elapsed;
            result = writer.Complete();
            output.WriteLine($"rows inserted in {rowsWritten.TotalSeconds:F1} s; check, compress and rename in {(clock.Elapsed - rowsWritten).TotalSeconds:F1} s");
        }

        var writeTime = clock.Elapsed;
        clock.Restart();
        long grantsRead = 0;
        long derived = 0;
        C1zStats stats;
        using (var reader = C1zReader.Open(path))
        {
            var opened = clock.Elapsed;
            stats = reader.ReadStats();
            foreach (var grant in reader.ReadGrants())
            {
                grantsRead++;
                derived += grant.IsDerivedOnly ? 1 : 0;
            }

            output.WriteLine($"reader: open (decompress) {opened.TotalSeconds:F1} s, all grants streamed {(clock.Elapsed - opened).TotalSeconds:F1} s");
        }

        output.WriteLine($"wrote {result.Resources:N0} resources, {result.Entitlements:N0} entitlements, {result.Grants:N0} grants in {writeTime.TotalSeconds:F1} s");
        output.WriteLine($"database {result.DatabaseBytes / 1048576.0:F1} MiB, c1z {result.FileBytes / 1048576.0:F1} MiB");
        output.WriteLine($"live managed heap while writing: {heapAfterSetup / 1048576.0:F1} MiB after setup, peak {peakHeap / 1048576.0:F1} MiB (before {heapBefore / 1048576.0:F1} MiB)");
        output.WriteLine($"SQLite memory high-water {SQLitePCL.raw.sqlite3_memory_highwater(0) / 1048576.0:F1} MiB; process peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F1} MiB");

        Assert.Equal((Users + Groups + Accounts, Groups + (Accounts * RolesPerAccount), GrantCount), (result.Resources, result.Entitlements, result.Grants));
        Assert.Equal(new Dictionary<string, long> { ["user"] = Users, ["group"] = Groups, ["account"] = Accounts }, stats.ResourcesByType);
        Assert.Equal(GrantCount, grantsRead);
        Assert.Equal(GrantCount - (Users * GroupsPerUser) - Groups, derived);

        // The org itself is never in memory: writing 260,000 rows leaves the live heap where it started, give or take.
        Assert.True(peakHeap - heapBefore < 16L * 1024 * 1024, $"live managed heap grew by {(peakHeap - heapBefore) / 1048576.0:F1} MiB while writing");
    }

    /// <summary>Generates the org lazily, one record at a time.</summary>
    private static class LargeOrg
    {
        public static IEnumerable<BatonResource> Resources()
        {
            for (var u = 0; u < Users; u++)
            {
                yield return new BatonResource(
                    User(u),
                    $"User {u}",
                    User: new BatonUserTrait(
                        [new BatonEmail($"user{u}@example.com", true), new BatonEmail($"user{u}@alt.example.org", false)],
                        $"user{u}@example.com",
                        u % 50 == 0 ? BatonUserStatus.Disabled : BatonUserStatus.Enabled,
                        BatonProfile.FromStrings([
                            KeyValuePair.Create("firstName", (string?)$"First{u}"),
                            KeyValuePair.Create("lastName", (string?)$"Last{u}"),
                            KeyValuePair.Create("oktaStatus", (string?)(u % 50 == 0 ? "SUSPENDED" : "ACTIVE")),
                            KeyValuePair.Create("department", (string?)$"Department {u % 40}"),
                        ])));
            }

            for (var g = 0; g < Groups; g++)
            {
                yield return new BatonResource(Group(g), $"Group {g}", Description: $"Okta group {g}", Group: new BatonGroupTrait());
            }

            for (var a = 0; a < Accounts; a++)
            {
                yield return new BatonResource(Account(a), $"Account {a}");
            }
        }

        public static IEnumerable<BatonEntitlement> Entitlements()
        {
            for (var g = 0; g < Groups; g++)
            {
                yield return Member(g);
            }

            for (var a = 0; a < Accounts; a++)
            {
                for (var r = 0; r < RolesPerAccount; r++)
                {
                    yield return Role(a, r);
                }
            }
        }

        /// <summary>Two memberships per user, one role per group, and each user's roles through their groups until 200,000.</summary>
        public static IEnumerable<BatonGrant> Grants()
        {
            for (var u = 0; u < Users; u++)
            {
                for (var k = 0; k < GroupsPerUser; k++)
                {
                    yield return BatonGrant.Create(Member(GroupOf(u, k)), User(u));
                }
            }

            for (var g = 0; g < Groups; g++)
            {
                yield return BatonGrant.Create(RoleOf(g), Group(g));
            }

            var remaining = GrantCount - (Users * GroupsPerUser) - Groups;
            for (var u = 0; remaining > 0; u++)
            {
                var group = GroupOf(u % Users, u / Users);
                yield return BatonGrant.Create(RoleOf(group), User(u % Users), [new BatonGrantSource(Member(group).Id)]);
                remaining--;
            }
        }

        private static int GroupOf(int user, int k) => ((user * 7) + (k * 131)) % Groups;

        private static BatonEntitlement RoleOf(int group) => Role(group % Accounts, group / Accounts % RolesPerAccount);

        private static BatonResourceId User(int u) => new("user", $"00u{u:D8}");

        private static BatonResourceId Group(int g) => new("group", $"00g{g:D5}");

        private static BatonResourceId Account(int a) => new("account", $"{100000000000 + a}");

        private static BatonEntitlement Member(int g) =>
            BatonEntitlement.Create(Group(g), "member", $"Group {g} member", $"Member of Group {g}", BatonEntitlementPurpose.Assignment, ["user"]);

        private static BatonEntitlement Role(int a, int r) =>
            BatonEntitlement.Create(Account(a), $"Role{r}", $"Role{r}", $"May assume Role{r} in {Account(a).Resource}", BatonEntitlementPurpose.Permission, ["user", "group"]);
    }
}

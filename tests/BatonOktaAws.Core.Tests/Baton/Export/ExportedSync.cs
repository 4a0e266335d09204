using BatonOktaAws.Core.Baton.Export;
using BatonOktaAws.Core.Tests.Sync;
using BatonOktaAws.Store;
using BatonOktaAws.Store.C1z;
using BatonOktaAws.TestSupport;
using OktaSimulator.Model;

namespace BatonOktaAws.Core.Tests.Baton.Export;

/// <summary>An org synced for real from the simulator, exported to a c1z and read back with the c1z reader.</summary>
internal sealed class ExportedSync
{
    private ExportedSync(OrgState state, IReadOnlyList<BatonResource> resources, IReadOnlyList<BatonEntitlement> entitlements, IReadOnlyList<BatonGrant> grants, IReadOnlyList<ExpectedRow> access)
    {
        State = state;
        Resources = resources;
        Entitlements = entitlements;
        Grants = grants;
        Access = access;
    }

    public OrgState State { get; }
    public IReadOnlyList<BatonResource> Resources { get; }
    public IReadOnlyList<BatonEntitlement> Entitlements { get; }
    public IReadOnlyList<BatonGrant> Grants { get; }

    /// <summary>What the sync file's access view says (the answer of <c>access</c>).</summary>
    public IReadOnlyList<ExpectedRow> Access { get; }

    public static async Task<ExportedSync> OfAsync(OrgState state, string c1zPath)
    {
        await using var simulator = await TestSimulator.StartAsync(state);
        using var harness = new SyncHarness(simulator);
        await harness.SyncAsync(appId: "all");
        using (var reader = SyncFileReader.Open(harness.FilePath))
        {
            C1zExport.Write(reader.Latest(), c1zPath, TimeProvider.System, CancellationToken.None);
        }

        using var c1z = C1zReader.Open(c1zPath);
        return new ExportedSync(state, [.. c1z.ReadResources()], [.. c1z.ReadEntitlements()], [.. c1z.ReadGrants()], harness.AccessRows());
    }

    public BatonGrant Grant(string id) => Assert.Single(Grants, grant => grant.Id == id);

    public IEnumerable<BatonGrant> GroupRoleGrants => Grants.Where(grant => grant.EntitlementResource.ResourceType == "account" && grant.Principal.ResourceType == "group");
}

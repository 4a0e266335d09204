using BatonOktaAws.Store.C1z;
using BatonOktaAws.TestSupport;

namespace BatonOktaAws.Store.Tests.C1z;

public sealed class C1zRoundTripTests : IDisposable
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.CreateCustomTimeZone("Test/Plus2", TimeSpan.FromHours(2), "Test/Plus2", "Test/Plus2");
    private readonly TempDirectory _temp = new();
    private readonly ManualTime _time = new(new DateTimeOffset(2026, 3, 14, 9, 26, 53, 589, TimeSpan.Zero), Paris);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Complete_Sample_ReadsBackTheSameModel()
    {
        var sample = new C1zSample();
        var result = sample.WriteTo(_temp.File("org.c1z"), _time);

        using var reader = C1zReader.Open(result.Path);

        Assert.Equal(C1zSample.Canonical(sample.ResourceTypes), C1zSample.Canonical(reader.ReadResourceTypes()));
        Assert.Equal(C1zSample.Canonical(sample.Resources), C1zSample.Canonical(reader.ReadResources()));
        Assert.Equal(C1zSample.Canonical(sample.Entitlements), C1zSample.Canonical(reader.ReadEntitlements()));
        Assert.Equal(C1zSample.Canonical(sample.Grants), C1zSample.Canonical(reader.ReadGrants()));
        Assert.Equal((3, 7, 4, 8), (result.ResourceTypes, result.Resources, result.Entitlements, result.Grants));
    }

    [Fact]
    public void Complete_Sample_RecordsOneFinishedFullSyncRunAtTheLocalWallClock()
    {
        var sample = new C1zSample();
        string syncId;
        using (var writer = C1zWriter.Create(_temp.File("org.c1z"), _time))
        {
            syncId = writer.SyncId;
            foreach (var resourceType in sample.ResourceTypes)
            {
                writer.AddResourceType(resourceType);
            }

            _time.Now = _time.Now.AddMinutes(2).AddTicks(5);
            writer.Complete();
        }

        using var reader = C1zReader.Open(_temp.File("org.c1z"));

        var run = Assert.Single(reader.SyncRuns);
        Assert.Equal(run, reader.Sync);
        Assert.Equal(syncId, run.Id);
        Assert.Equal("full", run.Type);
        Assert.Equal(new DateTime(2026, 3, 14, 11, 26, 53, 589), run.StartedAt);
        Assert.Equal(new DateTime(2026, 3, 14, 11, 28, 53, 589).AddTicks(5), run.EndedAt);
        Assert.Equal(27, syncId.Length);
        Assert.Equal(new DateTimeOffset(2026, 3, 14, 9, 26, 53, TimeSpan.Zero), SyncId.TimeOf(syncId));
    }

    [Fact]
    public void ReadGrants_Query_NarrowsByEntitlementResourceAndPrincipal()
    {
        var sample = new C1zSample();
        sample.WriteTo(_temp.File("org.c1z"), _time);
        using var reader = C1zReader.Open(_temp.File("org.c1z"));

        Assert.Equal(2, reader.ReadGrants(new C1zGrantQuery(EntitlementId: sample.AdminsMember.Id)).Count());
        Assert.Equal(3, reader.ReadGrants(new C1zGrantQuery(Resource: sample.ProdAdmin.Resource)).Count());
        Assert.Equal(
            [sample.AdminsMember.Id, sample.ProdAdmin.Id],
            reader.ReadGrants(new C1zGrantQuery(Principal: sample.Ada.Id)).Select(grant => grant.EntitlementId));
        Assert.Empty(reader.ReadGrants(new C1zGrantQuery(sample.AdminsMember.Id, Principal: C1zSample.Id("user", "00unobody"))));
        Assert.Equal(3, reader.ReadResources("user").Count());
        Assert.Equal(2, reader.ReadEntitlements(C1zSample.Id("account", "123456789012")).Count() + reader.ReadEntitlements(C1zSample.Id("group", "00gadmins")).Count());
    }

    [Fact]
    public void ReadStats_Sample_CountsPerTableAndResourceType()
    {
        new C1zSample().WriteTo(_temp.File("org.c1z"), _time);
        using var reader = C1zReader.Open(_temp.File("org.c1z"));

        var stats = reader.ReadStats();

        Assert.Equal(3, stats.ResourceTypes);
        Assert.Equal(new Dictionary<string, long> { ["user"] = 3, ["group"] = 2, ["account"] = 2 }, stats.ResourcesByType);
        Assert.Equal(7, stats.Resources);
        Assert.Equal(4, stats.Entitlements);
        Assert.Equal(8, stats.Grants);
    }

    [Fact]
    public void Complete_OverAnExistingFile_ReplacesItAndLeavesNoScratchFiles()
    {
        var target = _temp.File("org.c1z");
        File.WriteAllText(target, "the previous file");

        new C1zSample().WriteTo(target, _time);

        using (var reader = C1zReader.Open(target))
        {
            Assert.Equal(8, reader.ReadStats().Grants);
        }

        Assert.Equal(["org.c1z"], Directory.GetFiles(_temp.Path).Select(Path.GetFileName));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(target));
        }
    }

    [Fact]
    public void Dispose_WithoutComplete_LeavesThePreviousFileByteForByteAndNoScratchFiles()
    {
        var target = _temp.File("org.c1z");
        new C1zSample().WriteTo(target, _time);
        var before = File.ReadAllBytes(target);

        using (var writer = C1zWriter.Create(target, _time))
        {
            writer.AddResourceType(C1zSample.UserType);
            writer.AddResource(new C1zSample().Ada);
        }

        Assert.Equal(before, File.ReadAllBytes(target));
        Assert.Equal(["org.c1z"], Directory.GetFiles(_temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Complete_GrantToAPrincipalNeverWritten_ThrowsNamingItAndLeavesTheTargetUntouched()
    {
        var target = _temp.File("org.c1z");
        var sample = new C1zSample();
        using var writer = C1zWriter.Create(target, _time);
        writer.AddResourceType(C1zSample.UserType);
        writer.AddResourceType(C1zSample.GroupType);
        writer.AddResource(sample.Resources.Single(resource => resource.Id.Resource == "00gadmins"));
        writer.AddEntitlement(sample.AdminsMember);
        writer.AddGrant(BatonGrant.Create(sample.AdminsMember, C1zSample.Id("user", "00ughost")));

        var error = Assert.Throws<C1zException>(() => writer.Complete());

        Assert.Equal(
            $"Cannot write '{target}': grant 'group:00gadmins:member:user:00ughost' is to principal 'user:00ughost', which was not written as a resource.",
            error.Message);
        Assert.False(File.Exists(target));
    }

    [Theory]
    [InlineData("entitlement")]
    [InlineData("resource type")]
    [InlineData("parent")]
    public void Complete_OtherDanglingReferences_ThrowNamingThem(string dangling)
    {
        var sample = new C1zSample();
        using var writer = C1zWriter.Create(_temp.File("org.c1z"), _time);
        writer.AddResourceType(C1zSample.UserType);
        writer.AddResource(sample.Ada);
        switch (dangling)
        {
            case "entitlement":
                writer.AddGrant(BatonGrant.Create(sample.AdminsMember, sample.Ada.Id));
                break;
            case "resource type":
                writer.AddResource(new BatonResource(C1zSample.Id("group", "00gx"), "X"));
                break;
            default:
                writer.AddResource(new BatonResource(C1zSample.Id("user", "00uchild"), "Child", Parent: C1zSample.Id("user", "00umissing")));
                break;
        }

        var error = Assert.Throws<C1zException>(() => writer.Complete());

        Assert.Contains(
            dangling switch
            {
                "entitlement" => "grant 'group:00gadmins:member:user:00uada' is of entitlement 'group:00gadmins:member', which was not written.",
                "resource type" => "resource 'group:00gx' has resource type 'group', which was not written.",
                _ => "resource 'user:00uchild' has parent 'user:00umissing', which was not written as a resource.",
            },
            error.Message,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Complete_GrantFromAnEntitlementNeverWritten_ThrowsNamingBoth(bool asExpansion)
    {
        var sample = new C1zSample();
        using var writer = C1zWriter.Create(_temp.File("org.c1z"), _time);
        foreach (var resourceType in sample.ResourceTypes)
        {
            writer.AddResourceType(resourceType);
        }

        foreach (var resource in sample.Resources)
        {
            writer.AddResource(resource);
        }

        writer.AddEntitlement(sample.ProdAdmin);
        writer.AddGrant(asExpansion
            ? BatonGrant.Create(sample.ProdAdmin, C1zSample.Id("group", "00gadmins"), expandable: new BatonGrantExpandable(["group:00gadmins:member"]))
            : BatonGrant.Create(sample.ProdAdmin, sample.Ada.Id, [new BatonGrantSource("group:00gadmins:member")]));

        var error = Assert.Throws<C1zException>(() => writer.Complete());

        Assert.EndsWith(
            $"grant 'account:123456789012:Admin:{(asExpansion ? "group:00gadmins" : "user:00uada")}' comes from entitlement 'group:00gadmins:member', which was not written.",
            error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void AddGrant_SameIdTwice_ThrowsNamingTheGrant()
    {
        var sample = new C1zSample();
        using var writer = C1zWriter.Create(_temp.File("org.c1z"), _time);
        writer.AddGrant(sample.Grants[0]);

        var error = Assert.Throws<InvalidOperationException>(() => writer.AddGrant(sample.Grants[0]));

        Assert.StartsWith("The grant 'group:00gadmins:member:user:00uada' was already written to ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddEntitlement_GrantableToATypeNotYetAdded_Throws()
    {
        using var writer = C1zWriter.Create(_temp.File("org.c1z"), _time);
        writer.AddResourceType(C1zSample.GroupType);

        var error = Assert.Throws<InvalidOperationException>(() => writer.AddEntitlement(C1zSample.Member(new C1zSample().Resources[3])));

        Assert.Equal(
            "Entitlement 'group:00gadmins:member' is grantable to resource type 'user', which has not been added; add resource types first.",
            error.Message);
    }

    [Fact]
    public void Create_InADirectoryThatDoesNotExist_ThrowsNamingIt()
    {
        var target = Path.Combine(_temp.Path, "missing", "org.c1z");

        var error = Assert.Throws<C1zException>(() => C1zWriter.Create(target, _time));

        Assert.Equal($"Cannot write '{target}': the directory '{Path.Combine(_temp.Path, "missing")}' does not exist.", error.Message);
    }

    [Fact]
    public void Open_WithSyncIdOfAnotherRun_ThrowsNamingIt()
    {
        new C1zSample().WriteTo(_temp.File("org.c1z"), _time);

        var error = Assert.Throws<C1zException>(() => C1zReader.Open(_temp.File("org.c1z"), new C1zReaderOptions { SyncId = "2abc" }));

        Assert.Equal($"'{_temp.File("org.c1z")}' has no sync run '2abc'.", error.Message);
    }

    [Fact]
    public void Dispose_Reader_RemovesItsDecompressedCopy()
    {
        new C1zSample().WriteTo(_temp.File("org.c1z"), _time);
        var scratch = Directory.CreateDirectory(_temp.File("scratch")).FullName;

        var reader = C1zReader.Open(_temp.File("org.c1z"), new C1zReaderOptions { TempDirectory = scratch });
        Assert.Single(Directory.GetDirectories(scratch));
        reader.Dispose();

        Assert.Empty(Directory.GetFileSystemEntries(scratch));
    }
}

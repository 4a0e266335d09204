using System.Text.Json;
using BatonOktaAws.Store.C1z;

namespace BatonOktaAws.Store.Tests.C1z;

/// <summary>
/// A small org in Baton's model with every shape the writer handles: users with several emails, statuses and
/// profiles of every JSON kind; groups; accounts with roles nested under them; grants held directly, through a
/// group, both ways, and an expandable group grant.
/// </summary>
internal sealed class C1zSample
{
    public static readonly BatonResourceType UserType = new("user", "User", [BatonTrait.User]);
    public static readonly BatonResourceType GroupType = new("group", "Group", [BatonTrait.Group]);
    public static readonly BatonResourceType AccountType = new("account", "AWS Account", [BatonTrait.App]);

    // Reflection on purpose, for test records only: the test host runs with reflection-based serialization off
    // by default (as the Native AOT build of the command line does), so it is asked for by name here.
    private static readonly JsonSerializerOptions CanonicalJson = new()
    {
        WriteIndented = true,
        Converters = { new ProfileAsJson() },
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    };

    public IReadOnlyList<BatonResourceType> ResourceTypes { get; } = [UserType, GroupType, AccountType];

    public IReadOnlyList<BatonResource> Resources { get; }

    public IReadOnlyList<BatonEntitlement> Entitlements { get; }

    public IReadOnlyList<BatonGrant> Grants { get; }

    public BatonResource Ada { get; }

    public BatonEntitlement AdminsMember { get; }

    public BatonEntitlement ProdAdmin { get; }

    public C1zSample()
    {
        Ada = new BatonResource(
            Id("user", "00uada"),
            "Ada Lovelace",
            User: new BatonUserTrait(
                [new BatonEmail("ada@example.com", IsPrimary: true), new BatonEmail("ada.l@example.org", IsPrimary: false)],
                "ada@example.com",
                BatonUserStatus.Enabled,
                BatonProfile.FromJson("""{"firstName":"Ada","lastName":"Lovelace","oktaStatus":"ACTIVE","level":3,"manager":null,"contractor":false,"costCenters":["A1","B2"],"address":{"city":"London"}}""")));
        var grace = new BatonResource(
            Id("user", "00ugrace"),
            "Grace Hopper",
            User: new BatonUserTrait([new BatonEmail("grace@example.com", true)], "grace@example.com", BatonUserStatus.Disabled,
                BatonProfile.FromStrings([KeyValuePair.Create("oktaStatus", (string?)"SUSPENDED")])));
        var linus = new BatonResource(
            Id("user", "00ulinus"),
            "Linus \"Tux\" Torvalds — ünïcødé",
            User: new BatonUserTrait([], null, BatonUserStatus.Deleted));
        var admins = new BatonResource(
            Id("group", "00gadmins"),
            "AWS Admins",
            Description: "People who run production",
            Group: new BatonGroupTrait(BatonProfile.FromStrings([KeyValuePair.Create("groupType", (string?)"OKTA_GROUP")])));
        var readers = new BatonResource(Id("group", "00greaders"), "AWS Readers", Group: new BatonGroupTrait());
        var prod = new BatonResource(Id("account", "123456789012"), "Production (123456789012)");
        var dev = new BatonResource(Id("account", "210987654321"), "Development", Parent: prod.Id);
        Resources = [Ada, grace, linus, admins, readers, prod, dev];

        AdminsMember = Member(admins);
        var readersMember = Member(readers);
        ProdAdmin = BatonEntitlement.Create(prod.Id, "Admin", "Admin", "May assume Admin in 123456789012", BatonEntitlementPurpose.Permission, ["user", "group"]);
        var devReadOnly = BatonEntitlement.Create(dev.Id, "ReadOnly", "ReadOnly", "May assume ReadOnly in 210987654321", BatonEntitlementPurpose.Permission, ["user", "group"]);
        Entitlements = [AdminsMember, readersMember, ProdAdmin, devReadOnly];

        Grants =
        [
            BatonGrant.Create(AdminsMember, Ada.Id),
            BatonGrant.Create(AdminsMember, grace.Id),
            BatonGrant.Create(readersMember, linus.Id),

            // The group's own role, expandable: membership alone gives it (joinAllRoles).
            BatonGrant.Create(ProdAdmin, admins.Id, expandable: new BatonGrantExpandable([AdminsMember.Id])),
            BatonGrant.Create(devReadOnly, readers.Id, expandable: new BatonGrantExpandable([readersMember.Id], Shallow: true)),

            // Ada holds Admin directly and through the group; Grace only through the group.
            BatonGrant.Create(ProdAdmin, Ada.Id, [new BatonGrantSource(ProdAdmin.Id), new BatonGrantSource(AdminsMember.Id)]),
            BatonGrant.Create(ProdAdmin, grace.Id, [new BatonGrantSource(AdminsMember.Id)]),
            BatonGrant.Create(devReadOnly, linus.Id, [new BatonGrantSource(readersMember.Id, IsDirect: true)]),
        ];
    }

    public static BatonResourceId Id(string type, string id) => new(type, id);

    public static BatonEntitlement Member(BatonResource group) =>
        BatonEntitlement.Create(group.Id, "member", $"{group.DisplayName} member", $"Member of {group.DisplayName}", BatonEntitlementPurpose.Assignment, ["user"]);

    public C1zWriteResult WriteTo(string path, TimeProvider time)
    {
        using var writer = C1zWriter.Create(path, time);
        foreach (var resourceType in ResourceTypes)
        {
            writer.AddResourceType(resourceType);
        }

        foreach (var resource in Resources)
        {
            writer.AddResource(resource);
        }

        foreach (var entitlement in Entitlements)
        {
            writer.AddEntitlement(entitlement);
        }

        foreach (var grant in Grants)
        {
            writer.AddGrant(grant);
        }

        return writer.Complete();
    }

    /// <summary>Records holding lists and profiles have no value equality: compare their JSON.</summary>
    public static string Canonical<T>(IEnumerable<T> items) => JsonSerializer.Serialize(items, CanonicalJson);

    private sealed class ProfileAsJson : System.Text.Json.Serialization.JsonConverter<BatonProfile>
    {
        public override BatonProfile Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, BatonProfile value, JsonSerializerOptions options) =>
            writer.WriteRawValue(value.ToJson());
    }
}

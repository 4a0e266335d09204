using BatonOktaAws.Store.Model;

namespace BatonOktaAws.Store.Tests;

/// <summary>
/// A small sync written straight through the store: alice may assume Admin in account 123456789012 directly and
/// through the Admins group via the prod app, and directly via the staging app; bob may assume ReadOnly through Admins.
/// </summary>
internal static class SampleData
{
    public static void Write(SyncFileWriter writer)
    {
        using var batch = writer.BeginBatch();
        batch.PutAwsApp(App("0oaprod", "AWS (prod)"), ["Admin", "ReadOnly"]);
        batch.PutAwsApp(App("0oastage", "AWS (staging)"), []);
        batch.UpsertUser(new UserRecord("00ualice", "Alice", "alice@x.example", "alice@x.example", null, "ACTIVE"));
        batch.UpsertUser(new UserRecord("00ubob", "Bob", "bob@x.example", "bob@x.example", null, "SUSPENDED"));
        batch.UpsertGroup(new GroupRecord("00gadmins", "Admins", null, "OKTA_GROUP"));
        batch.UpsertAccount(new AccountRecord("123456789012", "AWS account 123456789012"));
        var admin = Role("Admin");
        var read = Role("ReadOnly");
        batch.AddEntitlement(admin);
        batch.AddEntitlement(read);
        batch.AddGrant(Grant(admin, "user", "00ualice"), "0oaprod", "direct");
        batch.AddGrant(Grant(admin, "user", "00ualice"), "0oaprod", "group:00gadmins");
        batch.AddGrant(Grant(admin, "user", "00ualice"), "0oastage", "direct");
        batch.AddGrant(Grant(read, "user", "00ubob"), "0oaprod", "group:00gadmins");
        batch.AddGrant(Grant(admin, "group", "00gadmins"), "0oaprod", "direct");
        batch.Commit();
    }

    /// <summary>Users with nothing else, to make a file bigger.</summary>
    public static void Fill(SyncBatch batch, int users)
    {
        for (var i = 0; i < users; i++)
        {
            batch.UpsertUser(new UserRecord($"00ufill{i:D6}", $"Filler {i}", $"filler{i}@x.example", null, null, "ACTIVE"));
        }
    }

    public static EntitlementRecord Role(string role) =>
        new($"account:123456789012:{role}", "account", "123456789012", role, role, role);

    public static GrantRecord Grant(EntitlementRecord entitlement, string principalType, string principalId) =>
        new($"{entitlement.Id}:{principalType}:{principalId}", entitlement.Id, entitlement.ResourceType, entitlement.ResourceId, principalType, principalId);

    public static GrantRecord Membership(string groupId, string userId) =>
        new($"group:{groupId}:member:user:{userId}", $"group:{groupId}:member", "group", groupId, "user", userId);

    private static AwsAppRecord App(string id, string label) =>
        new(id, "amazon_aws", label, "ACTIVE", "arn:aws:iam::123456789012:saml-provider/Okta", "123456789012", false, false, null, null, null, false, true, "{}");
}

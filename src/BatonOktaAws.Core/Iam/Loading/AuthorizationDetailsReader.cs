using System.Text.Json;
using BatonOktaAws.Core.Aws;
using BatonOktaAws.Core.Iam.Policies;
using static BatonOktaAws.Core.Iam.Loading.ExportValues;

namespace BatonOktaAws.Core.Iam.Loading;

/// <summary>
/// Reads one document of <c>get-account-authorization-details</c> output (GetAccountAuthorizationDetails in the
/// IAM API reference): <c>UserDetailList</c>, <c>GroupDetailList</c>, <c>RoleDetailList</c>, <c>Policies</c>,
/// <c>IsTruncated</c>, <c>Marker</c> (the CLI's <c>NextToken</c>).
/// </summary>
internal static class AuthorizationDetailsReader
{
    public static readonly string[] ListNames = ["RoleDetailList", "UserDetailList", "GroupDetailList", "Policies"];

    public static bool Recognizes(JsonElement document) =>
        document.ValueKind == JsonValueKind.Object && ListNames.Any(name => JsonFields.TryGet(document, name, out _));

    /// <exception cref="FormatException">The document does not read as authorization details.</exception>
    public static AuthorizationDetailsPage Read(JsonElement document)
    {
        var roles = Objects(document, "RoleDetailList", "the export").Select(ReadRole).ToList();
        var users = Objects(document, "UserDetailList", "the export").Select(ReadUser).ToList();
        var groups = Objects(document, "GroupDetailList", "the export").Select(ReadGroup).ToList();
        var policies = Objects(document, "Policies", "the export").Select(ReadPolicy).ToList();

        var arns = roles.Select(r => r.Arn).Concat(users.Select(u => u.Arn)).Concat(groups.Select(g => g.Arn))
            .Concat(policies.Where(p => !p.IsAwsManaged).Select(p => p.Arn)).ToList();
        var accounts = arns.Select(arn => AwsAccountId.TryFromArn(arn, out var id) ? id : throw new FormatException($"'{arn}' is not an IAM ARN with an account id"))
            .Distinct().ToList();
        if (accounts.Count > 1)
        {
            throw new FormatException($"one document holds ARNs of several accounts ({string.Join(", ", accounts)}); get-account-authorization-details describes one account per call");
        }

        var truncated = OptionalBool(document, "IsTruncated", "the export")
            || !string.IsNullOrEmpty(OptionalString(document, "NextToken", "the export"));
        return new AuthorizationDetailsPage
        {
            AccountId = accounts.Count == 1 ? accounts[0] : null,
            Partition = arns.Select(IamArn.Partition).FirstOrDefault(p => p is not null),
            Roles = roles,
            Users = users,
            Groups = groups,
            Policies = policies,
            Truncated = truncated,
        };
    }

    private static IamRole ReadRole(JsonElement role)
    {
        var name = RequiredString(role, "RoleName", "a RoleDetailList entry");
        var what = $"role '{name}'";
        if (!JsonFields.TryGet(role, "AssumeRolePolicyDocument", out var trust) || trust.ValueKind == JsonValueKind.Null)
        {
            throw new FormatException($"{what} has no AssumeRolePolicyDocument");
        }

        return new IamRole
        {
            Arn = RequiredString(role, "Arn", what),
            Name = name,
            Path = OptionalString(role, "Path", what) ?? "/",
            RoleId = OptionalString(role, "RoleId", what),
            CreateDate = OptionalDate(role, "CreateDate", what),
            TrustPolicy = Document(trust, $"{what} AssumeRolePolicyDocument"),
            AttachedPolicies = Attached(role, what),
            InlinePolicies = Inline(role, "RolePolicyList", what),
            PermissionsBoundaryArn = Boundary(role, what),
            LastUsed = JsonFields.TryGet(role, "RoleLastUsed", out var lastUsed) && lastUsed.ValueKind == JsonValueKind.Object
                ? new RoleLastUsed(OptionalDate(lastUsed, "LastUsedDate", $"{what} RoleLastUsed"), OptionalString(lastUsed, "Region", $"{what} RoleLastUsed"))
                : null,
        };
    }

    private static IamUser ReadUser(JsonElement user)
    {
        var name = RequiredString(user, "UserName", "a UserDetailList entry");
        var what = $"user '{name}'";
        return new IamUser
        {
            Arn = RequiredString(user, "Arn", what),
            Name = name,
            Path = OptionalString(user, "Path", what) ?? "/",
            UserId = OptionalString(user, "UserId", what),
            CreateDate = OptionalDate(user, "CreateDate", what),
            GroupNames = JsonFields.TryGet(user, "GroupList", out var groups) && groups.ValueKind != JsonValueKind.Null
                ? JsonFields.StringOrList(groups, $"{what} GroupList")
                : [],
            AttachedPolicies = Attached(user, what),
            InlinePolicies = Inline(user, "UserPolicyList", what),
            PermissionsBoundaryArn = Boundary(user, what),
        };
    }

    private static IamGroup ReadGroup(JsonElement group)
    {
        var name = RequiredString(group, "GroupName", "a GroupDetailList entry");
        var what = $"group '{name}'";
        return new IamGroup
        {
            Arn = RequiredString(group, "Arn", what),
            Name = name,
            Path = OptionalString(group, "Path", what) ?? "/",
            GroupId = OptionalString(group, "GroupId", what),
            CreateDate = OptionalDate(group, "CreateDate", what),
            AttachedPolicies = Attached(group, what),
            InlinePolicies = Inline(group, "GroupPolicyList", what),
        };
    }

    private static IamManagedPolicy ReadPolicy(JsonElement policy)
    {
        var name = RequiredString(policy, "PolicyName", "a Policies entry");
        var what = $"managed policy '{name}'";
        var defaultVersionId = OptionalString(policy, "DefaultVersionId", what);
        var versions = Objects(policy, "PolicyVersionList", what);

        // The version in force: IsDefaultVersion, or failing that the DefaultVersionId.
        var current = versions.FirstOrDefault(v => OptionalBool(v, "IsDefaultVersion", what));
        if (current.ValueKind == JsonValueKind.Undefined && defaultVersionId is not null)
        {
            current = versions.FirstOrDefault(v => OptionalString(v, "VersionId", what) == defaultVersionId);
        }

        PolicyDocument? document = null;
        if (current.ValueKind == JsonValueKind.Object && JsonFields.TryGet(current, "Document", out var documentElement) && documentElement.ValueKind != JsonValueKind.Null)
        {
            document = Document(documentElement, $"{what} version {OptionalString(current, "VersionId", what) ?? defaultVersionId}");
        }

        return new IamManagedPolicy
        {
            Arn = RequiredString(policy, "Arn", what),
            Name = name,
            Path = OptionalString(policy, "Path", what) ?? "/",
            PolicyId = OptionalString(policy, "PolicyId", what),
            DefaultVersionId = defaultVersionId,
            CreateDate = OptionalDate(policy, "CreateDate", what),
            UpdateDate = OptionalDate(policy, "UpdateDate", what),
            DefaultDocument = document,
        };
    }

    private static List<AttachedPolicy> Attached(JsonElement entity, string what) =>
        [.. Objects(entity, "AttachedManagedPolicies", what).Select(p =>
            new AttachedPolicy(RequiredString(p, "PolicyName", $"{what} AttachedManagedPolicies"), RequiredString(p, "PolicyArn", $"{what} AttachedManagedPolicies")))];

    private static List<InlinePolicy> Inline(JsonElement entity, string listName, string what) =>
        [.. Objects(entity, listName, what).Select(p =>
        {
            var name = RequiredString(p, "PolicyName", $"{what} {listName}");
            return JsonFields.TryGet(p, "PolicyDocument", out var document) && document.ValueKind != JsonValueKind.Null
                ? new InlinePolicy(name, Document(document, $"{what} inline policy '{name}'"))
                : throw new FormatException($"{what} inline policy '{name}' has no PolicyDocument");
        })];

    private static string? Boundary(JsonElement entity, string what) =>
        JsonFields.TryGet(entity, "PermissionsBoundary", out var boundary) && boundary.ValueKind == JsonValueKind.Object
            ? OptionalString(boundary, "PermissionsBoundaryArn", $"{what} PermissionsBoundary")
            : null;

    private static PolicyDocument Document(JsonElement value, string what)
    {
        try
        {
            return PolicyDocumentParser.Parse(value);
        }
        catch (FormatException ex)
        {
            throw new FormatException($"{what}: {ex.Message}", ex);
        }
    }
}

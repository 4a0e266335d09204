using BatonOktaAws.Core.Iam.Policies;

namespace BatonOktaAws.Core.Iam.Analysis;

/// <summary>
/// Everything that decides what a role or user may do, as far as the export shows it: identity statements
/// (attached managed policies' default versions and inline policies; for a user also its groups'), the
/// permissions boundary, and the policies whose documents the export lacks.
/// </summary>
internal sealed record PrincipalPolicies
{
    public required IReadOnlyList<SourcedStatement> Identity { get; init; }

    /// <summary>Null when the principal has no boundary, or its document is not in the export (then see <see cref="BoundaryUnevaluated"/>).</summary>
    public IReadOnlyList<SourcedStatement>? Boundary { get; init; }

    public string? BoundaryArn { get; init; }

    public PolicySource? BoundarySource { get; init; }

    public bool BoundaryUnevaluated { get; init; }

    /// <summary>ARNs of attached managed policies (and a boundary) the export has no document for.</summary>
    public IReadOnlyList<string> MissingDocuments { get; init; } = [];

    /// <summary>Names of a user's groups that the export does not describe.</summary>
    public IReadOnlyList<string> MissingGroups { get; init; } = [];

    /// <summary>Customer managed policies attached to the principal (or its groups): rewriting one of them is escalation.</summary>
    public IReadOnlyList<string> AttachedCustomerPolicyArns { get; init; } = [];

    public static PrincipalPolicies ForRole(IamRole role, Func<string, IamManagedPolicy?> findPolicy)
    {
        var collector = new Collector(findPolicy);
        collector.Add(role.AttachedPolicies, role.InlinePolicies, viaGroup: null);
        return collector.Build(role.PermissionsBoundaryArn);
    }

    public static PrincipalPolicies ForUser(IamUser user, Func<string, IamManagedPolicy?> findPolicy, Func<string, IamGroup?> findGroup)
    {
        var collector = new Collector(findPolicy);
        collector.Add(user.AttachedPolicies, user.InlinePolicies, viaGroup: null);
        foreach (var groupName in user.GroupNames)
        {
            if (findGroup(groupName) is { } group)
            {
                collector.Add(group.AttachedPolicies, group.InlinePolicies, group.Name);
            }
            else
            {
                collector.MissingGroups.Add(groupName);
            }
        }

        return collector.Build(user.PermissionsBoundaryArn);
    }

    private sealed class Collector(Func<string, IamManagedPolicy?> findPolicy)
    {
        private readonly List<SourcedStatement> _identity = [];
        private readonly List<string> _missing = [];
        private readonly List<string> _customer = [];

        public List<string> MissingGroups { get; } = [];

        public void Add(IReadOnlyList<AttachedPolicy> attached, IReadOnlyList<InlinePolicy> inline, string? viaGroup)
        {
            foreach (var policy in attached)
            {
                if (!policy.IsAwsManaged)
                {
                    _customer.Add(policy.Arn);
                }

                var (document, builtIn) = Document(policy.Arn);
                if (document is null)
                {
                    _missing.Add(policy.Arn);
                    continue;
                }

                var source = new PolicySource(PolicySourceKind.Managed, policy.Name, policy.Arn) { ViaGroup = viaGroup, BuiltInDocument = builtIn };
                _identity.AddRange(document.Statements.Select(s => new SourcedStatement(s, source)));
            }

            foreach (var policy in inline)
            {
                var source = new PolicySource(PolicySourceKind.Inline, policy.Name, null) { ViaGroup = viaGroup };
                _identity.AddRange(policy.Document.Statements.Select(s => new SourcedStatement(s, source)));
            }
        }

        public PrincipalPolicies Build(string? boundaryArn)
        {
            IReadOnlyList<SourcedStatement>? boundary = null;
            PolicySource? boundarySource = null;
            var boundaryUnevaluated = false;
            if (boundaryArn is not null)
            {
                var (document, builtIn) = Document(boundaryArn);
                if (document is null)
                {
                    boundaryUnevaluated = true;
                    _missing.Add(boundaryArn);
                }
                else
                {
                    boundarySource = new PolicySource(PolicySourceKind.Boundary, boundaryArn.Split('/')[^1], boundaryArn) { BuiltInDocument = builtIn };
                    boundary = [.. document.Statements.Select(s => new SourcedStatement(s, boundarySource))];
                }
            }

            return new PrincipalPolicies
            {
                Identity = _identity,
                Boundary = boundary,
                BoundaryArn = boundaryArn,
                BoundarySource = boundarySource,
                BoundaryUnevaluated = boundaryUnevaluated,
                MissingDocuments = [.. _missing.Distinct(StringComparer.Ordinal)],
                MissingGroups = MissingGroups,
                AttachedCustomerPolicyArns = [.. _customer.Distinct(StringComparer.Ordinal)],
            };
        }

        private (PolicyDocument? Document, bool BuiltIn) Document(string arn)
        {
            if (findPolicy(arn)?.DefaultDocument is { } document)
            {
                return (document, false);
            }

            return KnownAwsPolicies.Document(arn) is { } known ? (known, true) : (null, false);
        }
    }
}

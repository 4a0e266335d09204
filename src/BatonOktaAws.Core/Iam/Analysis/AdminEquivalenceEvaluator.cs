namespace BatonOktaAws.Core.Iam.Analysis;

/// <summary>
/// Decides admin-equivalence in three tiers, reporting the strongest that holds: every action on every
/// resource; every IAM action on every resource; the steps of a documented escalation method
/// (<see cref="EscalationMethods"/>). Each check goes through <see cref="PermissionEvaluator"/>, so Denies and
/// the permissions boundary apply to AdministratorAccess as to anything else.
/// </summary>
internal sealed class AdminEquivalenceEvaluator
{
    // Actions no policy names: a statement allows them only through a wildcard that covers every action
    // (of every service, or of IAM).
    private const string AnyServiceAction = "baton-okta-aws-probe:ProbeAction";
    private const string AnyIamAction = "iam:BatonOktaAwsProbeAction";

    private readonly PrincipalPolicies _policies;
    private readonly PermissionEvaluator _evaluator;
    private readonly ProbeResources _probes;
    private readonly PrincipalSelf _self;

    public AdminEquivalenceEvaluator(PrincipalPolicies policies, string partition, string account, PrincipalSelf self)
    {
        _policies = policies;
        _evaluator = new PermissionEvaluator(policies);
        _probes = new ProbeResources(partition, account);
        _self = self;
    }

    public AdminEquivalence Evaluate()
    {
        var reasons = new List<AdminReason>();
        var defeated = new List<AdminReason>();

        var anything = _evaluator.Evaluate(AnyServiceAction, ResourceTarget.Every(_probes.Anything));
        var anyIam = _evaluator.Evaluate(AnyIamAction, ResourceTarget.Every(_probes.Anything));
        if (anything.IsAllowed && anyIam.IsAllowed)
        {
            reasons.AddRange(Tiered(anything, anyIam, "*", AdminReasonKind.AdministratorAccessAttached, AdminReasonKind.AllActions));
        }
        else
        {
            if (anything.Defeat is not null || (anything.IsAllowed && anyIam.Defeat is not null))
            {
                defeated.AddRange(Tiered(anything, anyIam, "*", AdminReasonKind.AdministratorAccessAttached, AdminReasonKind.AllActions)
                    .Select(r => r with { DefeatedBy = anything.Defeat ?? anyIam.Defeat }));
            }

            var iam = _evaluator.Evaluate(AnyIamAction, ResourceTarget.Every(_probes.AnyIam));
            if (iam.IsAllowed)
            {
                reasons.AddRange(Tiered(iam, iam, "iam:*", AdminReasonKind.IamFullAccessAttached, AdminReasonKind.AllIamActions));
            }
            else
            {
                if (iam.Defeat is not null && defeated.Count == 0)
                {
                    defeated.AddRange(Tiered(iam, iam, "iam:*", AdminReasonKind.IamFullAccessAttached, AdminReasonKind.AllIamActions)
                        .Select(r => r with { DefeatedBy = iam.Defeat }));
                }

                // Report only the strongest defeated grant: AdministratorAccess under a boundary is one finding, not 20.
                Escalations(reasons, defeated.Count == 0 ? defeated : []);
            }
        }

        return new AdminEquivalence
        {
            Reasons = reasons,
            Defeated = defeated,
            UnevaluatedPolicyArns = _policies.MissingDocuments,
            MissingGroups = _policies.MissingGroups,
            PermissionsBoundaryArn = _policies.BoundaryArn,
            BoundaryEvaluated = _policies.Boundary is not null,
        };
    }

    private void Escalations(List<AdminReason> reasons, List<AdminReason> defeated)
    {
        foreach (var method in EscalationMethods.All)
        {
            var decisions = method.Steps.Select(step => _evaluator.Evaluate(step.Action, Target(step))).ToList();
            if (decisions.Any(d => d.Outcome == DecisionOutcome.NotGranted))
            {
                continue;
            }

            var reason = new AdminReason
            {
                Kind = AdminReasonKind.PrivilegeEscalation,
                Description = $"{method.Name}: {method.Description}",
                Actions = [.. method.Steps.Select(s => s.Action)],
                GrantedBy = [.. decisions.SelectMany(d => d.AllowedBy).Distinct()],
                Conditional = decisions.Any(d => d.Conditional),
            };
            if (decisions.FirstOrDefault(d => d.Defeat is not null) is { } blocked)
            {
                defeated.Add(reason with { DefeatedBy = blocked.Defeat });
            }
            else
            {
                reasons.Add(reason);
            }
        }
    }

    private ResourceTarget Target(EscalationStep step) => step.Target switch
    {
        EscalationTarget.NewResource => ResourceTarget.Some(_probes.AnyOfService(step.Action)),
        EscalationTarget.AnyRole => ResourceTarget.Every(_probes.Role),
        EscalationTarget.AnyRoleOrSelf => ResourceTarget.Every(_probes.Role, _self.RoleArn is null ? [] : [_self.RoleArn]),
        EscalationTarget.AnyUser => ResourceTarget.Every(_probes.User),
        EscalationTarget.AnyUserOrSelf => ResourceTarget.Every(_probes.User, _self.UserArn is null ? [] : [_self.UserArn]),
        EscalationTarget.AnyGroup => ResourceTarget.Every(_probes.Group),
        EscalationTarget.AnyGroupOrOwn => ResourceTarget.Every(_probes.Group, _self.GroupArns),
        EscalationTarget.AnyPolicyOrAttached => ResourceTarget.Every(_probes.Policy, _policies.AttachedCustomerPolicyArns),
        _ => throw new ArgumentOutOfRangeException(nameof(step), step.Target, "Unknown escalation target."),
    };

    /// <summary>
    /// One reason per policy behind the grant: "AdministratorAccess attached" for that AWS managed policy (or
    /// IAMFullAccess), "allows * on *" for any other.
    /// </summary>
    private static IEnumerable<AdminReason> Tiered(Decision first, Decision second, string actions, AdminReasonKind managedKind, AdminReasonKind otherKind)
    {
        var grants = first.AllowedBy.Concat(second.AllowedBy).Distinct().ToList();
        var conditional = first.Conditional || second.Conditional;
        foreach (var byPolicy in grants.GroupBy(g => g.Policy))
        {
            var isNamedManaged = byPolicy.Key.Arn is { } arn && byPolicy.Key.Kind == PolicySourceKind.Managed
                && (managedKind == AdminReasonKind.AdministratorAccessAttached ? KnownAwsPolicies.IsAdministratorAccess(arn) : KnownAwsPolicies.IsIamFullAccess(arn));
            var kind = isNamedManaged ? managedKind : otherKind;
            var via = byPolicy.Key.ViaGroup is { } group ? $" (through group '{group}')" : string.Empty;
            yield return new AdminReason
            {
                Kind = kind,
                Description = kind switch
                {
                    AdminReasonKind.AdministratorAccessAttached => $"the AWS managed policy AdministratorAccess is attached{via}: every action on every resource",
                    AdminReasonKind.IamFullAccessAttached => $"the AWS managed policy IAMFullAccess is attached{via}: every IAM action, so it can grant itself anything",
                    AdminReasonKind.AllActions => $"{byPolicy.Key} allows every action (*) on every resource",
                    _ => $"{byPolicy.Key} allows every IAM action (iam:*) on every resource, so it can grant itself anything",
                },
                Actions = [actions],
                GrantedBy = [.. byPolicy],
                Conditional = conditional,
            };
        }
    }
}

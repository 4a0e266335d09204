using BatonOktaAws.Core.Iam.Policies;

namespace BatonOktaAws.Core.Iam.Analysis;

/// <summary>
/// AWS's evaluation logic for one principal, cut down to what an export lets us decide: an action is allowed
/// when an identity statement allows it, no unconditional Deny (in the identity policies or the boundary)
/// matches, and the permissions boundary, when there is one, allows it too. Conditions are not evaluated: an
/// Allow with conditions still counts (the decision is marked conditional), a Deny with conditions does not
/// cancel anything. Service control policies, resource policies and session policies are not in the export.
/// </summary>
internal sealed class PermissionEvaluator(PrincipalPolicies policies)
{
    public Decision Evaluate(string action, ResourceTarget target)
    {
        if (target.AnyResource)
        {
            return Evaluate(action, target.Probe!, anyResource: true);
        }

        // The first resource on which the action is allowed decides; otherwise report the probe's outcome.
        Decision? first = null;
        foreach (var resource in new[] { target.Probe! }.Concat(target.Own))
        {
            var decision = Evaluate(action, resource, anyResource: false);
            if (decision.IsAllowed)
            {
                return decision;
            }

            first ??= decision;
        }

        return first!;
    }

    private Decision Evaluate(string action, string resource, bool anyResource)
    {
        bool Covers(PolicyStatement s) => s.MatchesAction(action) && (anyResource || s.MatchesResource(resource));

        var allows = policies.Identity.Where(s => s.Statement.Effect == PolicyEffect.Allow && Covers(s.Statement)).ToList();
        if (allows.Count == 0)
        {
            return new Decision(DecisionOutcome.NotGranted, []);
        }

        var allowedBy = allows.Select(s => s.Reference).ToList();

        // A Deny cancels only when it applies for sure: no conditions, and (for "some resource" grants) on every resource.
        var deny = policies.Identity.Concat(policies.Boundary ?? [])
            .FirstOrDefault(s => s.Statement.Effect == PolicyEffect.Deny && !s.Statement.HasConditions
                && s.Statement.MatchesAction(action) && s.Statement.MatchesResource(resource));
        if (deny is not null)
        {
            return new Decision(DecisionOutcome.ExplicitlyDenied, allowedBy) { DeniedBy = deny.Reference };
        }

        var conditional = allows.All(s => s.Statement.HasConditions);
        if (policies.Boundary is { } boundary)
        {
            var boundaryAllows = boundary.Where(s => s.Statement.Effect == PolicyEffect.Allow && Covers(s.Statement)).ToList();
            if (boundaryAllows.Count == 0)
            {
                return new Decision(DecisionOutcome.OutsideBoundary, allowedBy) { Boundary = policies.BoundarySource };
            }

            conditional |= boundaryAllows.All(s => s.Statement.HasConditions);
        }

        return new Decision(DecisionOutcome.Allowed, allowedBy) { Conditional = conditional };
    }
}

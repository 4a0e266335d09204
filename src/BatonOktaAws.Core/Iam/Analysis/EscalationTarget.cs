namespace BatonOktaAws.Core.Iam.Analysis;

/// <summary>What an escalation step must be allowed on to count (see docs/aws-iam.md, "Admin-equivalence").</summary>
public enum EscalationTarget
{
    /// <summary>Some resource: the step creates a resource whose name the caller chooses (a function, a stack).</summary>
    NewResource,

    /// <summary>Every role (<c>role/*</c> or <c>*</c>).</summary>
    AnyRole,

    /// <summary>Every role, or the principal's own role.</summary>
    AnyRoleOrSelf,

    /// <summary>Every user — "other users".</summary>
    AnyUser,

    /// <summary>Every user, or the principal itself when it is a user.</summary>
    AnyUserOrSelf,

    /// <summary>Every group.</summary>
    AnyGroup,

    /// <summary>Every group, or one the user is in.</summary>
    AnyGroupOrOwn,

    /// <summary>Every managed policy, or a customer managed policy attached to the principal.</summary>
    AnyPolicyOrAttached,
}

namespace BatonOktaAws.Core.Iam.Analysis;

internal enum DecisionOutcome
{
    Allowed,

    /// <summary>No identity statement allows it.</summary>
    NotGranted,

    /// <summary>An unconditional Deny (identity policy or boundary) matches.</summary>
    ExplicitlyDenied,

    /// <summary>Allowed by identity policies, but the permissions boundary does not allow it.</summary>
    OutsideBoundary,
}

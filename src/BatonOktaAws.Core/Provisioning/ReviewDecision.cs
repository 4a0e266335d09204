namespace BatonOktaAws.Core.Provisioning;

/// <summary>What a reviewer wrote in a review sheet's <c>decision</c> column.</summary>
public enum ReviewDecision
{
    /// <summary>Left blank: never a revoke.</summary>
    None,
    Keep,
    Revoke,
}

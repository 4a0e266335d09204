namespace BatonOktaAws.Core.Review.Findings;

/// <summary>One kind of finding: what it looks for in a sync, from the sync file alone.</summary>
public interface IFindingRule
{
    /// <summary>The codes this rule emits (stable; documented in docs/findings.md).</summary>
    IReadOnlyList<string> Codes { get; }

    IEnumerable<Finding> Find(ReviewSnapshot sync);
}

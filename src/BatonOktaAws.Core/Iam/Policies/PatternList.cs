namespace BatonOktaAws.Core.Iam.Policies;

/// <summary>
/// An <c>Action</c>/<c>NotAction</c> or <c>Resource</c>/<c>NotResource</c> element: its patterns, and whether it
/// is the negated form. <see cref="Absent"/> stands for an element the statement does not have (trust policies
/// carry no <c>Resource</c>), which matches everything.
/// </summary>
public sealed record PatternList(IReadOnlyList<string> Patterns, bool Negated)
{
    public static PatternList Absent { get; } = new([], Negated: true);

    public bool Matches(string value, StringComparison comparison)
    {
        var listed = Patterns.Any(p => Wildcard.Matches(p, value, comparison));
        return Negated ? !listed : listed;
    }

    public override string ToString() => (Negated ? "not " : string.Empty) + "[" + string.Join(", ", Patterns) + "]";
}

namespace BatonOktaAws.Core.Baton;

/// <summary>Through what a grant is held: <c>direct</c>, or <c>group:&lt;groupId&gt;</c> for access that comes through a group.</summary>
public sealed record GrantSource
{
    public const string DirectValue = "direct";
    private const string GroupPrefix = "group:";

    private GrantSource(string value) => Value = value;

    public static GrantSource Direct { get; } = new(DirectValue);

    public string Value { get; }

    /// <summary>The group the access comes through, or null for a direct grant.</summary>
    public string? GroupId => Value.StartsWith(GroupPrefix, StringComparison.Ordinal) ? Value[GroupPrefix.Length..] : null;

    public static GrantSource Group(string groupId) => new(GroupPrefix + groupId);

    public static GrantSource Parse(string value) =>
        value == DirectValue ? Direct
        : value.StartsWith(GroupPrefix, StringComparison.Ordinal) && value.Length > GroupPrefix.Length ? new GrantSource(value)
        : throw new FormatException($"'{value}' is not a grant source (expected 'direct' or 'group:<groupId>').");

    public override string ToString() => Value;
}

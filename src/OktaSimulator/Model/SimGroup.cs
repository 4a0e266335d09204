namespace OktaSimulator.Model;

/// <summary>An Okta group and its members (user ids, kept sorted so member lists page by cursor).</summary>
public sealed class SimGroup
{
    public required string Id { get; init; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public string Type { get; init; } = GroupType.OktaGroup;

    /// <summary>For an APP_GROUP, the app it was imported from (served as <c>_links.source</c>).</summary>
    public string? SourceAppId { get; init; }
    public DateTimeOffset Created { get; init; }
    public DateTimeOffset LastUpdated { get; set; }
    public DateTimeOffset LastMembershipUpdated { get; set; }
    public SortedSet<string> Members { get; } = new(StringComparer.Ordinal);
}

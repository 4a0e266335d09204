namespace OktaSimulator.Model;

/// <summary>A resource set: the resources a custom role applies to, and its bindings (role id → members).</summary>
public sealed class SimResourceSet
{
    public required string Id { get; init; }
    public required string Label { get; init; }
    public string Description { get; init; } = string.Empty;
    public DateTimeOffset Created { get; init; }
    public List<ResourceSetResource> Resources { get; } = [];

    /// <summary>Custom role id → members, both in id order so they page by cursor.</summary>
    public SortedDictionary<string, SortedDictionary<string, ResourceSetBindingMember>> Bindings { get; } = new(StringComparer.Ordinal);
}

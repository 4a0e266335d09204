namespace BatonOktaAws.Store.C1z;

/// <summary>A Baton resource type, e.g. <c>user</c> with the <see cref="BatonTrait.User"/> trait.</summary>
public sealed record BatonResourceType
{
    public BatonResourceType(string id, string displayName, IReadOnlyList<BatonTrait> traits)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(displayName);
        ArgumentNullException.ThrowIfNull(traits);
        Id = id;
        DisplayName = displayName;
        Traits = traits;
    }

    public string Id { get; }

    public string DisplayName { get; }

    public IReadOnlyList<BatonTrait> Traits { get; }
}

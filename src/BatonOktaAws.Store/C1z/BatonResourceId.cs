namespace BatonOktaAws.Store.C1z;

/// <summary>A Baton resource id: the resource type's id and the resource's id within it.</summary>
public sealed record BatonResourceId
{
    public BatonResourceId(string resourceType, string resource)
    {
        ArgumentException.ThrowIfNullOrEmpty(resourceType);
        ArgumentException.ThrowIfNullOrEmpty(resource);
        ResourceType = resourceType;
        Resource = resource;
    }

    public string ResourceType { get; }

    public string Resource { get; }

    /// <summary><c>type:id</c>, the form Baton keys <c>v1_resources.external_id</c> by.</summary>
    public override string ToString() => $"{ResourceType}:{Resource}";
}

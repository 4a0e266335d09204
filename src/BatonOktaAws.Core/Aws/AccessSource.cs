namespace BatonOktaAws.Core.Aws;

/// <summary>Why a user may assume a role: a direct assignment, or membership of one group.</summary>
public readonly record struct AccessSource
{
    private AccessSource(string? groupId) => GroupId = groupId;

    public static AccessSource Direct => default;

    /// <summary>The group the access comes through; null for a direct assignment.</summary>
    public string? GroupId { get; }

    public bool IsDirect => GroupId is null;

    public static AccessSource Group(string groupId)
    {
        ArgumentException.ThrowIfNullOrEmpty(groupId);
        return new AccessSource(groupId);
    }

    public override string ToString() => GroupId is null ? "direct" : "group:" + GroupId;
}

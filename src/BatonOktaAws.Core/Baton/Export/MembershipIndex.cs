using BatonOktaAws.Store;

namespace BatonOktaAws.Core.Baton.Export;

/// <summary>The group memberships a sync read, by group and by user.</summary>
internal sealed class MembershipIndex
{
    private static readonly IReadOnlyList<string> None = [];
    private readonly Dictionary<string, List<string>> _membersOfGroup = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _groupsOfUser = new(StringComparer.Ordinal);

    public MembershipIndex(SyncView sync)
    {
        foreach (var membership in sync.Memberships())
        {
            Add(_membersOfGroup, membership.GroupId, membership.UserId);
            Add(_groupsOfUser, membership.UserId, membership.GroupId);
        }
    }

    public IReadOnlyList<string> MembersOf(string groupId) => _membersOfGroup.TryGetValue(groupId, out var members) ? members : None;

    public IReadOnlyList<string> GroupsOf(string userId) => _groupsOfUser.TryGetValue(userId, out var groups) ? groups : None;

    private static void Add(Dictionary<string, List<string>> index, string key, string value)
    {
        if (!index.TryGetValue(key, out var values))
        {
            values = [];
            index[key] = values;
        }

        values.Add(value);
    }
}

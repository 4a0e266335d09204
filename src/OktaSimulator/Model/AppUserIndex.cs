namespace OktaSimulator.Model;

/// <summary>
/// The app's users in id order and, for each, the assigned groups they are in (best priority first).
/// Rebuilt whenever the org changes, so membership changes show up in the derived app users at once.
/// </summary>
internal sealed class AppUserIndex
{
    public AppUserIndex(long version, string[] sortedUserIds, Dictionary<string, List<SimAppGroupAssignment>> groupsByUser)
    {
        Version = version;
        SortedUserIds = sortedUserIds;
        GroupsByUser = groupsByUser;
    }

    public long Version { get; }
    public string[] SortedUserIds { get; }
    public Dictionary<string, List<SimAppGroupAssignment>> GroupsByUser { get; }

    public static AppUserIndex Build(long version, SimApp app, IReadOnlyDictionary<string, SimGroup> groups)
    {
        var groupsByUser = new Dictionary<string, List<SimAppGroupAssignment>>(StringComparer.Ordinal);
        foreach (var assignment in app.GroupAssignments.Values)
        {
            if (!groups.TryGetValue(assignment.GroupId, out var group))
            {
                continue;
            }

            foreach (var member in group.Members)
            {
                if (!groupsByUser.TryGetValue(member, out var list))
                {
                    list = [];
                    groupsByUser[member] = list;
                }

                list.Add(assignment);
            }
        }

        foreach (var list in groupsByUser.Values)
        {
            list.Sort(ComparePriority);
        }

        var ids = new HashSet<string>(groupsByUser.Keys, StringComparer.Ordinal);
        ids.UnionWith(app.DirectAssignments.Keys);
        var sorted = ids.ToArray();
        Array.Sort(sorted, StringComparer.Ordinal);
        return new AppUserIndex(version, sorted, groupsByUser);
    }

    /// <summary>Lowest priority number first; equal priorities fall back to the group id so the order is total.</summary>
    public static int ComparePriority(SimAppGroupAssignment a, SimAppGroupAssignment b)
    {
        var byPriority = a.Priority.CompareTo(b.Priority);
        return byPriority != 0 ? byPriority : string.CompareOrdinal(a.GroupId, b.GroupId);
    }
}

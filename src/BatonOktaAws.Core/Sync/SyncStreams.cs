namespace BatonOktaAws.Core.Sync;

/// <summary>Names of the lists a sync reads; each is checkpointed under its name.</summary>
internal static class SyncStreams
{
    public const string AppUsers = "app-users";
    public const string AppGroups = "app-groups";
    public const string MappedGroups = "mapped-groups";
    public const string AllUsers = "users";
    public const string DeprovisionedUsers = "users-deprovisioned";

    public static string GroupMembers(string groupId) => "group-members:" + groupId;
}

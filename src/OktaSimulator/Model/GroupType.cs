namespace OktaSimulator.Model;

/// <summary>Okta group types: only <see cref="OktaGroup"/> memberships can be edited by an admin.</summary>
public static class GroupType
{
    public const string OktaGroup = "OKTA_GROUP";
    public const string AppGroup = "APP_GROUP";
    public const string BuiltIn = "BUILT_IN";
}

namespace OktaSimulator.Model;

/// <summary>How a user came to be assigned to an app.</summary>
public static class AppUserScope
{
    public const string User = "USER";
    public const string Group = "GROUP";
}

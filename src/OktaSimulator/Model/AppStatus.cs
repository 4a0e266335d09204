namespace OktaSimulator.Model;

/// <summary>An app instance's <c>status</c> as the Application schema spells it.</summary>
public static class AppStatus
{
    public const string Active = "ACTIVE";
    public const string Inactive = "INACTIVE";

    public static bool IsKnown(string status) => status is Active or Inactive;
}

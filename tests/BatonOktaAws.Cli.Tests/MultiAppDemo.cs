namespace BatonOktaAws.Cli.Tests;

/// <summary>Facts about the bundled demo estate the command-line tests rely on (its rows are listed in Core's MultiAppSyncTests).</summary>
internal static class MultiAppDemo
{
    /// <summary>Access rows of the three ACTIVE AWS apps: 10 in production, 8 in staging, 2 through group mapping.</summary>
    public const int AccessRows = 20;

    /// <summary>Users the sync reads: the 10 with AWS access and the 4 Okta admins who have none.</summary>
    public const int Users = 14;

    /// <summary>Findings of a demo sync, its bundled IAM exports included (docs/findings.md lists the codes).</summary>
    public const int Findings = 30;
}

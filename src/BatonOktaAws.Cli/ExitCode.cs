namespace BatonOktaAws.Cli;

/// <summary>The process exit codes, for cron and CI to act on. Each command's --help lists the ones it uses.</summary>
public static class ExitCode
{
    public const int Success = 0;

    /// <summary>The run failed (Okta error, unusable sync file, a provisioning line that failed or whose outcome is unknown).</summary>
    public const int Failure = 1;

    /// <summary>The command line or its environment variables are wrong; nothing was done.</summary>
    public const int UsageError = 2;

    /// <summary><c>access</c>, <c>resources</c>, <c>entitlements</c>, <c>grants</c>: a filter names something the file does not hold (not the same as "holds no access").</summary>
    public const int NotInSyncFile = 3;

    /// <summary><c>diff --exit-code</c>: who can assume what changed between the two syncs.</summary>
    public const int AccessChanged = 4;

    /// <summary><c>findings --fail-on</c> (and <c>report --fail-on</c>): a finding at or above the severity exists.</summary>
    public const int FindingsAtOrAbove = 5;

    /// <summary>Interrupted (Ctrl-C or SIGTERM), as shells report a process ended by SIGINT (128 + 2).</summary>
    public const int Cancelled = 130;

    /// <summary>What each code means, for help and the README.</summary>
    public static string Meaning(int code) => code switch
    {
        Success => "success",
        Failure => "failure: one line on standard error says why (Okta refused, the file is unusable, a change failed or its outcome is unknown)",
        UsageError => "usage error: a wrong or missing flag or variable; nothing was done",
        NotInSyncFile => "a filter (--user, --app, --account, --role; --resource-type, --resource, --entitlement) names something the file does not hold",
        AccessChanged => "diff --exit-code: access changed between the two syncs (0 when it did not)",
        FindingsAtOrAbove => "--fail-on: a finding at or above the severity exists (0 when none does)",
        Cancelled => "interrupted by Ctrl-C or SIGTERM; what was kept and how to continue is on standard error",
        _ => "unknown",
    };
}

namespace BatonOktaAws.Cli;

/// <summary>The process exit codes, for cron and CI to act on. Each command's --help lists the ones it uses.</summary>
public static class ExitCode
{
    public const int Success = 0;

    /// <summary>The run failed (Okta error, unusable sync file, a provisioning line that failed or whose outcome is unknown).</summary>
    public const int Failure = 1;

    /// <summary>The command line or its environment variables are wrong; nothing was done.</summary>
    public const int UsageError = 2;

    /// <summary><c>access</c>: a filter names a user, account or role that the sync file does not hold (not the same as "holds no access").</summary>
    public const int NotInSyncFile = 3;

    /// <summary>Interrupted (Ctrl-C or SIGTERM), as shells report a process ended by SIGINT (128 + 2).</summary>
    public const int Cancelled = 130;

    /// <summary>What each code means, for help and the README.</summary>
    public static string Meaning(int code) => code switch
    {
        Success => "success",
        Failure => "failure: one line on standard error says why (Okta refused, the file is unusable, a change failed or its outcome is unknown)",
        UsageError => "usage error: a wrong or missing flag or variable; nothing was done",
        NotInSyncFile => "a --user, --account or --role filter names something the sync file does not hold",
        Cancelled => "interrupted by Ctrl-C or SIGTERM; what was kept and how to continue is on standard error",
        _ => "unknown",
    };
}

namespace BatonOktaAws.Cli;

/// <summary>The process exit codes, for cron and CI to act on.</summary>
public static class ExitCode
{
    public const int Success = 0;

    /// <summary>The run failed (Okta error, unusable sync file, a provisioning line that failed, cancellation).</summary>
    public const int Failure = 1;

    /// <summary>The command line or its environment variables are wrong; nothing was done.</summary>
    public const int UsageError = 2;
}

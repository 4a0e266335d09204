namespace BatonOktaAws.Cli;

/// <summary>The run was interrupted; the message says what was kept and how to continue. Exit code 130.</summary>
public sealed class RunCancelledException : Exception
{
    public RunCancelledException()
    {
    }

    public RunCancelledException(string message)
        : base(message)
    {
    }

    public RunCancelledException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

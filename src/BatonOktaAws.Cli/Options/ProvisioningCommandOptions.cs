using System.CommandLine;
using BatonOktaAws.Cli.Output;
using BatonOktaAws.Core.Okta;
using BatonOktaAws.Core.Provisioning;

namespace BatonOktaAws.Cli.Options;

/// <summary>The flags <c>grant</c> and <c>revoke</c> share, and the run they both make.</summary>
internal sealed class ProvisioningCommandOptions
{
    public ConnectionOptions Connection { get; } = new();
    public LoggingOptions Logging { get; } = new();

    public Option<bool> Provisioning { get; } = new("--provisioning")
    {
        Description = "Allow changes to Okta (env BATON_PROVISIONING=true). Without it grant and revoke refuse and change nothing.",
    };

    public Option<bool> DryRun { get; } = new("--dry-run")
    {
        Description = "Do the reads and print the Okta write calls that would be made (method, path, body); make none. Needs no --provisioning.",
    };

    public Option<string?> FromFile { get; } = new("--from-file")
    {
        Description = "Apply the changes in a CSV (header: action,entitlement,principal_type,principal,grant) or JSON-lines file; all are validated before any is applied.",
    };

    public Option<string?> Output { get; } = new("--output", "-o") { Description = "text (default) or json (one object per change)." };

    public Option<string?> AuditLog { get; } = new("--audit-log") { Description = "Append every write as a JSON line to this file (env BATON_AUDIT_LOG)." };

    public Option<string?> SyncFile { get; } = FileOption.Create("A recent sync file, to name the groups to use when a role change is refused in group-mapping mode");

    public Option<bool> AllowConversion { get; } = new("--aws-allow-group-to-direct-assignment-conversion-for-provisioning")
    {
        Description = "Let a direct role be given to a user who has the app through a group, converting their assignment to a direct one (every role they had is kept).",
    };

    public void AddTo(Command command)
    {
        Connection.AddTo(command);
        command.Add(Provisioning);
        command.Add(DryRun);
        command.Add(FromFile);
        command.Add(Output);
        command.Add(AuditLog);
        command.Add(SyncFile);
        command.Add(AllowConversion);
        Logging.AddTo(command);
    }

    /// <summary>Checks the switches, reads the changes, provisions, prints the results; exit 1 when any change failed.</summary>
    public async Task<int> RunAsync(CommandContext context, ChangeAction action, Func<ProvisioningChange> singleChange, bool singleChangeGiven, CancellationToken cancellationToken)
    {
        var parse = context.Parse;
        var env = context.Env;
        var dryRun = EnvironmentFallback.Flag(parse, DryRun, env);
        if (!dryRun && !EnvironmentFallback.Flag(parse, Provisioning, env))
        {
            throw new UsageException("Provisioning is disabled: grant and revoke change who can reach AWS, so they run only with --provisioning (or BATON_PROVISIONING=true). Nothing was changed; --dry-run shows what would be.");
        }

        var format = (parse.GetValue(Output) ?? "text").ToLowerInvariant();
        if (!ProvisioningOutput.Formats.Contains(format))
        {
            throw new UsageException($"--output must be text or json (got '{format}').");
        }

        var (changes, unreadable) = ReadChanges(parse.GetValue(FromFile), action, singleChange, singleChangeGiven);
        var connection = Connection.Resolve(parse, env, context.Logger);
        var auditPath = EnvironmentFallback.Text(parse, AuditLog, env);
        using var audit = auditPath is null ? null : new AuditLogFile(auditPath);
        using var client = new OktaClient(connection.Domain, connection.Token, connection.ClientOptions, context.Loggers, env.Time);
        var provisioner = new Provisioner(client, Actor(env), context.Loggers, audit, env.Time);
        var options = new ProvisioningOptions
        {
            AppId = connection.AppId,
            DryRun = dryRun,
            AllowGroupToDirectConversion = EnvironmentFallback.Flag(parse, AllowConversion, env),
            SyncFilePath = EnvironmentFallback.Text(parse, SyncFile, env),
        };
        var results = await provisioner.RunAsync(changes, unreadable, options, cancellationToken).ConfigureAwait(false);
        ProvisioningOutput.Write(env.Out, results, format, dryRun);
        return results.Any(r => r.Outcome == ProvisioningOutcome.Failed) ? ExitCode.Failure : ExitCode.Success;
    }

    private static (IReadOnlyList<ProvisioningChange>, IReadOnlyList<ChangeLineError>) ReadChanges(string? file, ChangeAction action, Func<ProvisioningChange> singleChange, bool singleChangeGiven)
    {
        try
        {
            if (file is not null)
            {
                if (singleChangeGiven)
                {
                    throw new UsageException("Give either --from-file or a single change on the command line, not both.");
                }

                return ChangeParser.ReadFile(file, action);
            }

            return ([singleChange()], []);
        }
        catch (ProvisioningException ex)
        {
            throw new UsageException(ex.Message, ex);
        }
    }

    /// <summary>Who is making the change, for the audit trail: the OS user and host, and the CI actor when there is one.</summary>
    private static string Actor(CliEnvironment env)
    {
        var actor = $"{Environment.UserName}@{Environment.MachineName}";
        return env.GetVariable("GITHUB_ACTOR") is { Length: > 0 } github
            ? $"{actor} (GitHub Actions: {github}, run {env.GetVariable("GITHUB_RUN_ID") ?? "?"})"
            : actor;
    }
}

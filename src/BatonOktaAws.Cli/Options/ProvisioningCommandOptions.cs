using System.CommandLine;
using BatonOktaAws.Cli.Output;
using BatonOktaAws.Core.Aws;
using BatonOktaAws.Core.Okta;
using BatonOktaAws.Core.Provisioning;

namespace BatonOktaAws.Cli.Options;

/// <summary>The flags <c>grant</c> and <c>revoke</c> share, and the run they both make.</summary>
internal sealed class ProvisioningCommandOptions
{
    public ProvisioningCommandOptions()
    {
        Connection.AppId.Description =
            "The AWS apps an account:<accountId>:<role> change may go to: 'all' (the default: every ACTIVE amazon_aws app), one app id, or ids separated by commas. " +
            "Each change goes to the one app that serves its account; when two do, the change is refused until this names one. Group memberships need no app.";
    }

    public ConnectionOptions Connection { get; } = new();
    public LoggingOptions Logging { get; } = new();

    public Option<bool> Provisioning { get; } = new("--provisioning")
    {
        Description = "Allow changes to Okta. Without it grant and revoke refuse (exit 2) and change nothing.",
    };

    public Option<bool> DryRun { get; } = new("--dry-run")
    {
        Description = "Do the reads and print the Okta write calls that would be made (method, path, body); make none. Needs no --provisioning.",
    };

    public Option<string?> FromFile { get; } = new("--from-file")
    {
        Description = "Apply the changes in a CSV (header: action,entitlement,principal_type,principal,grant[,app]) or JSON-lines file, or (revoke) the rows of a review sheet marked revoke; all are checked against Okta before any is applied.",
        HelpName = "path",
    };

    public ChoiceOption Output { get; } = new("--output", ProvisioningOutput.Formats, "text", "text, or json: one object per change.", "-o");

    public Option<string?> AuditLog { get; } = new("--audit-log")
    {
        Description = "Append every write sent to Okta (also those whose outcome is unknown) as a JSON line to this file.",
        HelpName = "path",
    };

    public Option<string?> SyncFile { get; } = FileOption.Create("A recent sync file, to name the groups to use when a role change is refused in group-mapping mode.");

    public Option<bool> AllowConversion { get; } = new("--aws-allow-group-to-direct-assignment-conversion-for-provisioning")
    {
        Description = "Let a direct role be given to a user who has the app through a group, converting their assignment to a direct one. " +
            "With joinAllRoles off their group roles are copied into it and named in the result (they no longer follow the group); see docs/provisioning.md.",
    };

    public Option<bool> AllowUnknownRole { get; } = new("--allow-unknown-role")
    {
        Description = "Grant a role that is not in the app's AWS role list (Okta accepts it, but the sign-in to AWS fails until the role exists).",
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
        command.Add(AllowUnknownRole);
        Logging.AddTo(command);
    }

    /// <summary>
    /// Reads the changes, checks the switches, provisions, prints the results; exit 1 when any change failed or
    /// its outcome is unknown, 130 when interrupted (after printing what was done).
    /// </summary>
    /// <param name="singleChange">The change given on the command line, or null when none of its flags was given.</param>
    public async Task<int> RunAsync(CommandContext context, ChangeAction action, Func<ProvisioningChange>? singleChange, string missingChange, CancellationToken cancellationToken)
    {
        var values = context.Values;
        var batch = ReadChanges(values, action, singleChange, missingChange);
        var dryRun = values.Get(DryRun);
        if (!dryRun && !values.Get(Provisioning))
        {
            throw new UsageException("Provisioning is disabled: grant and revoke change who can reach AWS, so they run only with --provisioning (or BATON_PROVISIONING=true). Nothing was changed; --dry-run shows what would be.");
        }

        var format = values.Get(Output);
        var connection = Connection.Resolve(values, context.Logger, AppSelection.Every);
        var auditPath = values.Get(AuditLog);
        using var audit = auditPath is null ? null : new AuditLogFile(auditPath);
        using var client = new OktaClient(connection.Domain, connection.Token, connection.ClientOptions, context.Loggers, context.Env.Time);
        var provisioner = new Provisioner(client, Actor(values), context.Loggers, audit, context.Env.Time);
        var options = new ProvisioningOptions
        {
            Apps = connection.Apps,
            DryRun = dryRun,
            AllowGroupToDirectConversion = values.Get(AllowConversion),
            AllowUnknownRole = values.Get(AllowUnknownRole),
            SyncFilePath = values.Get(SyncFile),
        };
        IReadOnlyList<ProvisioningResult> results;
        try
        {
            results = await provisioner.RunAsync(batch, options, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
        {
            throw new RunCancelledException("Interrupted while checking the changes against Okta, before any write: nothing was changed.", ex);
        }

        ProvisioningOutput.Write(context.Env.Out, results, format, dryRun);
        if (cancellationToken.IsCancellationRequested && results.Any(r => r.Outcome is ProvisioningOutcome.Cancelled or ProvisioningOutcome.OutcomeUnknown))
        {
            throw new RunCancelledException(Interrupted(results, auditPath));
        }

        return results.Any(r => r.Outcome.IsUnsuccessful()) ? ExitCode.Failure : ExitCode.Success;
    }

    /// <summary>What an interrupted run did, what is unknown, and how to finish.</summary>
    internal static string Interrupted(IReadOnlyList<ProvisioningResult> results, string? auditPath)
    {
        var done = results.Count(r => !r.Outcome.IsUnsuccessful() && !r.Outcome.IsSkipped());
        var unknown = results.Where(r => r.Outcome == ProvisioningOutcome.OutcomeUnknown).SelectMany(r => r.Lines).ToList();
        var notStarted = results.Count(r => r.Outcome == ProvisioningOutcome.Cancelled);
        var unknownText = unknown.Count == 0
            ? string.Empty
            : $"; the outcome of line(s) {string.Join(", ", unknown)} is unknown (the write was sent{(auditPath is null ? string.Empty : $" and is in {auditPath}")}): check it in Okta";
        return $"Interrupted: {done} change(s) done, {notStarted} not started{unknownText}. Run the same command again to finish: changes already made report already-granted or already-revoked.";
    }

    private ChangeBatch ReadChanges(OptionValues values, ChangeAction action, Func<ProvisioningChange>? singleChange, string missingChange)
    {
        var file = values.Get(FromFile);
        try
        {
            if (file is not null)
            {
                if (singleChange is not null)
                {
                    throw new UsageException("Give either --from-file or a single change on the command line, not both.");
                }

                return ChangeParser.ReadFile(file, action);
            }

            return singleChange is null ? throw new UsageException(missingChange) : ChangeBatch.Of(singleChange());
        }
        catch (ProvisioningException ex)
        {
            throw new UsageException(ex.Message, ex);
        }
    }

    /// <summary>Who is making the change, for the audit trail: the OS user and host, and the CI actor when there is one.</summary>
    private static string Actor(OptionValues values)
    {
        var actor = $"{Environment.UserName}@{Environment.MachineName}";
        return values.Variable("GITHUB_ACTOR") is { } github
            ? $"{actor} (GitHub Actions: {github}, run {values.Variable("GITHUB_RUN_ID") ?? "?"})"
            : actor;
    }
}

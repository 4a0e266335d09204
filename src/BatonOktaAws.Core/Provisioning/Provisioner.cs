using BatonOktaAws.Core.Aws;
using BatonOktaAws.Core.Okta;
using BatonOktaAws.Core.Okta.Errors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BatonOktaAws.Core.Provisioning;

/// <summary>
/// Provisioning as a pipeline of named phases: <b>read</b> every change's form, <b>plan</b> each against what
/// Okta holds now (reads only — every change is validated before any write), <b>preview</b> (a dry run stops
/// here, having printed the writes it would make), <b>apply</b> in order. If any change fails before the apply
/// phase, nothing is applied. Each write re-reads, writes, and verifies, and is recorded for the audit trail.
/// </summary>
public sealed class Provisioner
{
    private readonly OktaClient _client;
    private readonly ILogger _logger;
    private readonly IAuditTrail? _audit;
    private readonly TimeProvider _time;
    private readonly string _actor;

    public Provisioner(OktaClient client, string actor, ILoggerFactory? loggerFactory = null, IAuditTrail? audit = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        _client = client;
        _actor = actor;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<Provisioner>();
        _audit = audit;
        _time = time ?? TimeProvider.System;
    }

    /// <param name="changes">The changes that were read.</param>
    /// <param name="unreadable">Lines of a change file that could not be read as changes.</param>
    public Task<IReadOnlyList<ProvisioningResult>> RunAsync(
        IReadOnlyList<ProvisioningChange> changes,
        IReadOnlyList<ChangeLineError> unreadable,
        ProvisioningOptions options,
        CancellationToken cancellationToken) =>
        RunAsync(new ChangeBatch(changes, unreadable, []), options, cancellationToken);

    /// <summary>
    /// Runs a batch; the results are ordered by line, one per change (a change covering several review-sheet rows is
    /// one result) and one per skipped review-sheet row.
    /// </summary>
    public async Task<IReadOnlyList<ProvisioningResult>> RunAsync(ChangeBatch batch, ProvisioningOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.Apps);
        var skipped = batch.Skipped.Select(Skipped).ToList();
        var results = await RunChangesAsync(batch.Changes, batch.Errors, options, cancellationToken).ConfigureAwait(false);
        return skipped.Count == 0 ? results : [.. results.Concat(skipped).OrderBy(r => r.Line)];
    }

    private async Task<IReadOnlyList<ProvisioningResult>> RunChangesAsync(
        IReadOnlyList<ProvisioningChange> changes,
        IReadOnlyList<ChangeLineError> unreadable,
        ProvisioningOptions options,
        CancellationToken cancellationToken)
    {
        // Read: a line that is not even a change stops the batch before Okta is asked anything.
        var failures = unreadable.ToDictionary(e => e.Line, e => e.Error);
        var unreadableActions = unreadable.ToDictionary(e => e.Line, e => e.Action);
        if (failures.Count > 0)
        {
            return NothingApplied(changes, failures, unreadableActions);
        }

        // Plan: reads only.
        var context = new ProvisioningContext(_client, options);
        var planned = new List<PlannedChange>(changes.Count);
        foreach (var change in changes)
        {
            try
            {
                planned.Add(await PlanAsync(change, context, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception ex) when (IsChangeFailure(ex))
            {
                failures[change.Line] = ex.Message;
            }
        }

        if (failures.Count > 0)
        {
            return NothingApplied(changes, failures, unreadableActions);
        }

        planned = [.. planned.Select(p => p.Change.ReadWarnings.Count == 0 ? p : p with { Warnings = [.. p.Change.ReadWarnings, .. p.Warnings] })];
        foreach (var plan in planned)
        {
            foreach (var warning in plan.Warnings)
            {
                ProvisioningLog.Warning(_logger, plan.Change.Line, warning);
            }
        }

        var writes = planned.Count(p => p.Write is not null);
        ProvisioningLog.Planned(_logger, planned.Count, writes, planned.Count - writes);

        // Preview: the dry run ends here.
        if (options.DryRun)
        {
            return [.. planned.Select(p => p.NoOp is { } noOp
                ? new ProvisioningResult(p.Change, p.Change.Line, noOp, [], p.Before, p.Before, null, p.Warnings) { App = p.App }
                : new ProvisioningResult(p.Change, p.Change.Line, ProvisioningOutcome.Planned, [p.Write!], p.Before, null, null, p.Warnings) { App = p.App, RolesMadeDirect = p.RolesMadeDirect })];
        }

        // Apply, in order; a failed write is reported and the next change still runs. After a cancellation every
        // change that was not started is reported as cancelled, and the results so far are returned, not lost.
        var results = new List<ProvisioningResult>(planned.Count);
        string? stopped = null;
        foreach (var plan in planned)
        {
            if (stopped is not null || cancellationToken.IsCancellationRequested)
            {
                results.Add(NotApplied(plan.Change, stopped ?? "cancelled before this change was started; nothing was changed for it"));
                continue;
            }

            try
            {
                results.Add(await ApplyAsync(plan, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Not the change's own failure (the audit log could not be written, ...): stop here, but keep the
                // results so far — they say what Okta now holds.
                var change = plan.Change;
                results.Add(new ProvisioningResult(change, change.Line, ProvisioningOutcome.OutcomeUnknown, plan.Write is null ? [] : [plan.Write], plan.Before, null,
                    $"the run stopped here ({ex.GetType().Name}: {ex.Message}); this change may or may not have been made: check it in Okta", plan.Warnings) { App = plan.App });
                stopped = $"not started: the run stopped at line {change.Line}; nothing was changed for it";
            }
        }

        return results;
    }

    private static Task<PlannedChange> PlanAsync(ProvisioningChange change, ProvisioningContext context, CancellationToken cancellationToken) =>
        change.Entitlement.IsGroupMembership
            ? MembershipChange.PlanAsync(change, context, cancellationToken)
            : change.PrincipalType == Baton.ResourceType.Group
                ? GroupRoleChange.PlanAsync(change, context, cancellationToken)
                : UserRoleChange.PlanAsync(change, context, cancellationToken);

    private async Task<ProvisioningResult> ApplyAsync(PlannedChange plan, CancellationToken cancellationToken)
    {
        var change = plan.Change;
        if (plan.NoOp is { } noOp)
        {
            return new ProvisioningResult(change, change.Line, noOp, [], plan.Before, plan.Before, null, plan.Warnings) { App = plan.App };
        }

        var sent = new SentWrites();
        try
        {
            var applied = await plan.ApplyAsync!(sent, cancellationToken).ConfigureAwait(false);
            foreach (var write in applied.Writes)
            {
                Audit(change, plan.App, write, applied.Outcome.Name(), applied.Before, applied.After, null, applied.RolesMadeDirect);
            }

            return new ProvisioningResult(change, change.Line, applied.Outcome, applied.Writes, applied.Before, applied.After, null, plan.Warnings)
            {
                App = plan.App,
                RolesMadeDirect = applied.RolesMadeDirect,
            };
        }
        catch (Exception ex) when (IsChangeFailure(ex) || ex is OperationCanceledException)
        {
            var cancelled = ex is OperationCanceledException;
            var error = cancelled ? "cancelled while the change was being made" : ex.Message;
            if (!sent.Any)
            {
                // Nothing reached Okta for this change.
                return cancelled
                    ? NotApplied(change, "cancelled before its write was sent; nothing was changed for it") with { App = plan.App }
                    : new ProvisioningResult(change, change.Line, ProvisioningOutcome.Failed, [], plan.Before, null, error, plan.Warnings) { App = plan.App };
            }

            // Known: Okta refused the write itself (4xx), or our own read-back saw the state and found it wrong
            // (a ProvisioningException names what it saw). Anything else once a write went out — no answer, a
            // timeout, 5xx after the retries, a cancellation, a failed read-back — leaves Okta's state unknown.
            var refused = sent.Pending is not null && sent.Answered.Count == 0 && ex is OktaApiException { Status: >= 400 and < 500 };
            var known = refused || ex is ProvisioningException;
            var outcome = known ? ProvisioningOutcome.Failed : ProvisioningOutcome.OutcomeUnknown;
            var writes = sent.Answered.Concat(sent.Pending is null ? [] : [sent.Pending]).ToList();
            foreach (var write in writes)
            {
                Audit(change, plan.App, write, outcome.Name(), plan.Before, null, error, plan.RolesMadeDirect);
            }

            if (outcome == ProvisioningOutcome.OutcomeUnknown)
            {
                error = $"{error}; the write was sent, so Okta may or may not have made the change: check it before running again";
            }

            return new ProvisioningResult(change, change.Line, outcome, writes, plan.Before, null, error, plan.Warnings) { App = plan.App, RolesMadeDirect = plan.RolesMadeDirect };
        }
    }

    private static ProvisioningResult NotApplied(ProvisioningChange change, string reason) =>
        new(change, change.Line, ProvisioningOutcome.Cancelled, [], null, null, reason, []);

    private static ProvisioningResult Skipped(SkippedLine line) =>
        new(line.Change, line.Line, line.Decision == ReviewDecision.Keep ? ProvisioningOutcome.SkippedKeep : ProvisioningOutcome.SkippedNoDecision, [], null, null, null, [])
        {
            Action = ChangeAction.Revoke,
        };

    private void Audit(ProvisioningChange change, AppRef? app, OktaWrite write, string result, string? before, string? after, string? error, IReadOnlyList<RoleMadeDirect> rolesMadeDirect)
    {
        var action = change.Action == ChangeAction.Grant ? "grant" : "revoke";
        var entitlement = change.Entitlement.ToString();
        var errorSuffix = error is null ? string.Empty : ": " + error;
        var madeDirect = rolesMadeDirect.Count == 0 ? string.Empty : $"; now held directly instead of through their group: {string.Join(", ", rolesMadeDirect)}";
        var inApp = app is null ? string.Empty : $" in app {app}";
        // A write whose outcome is unknown has no "after" to show: the log says so in words (the audit record keeps null).
        ProvisioningLog.Write(_logger, _actor, action, entitlement, change.PrincipalRef, inApp, write.Method, write.Path, result, before ?? "unknown", after ?? "unknown", errorSuffix + madeDirect);
        _audit?.Record(new AuditEvent(_time.GetUtcNow(), _actor, action, entitlement, change.PrincipalRef, write.Method, write.Path, write.Body, before, after, result, error)
        {
            App = app,
            RolesMadeDirect = rolesMadeDirect,
        });
    }

    private List<ProvisioningResult> NothingApplied(IReadOnlyList<ProvisioningChange> changes, Dictionary<int, string> failures, Dictionary<int, ChangeAction> unreadableActions)
    {
        var unreadableLines = failures.Keys.Count(l => changes.All(c => c.Line != l));
        ProvisioningLog.NothingApplied(_logger, failures.Count, changes.Count + unreadableLines);
        var firstBad = failures.Keys.Min();
        var results = changes.Select(c => failures.TryGetValue(c.Line, out var error)
                ? ProvisioningResult.Failed(c, c.Line, error)
                : ProvisioningResult.Failed(c, c.Line, $"not applied: line {firstBad} failed validation, so nothing was changed"))
            .ToList();
        results.AddRange(failures
            .Where(f => changes.All(c => c.Line != f.Key))
            .Select(f => ProvisioningResult.Failed(null, f.Key, f.Value) with { Action = unreadableActions.GetValueOrDefault(f.Key) }));
        return [.. results.OrderBy(r => r.Line)];
    }

    private static bool IsChangeFailure(Exception ex) =>
        ex is ProvisioningException or AwsAppException or OktaException;
}

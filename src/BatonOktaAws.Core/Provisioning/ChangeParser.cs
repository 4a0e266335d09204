using System.Text.Json;
using BatonOktaAws.Core.Aws;
using BatonOktaAws.Core.Okta;
using BatonOktaAws.Core.Baton;

namespace BatonOktaAws.Core.Provisioning;

/// <summary>A line of a change file that could not be read as a change; <see cref="Action"/> is the line's own, else the command's.</summary>
public sealed record ChangeLineError(int Line, ChangeAction Action, string Error);

/// <summary>
/// Reads changes from the command line or a change file, checking each for form before anything touches
/// Okta. A change file is CSV with a header (<c>action,entitlement,principal_type,principal,grant</c>, optionally
/// <c>app</c>), a review sheet (CSV with a <c>decision</c> column, see <see cref="ReviewSheet"/>), or JSON lines
/// (<c>{"action":"grant","entitlement":...,"principalType":"user","principal":...,"app":...}</c>); blank lines and
/// lines starting with <c>#</c> are skipped; a line without an action takes the command's.
/// </summary>
public static class ChangeParser
{
    /// <summary>Okta's alias for the caller: <c>/api/v1/users/me</c> is the token's admin, never the user a change means.</summary>
    private const string OktaMe = "me";

    private static readonly string[] CsvColumns = ["action", "entitlement", "principaltype", "principal", "grant", "app", "appid"];

    public static ProvisioningChange Grant(string? entitlement, string? principalType, string? principal, int line = 1) =>
        Build(line, ChangeAction.Grant, entitlement, principalType, principal);

    public static ProvisioningChange Revoke(string? grantId, int line = 1)
    {
        if (!GrantId.TryParse(grantId?.Trim(), out var grant))
        {
            throw new ProvisioningException($"'{OktaId.Printable(grantId)}' is not a grant id (expected <entitlementId>:<user|group>:<principalId>, e.g. group:00g1abc:member:user:00u2def).");
        }

        return Build(line, ChangeAction.Revoke, grant.Entitlement.ToString(), grant.PrincipalType, grant.PrincipalId);
    }

    /// <summary>
    /// Every line of a change file, as a change or as the reason it is not one. A CSV file whose header has a
    /// <c>decision</c> column is a review sheet (see <see cref="ReviewSheet"/>): only <c>revoke</c> can apply it.
    /// </summary>
    /// <exception cref="ProvisioningException">The file cannot be read, has no usable header, holds nothing, or is a review sheet given to grant.</exception>
    public static ChangeBatch ReadFile(string path, ChangeAction defaultAction)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            // Detects and drops a UTF-8 (or UTF-16) byte-order mark, as spreadsheets write one.
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ProvisioningException($"Cannot read the change file {path}: {ex.Message}", ex);
        }

        var json = path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            || (!path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n').StartsWith('{'));
        var batch = json ? ReadJsonLines(text, defaultAction) : ReadCsv(path, text, defaultAction);
        if (batch.Changes.Count == 0 && batch.Errors.Count == 0 && batch.Skipped.Count == 0)
        {
            throw new ProvisioningException($"The change file {path} holds no changes.");
        }

        return batch;
    }

    private static ChangeBatch ReadJsonLines(string text, ChangeAction defaultAction)
    {
        var lines = text.TrimStart('\uFEFF').Split('\n');
        var changes = new List<ProvisioningChange>();
        var errors = new List<ChangeLineError>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var lineAction = defaultAction;
            try
            {
                using var document = JsonDocument.Parse(line);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw new ProvisioningException("expected a JSON object");
                }

                string? Field(params string[] names) => names
                    .Select(n => document.RootElement.TryGetProperty(n, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null)
                    .FirstOrDefault(v => v is not null);
                lineAction = ActionOf(Field("action"), Field("grant"), defaultAction);
                changes.Add(FromFields(i + 1, Field("action"), Field("entitlement"), Field("principalType", "principal_type"), Field("principal"), Field("grant"), Field("app", "appId", "app_id"), defaultAction));
            }
            catch (JsonException ex)
            {
                errors.Add(new ChangeLineError(i + 1, lineAction, $"not valid JSON ({ex.Message.Split('.')[0]})"));
            }
            catch (ProvisioningException ex)
            {
                errors.Add(new ChangeLineError(i + 1, lineAction, ex.Message));
            }
        }

        return new ChangeBatch(changes, errors, []);
    }

    private static ChangeBatch ReadCsv(string path, string text, ChangeAction defaultAction)
    {
        var records = CsvRecordReader.Read(text).Where(r => !r.IsBlank).ToList();
        if (records.Count == 0)
        {
            return new ChangeBatch([], [], []);
        }

        var first = records[0];
        var header = first.Cells.Select(HeaderName).ToList();
        if (first.Error is null && header.Contains(ReviewSheet.DecisionColumn))
        {
            if (defaultAction == ChangeAction.Grant)
            {
                throw new ProvisioningException($"{path} is a review sheet (it has a decision column); its rows can only be revoked: run revoke --from-file {path}.");
            }

            return ReviewSheet.Read(header, first.Line, records.Skip(1));
        }

        if (first.Error is not null || header.Any(h => !CsvColumns.Contains(h)) || (!header.Contains("entitlement") && !header.Contains("grant")))
        {
            throw new ProvisioningException($"The change file's first line must be a CSV header naming its columns (action,entitlement,principal_type,principal,grant, and optionally app), or a review sheet's header with a decision column; line {first.Line} is '{OktaId.Printable(string.Join(',', first.Cells))}'.");
        }

        var changes = new List<ProvisioningChange>();
        var errors = new List<ChangeLineError>();
        foreach (var record in records.Skip(1))
        {
            string? Cell(string name) => CsvCell(header, record, name);

            if (record.Error is not null)
            {
                errors.Add(new ChangeLineError(record.Line, defaultAction, record.Error));
                continue;
            }

            try
            {
                changes.Add(FromFields(record.Line, Cell("action"), Cell("entitlement"), Cell("principaltype"), Cell("principal"), Cell("grant"), Cell("app") ?? Cell("appid"), defaultAction));
            }
            catch (ProvisioningException ex)
            {
                errors.Add(new ChangeLineError(record.Line, ActionOf(Cell("action"), Cell("grant"), defaultAction), ex.Message));
            }
        }

        return new ChangeBatch(changes, errors, []);
    }

    /// <summary>A header cell as a column name: lower case, without spaces or underscores (<c>principal_type</c> → <c>principaltype</c>).</summary>
    internal static string HeaderName(string cell) =>
        CsvRecordReader.Unescape(cell.Trim()).ToLowerInvariant().Replace("_", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);

    /// <summary>A record's cell under a column: trimmed, a formula guard taken off, null when absent or empty.</summary>
    internal static string? CsvCell(IReadOnlyList<string> header, CsvRecord record, string name)
    {
        var index = 0;
        while (index < header.Count && header[index] != name)
        {
            index++;
        }

        if (index >= header.Count || index >= record.Cells.Count)
        {
            return null;
        }

        var value = CsvRecordReader.Unescape(record.Cells[index].Trim()).Trim();
        return value.Length > 0 ? value : null;
    }

    /// <summary>The action a line asks for, as far as it can be told: its own word, a revoke when it gives a grant id, else the command's.</summary>
    private static ChangeAction ActionOf(string? action, string? grant, ChangeAction defaultAction) => action?.Trim().ToLowerInvariant() switch
    {
        "grant" => ChangeAction.Grant,
        "revoke" => ChangeAction.Revoke,
        _ => grant is not null ? ChangeAction.Revoke : defaultAction,
    };

    private static ProvisioningChange FromFields(int line, string? action, string? entitlement, string? principalType, string? principal, string? grant, string? app, ChangeAction defaultAction)
    {
        var change = FromFields(line, action, entitlement, principalType, principal, grant, defaultAction);
        return app is null ? change : WithApp(change, app);
    }

    /// <summary>The change, going to the app a line names (used only by <c>account:</c> changes; memberships need no app).</summary>
    /// <exception cref="ProvisioningException">The app is not an Okta id.</exception>
    internal static ProvisioningChange WithApp(ProvisioningChange change, string app)
    {
        if (!OktaId.IsValid(app))
        {
            throw new ProvisioningException($"app '{OktaId.Printable(app)}' is not an Okta app id (0oa...).");
        }

        return change.Entitlement.IsAccountRole ? change with { AppId = app } : change;
    }

    private static ProvisioningChange FromFields(int line, string? action, string? entitlement, string? principalType, string? principal, string? grant, ChangeAction defaultAction)
    {
        var parsedAction = action?.Trim().ToLowerInvariant() switch
        {
            null or "" => defaultAction,
            "grant" => ChangeAction.Grant,
            "revoke" => ChangeAction.Revoke,
            _ => throw new ProvisioningException($"action '{OktaId.Printable(action)}' is neither grant nor revoke."),
        };
        if (grant is not null)
        {
            if (parsedAction == ChangeAction.Grant)
            {
                throw new ProvisioningException("a grant line names the entitlement, principal_type and principal, not a grant id.");
            }

            return Revoke(grant, line);
        }

        return Build(line, parsedAction, entitlement, principalType, principal);
    }

    private static ProvisioningChange Build(int line, ChangeAction action, string? entitlementText, string? principalType, string? principal)
    {
        if (!EntitlementId.TryParse(entitlementText?.Trim(), out var entitlement))
        {
            throw new ProvisioningException($"'{OktaId.Printable(entitlementText)}' is not an entitlement id (expected group:<groupId>:member or account:<accountId>:<role>).");
        }

        if (entitlement.IsAdminRole)
        {
            throw new ProvisioningException($"{entitlement} is an Okta admin role: grant and revoke change AWS access only; assign admin roles in Okta.");
        }

        if (entitlement.IsGroupMembership && !OktaId.IsValid(entitlement.ResourceId))
        {
            throw new ProvisioningException($"'{OktaId.Printable(entitlement.ResourceId)}' in {entitlement} is not a valid Okta group id.");
        }

        if (entitlement.IsAccountRole && (!AwsAccountId.TryParse(entitlement.ResourceId, out _) || !SamlRole.TryParse(entitlement.Slug, out _)))
        {
            throw new ProvisioningException($"{entitlement} needs a 12-digit AWS account id and a role name without ':' or whitespace.");
        }

        var type = principalType?.Trim().ToLowerInvariant();
        if (type is not (ResourceType.User or ResourceType.Group))
        {
            throw new ProvisioningException($"principal type '{OktaId.Printable(principalType)}' must be user or group.");
        }

        var id = principal?.Trim();
        if (string.IsNullOrEmpty(id))
        {
            throw new ProvisioningException("the principal is missing.");
        }

        if (type == ResourceType.User && string.Equals(id, OktaMe, StringComparison.OrdinalIgnoreCase))
        {
            throw new ProvisioningException($"'{id}' is not a user: Okta reads it as the API token's own admin (/api/v1/users/me). Give the user's id or full login.");
        }

        try
        {
            _ = type == ResourceType.User ? OktaId.RequireIdOrLogin(id, "User") : OktaId.Require(id, "Group id");
        }
        catch (ArgumentException ex)
        {
            throw new ProvisioningException(ex.Message, ex);
        }

        if (entitlement.IsGroupMembership && type == ResourceType.Group)
        {
            throw new ProvisioningException($"{entitlement} can only be granted to users: Okta groups cannot contain groups.");
        }

        return new ProvisioningChange(line, action, entitlement, type, id);
    }
}

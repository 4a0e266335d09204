using System.Text.Json;
using BatonOktaAws.Core.Aws;
using BatonOktaAws.Core.Okta;
using BatonOktaAws.Core.Baton;

namespace BatonOktaAws.Core.Provisioning;

/// <summary>A line of a change file that could not be read as a change; <see cref="Action"/> is the line's own, else the command's.</summary>
public sealed record ChangeLineError(int Line, ChangeAction Action, string Error);

/// <summary>
/// Reads changes from the command line or a change file, checking each for form before anything touches
/// Okta. A change file is CSV with a header (<c>action,entitlement,principal_type,principal,grant</c>) or JSON
/// lines (<c>{"action":"grant","entitlement":...,"principalType":"user","principal":...}</c>); blank lines and
/// lines starting with <c>#</c> are skipped; a line without an action takes the command's.
/// </summary>
public static class ChangeParser
{
    /// <summary>Okta's alias for the caller: <c>/api/v1/users/me</c> is the token's admin, never the user a change means.</summary>
    private const string OktaMe = "me";

    private static readonly string[] CsvColumns = ["action", "entitlement", "principaltype", "principal", "grant"];

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

    /// <summary>Every line of a change file, as a change or as the reason it is not one.</summary>
    public static (List<ProvisioningChange> Changes, List<ChangeLineError> Errors) ReadFile(string path, ChangeAction defaultAction)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ProvisioningException($"Cannot read the change file {path}: {ex.Message}", ex);
        }

        var json = path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            || (!path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && lines.FirstOrDefault(l => l.Trim().Length > 0)?.TrimStart().StartsWith('{') == true);
        var (changes, errors) = json ? ReadJsonLines(lines, defaultAction) : ReadCsv(lines, defaultAction);
        if (changes.Count == 0 && errors.Count == 0)
        {
            throw new ProvisioningException($"The change file {path} holds no changes.");
        }

        return (changes, errors);
    }

    private static (List<ProvisioningChange>, List<ChangeLineError>) ReadJsonLines(string[] lines, ChangeAction defaultAction)
    {
        var changes = new List<ProvisioningChange>();
        var errors = new List<ChangeLineError>();
        for (var i = 0; i < lines.Length; i++)
        {
            var text = lines[i].Trim();
            if (text.Length == 0 || text.StartsWith('#'))
            {
                continue;
            }

            var lineAction = defaultAction;
            try
            {
                using var document = JsonDocument.Parse(text);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw new ProvisioningException("expected a JSON object");
                }

                string? Field(params string[] names) => names
                    .Select(n => document.RootElement.TryGetProperty(n, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null)
                    .FirstOrDefault(v => v is not null);
                lineAction = ActionOf(Field("action"), Field("grant"), defaultAction);
                changes.Add(FromFields(i + 1, Field("action"), Field("entitlement"), Field("principalType", "principal_type"), Field("principal"), Field("grant"), defaultAction));
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

        return (changes, errors);
    }

    private static (List<ProvisioningChange>, List<ChangeLineError>) ReadCsv(string[] lines, ChangeAction defaultAction)
    {
        var changes = new List<ProvisioningChange>();
        var errors = new List<ChangeLineError>();
        string[]? header = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var text = lines[i].Trim();
            if (text.Length == 0 || text.StartsWith('#'))
            {
                continue;
            }

            var cells = SplitCsv(text);
            if (header is null)
            {
                header = [.. cells.Select(c => c.Trim().ToLowerInvariant().Replace("_", string.Empty, StringComparison.Ordinal))];
                if (header.Any(h => !CsvColumns.Contains(h)) || (!header.Contains("entitlement") && !header.Contains("grant")))
                {
                    throw new ProvisioningException($"The change file's first line must be a CSV header naming its columns (action,entitlement,principal_type,principal,grant); line {i + 1} is '{OktaId.Printable(text)}'.");
                }

                continue;
            }

            string? Cell(string name)
            {
                var index = Array.IndexOf(header, name);
                return index >= 0 && index < cells.Count && cells[index].Trim().Length > 0 ? cells[index].Trim() : null;
            }

            try
            {
                changes.Add(FromFields(i + 1, Cell("action"), Cell("entitlement"), Cell("principaltype"), Cell("principal"), Cell("grant"), defaultAction));
            }
            catch (ProvisioningException ex)
            {
                errors.Add(new ChangeLineError(i + 1, ActionOf(Cell("action"), Cell("grant"), defaultAction), ex.Message));
            }
        }

        return (changes, errors);
    }

    /// <summary>The action a line asks for, as far as it can be told: its own word, a revoke when it gives a grant id, else the command's.</summary>
    private static ChangeAction ActionOf(string? action, string? grant, ChangeAction defaultAction) => action?.Trim().ToLowerInvariant() switch
    {
        "grant" => ChangeAction.Grant,
        "revoke" => ChangeAction.Revoke,
        _ => grant is not null ? ChangeAction.Revoke : defaultAction,
    };

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

    private static List<string> SplitCsv(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return cells;
    }
}

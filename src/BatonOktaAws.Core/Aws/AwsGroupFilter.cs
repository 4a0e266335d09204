using System.Text.RegularExpressions;

namespace BatonOktaAws.Core.Aws;

/// <summary>
/// The AWS app's <c>groupFilter</c> (group-mapping mode): a regular expression in Okta's dialect, whose
/// <c>(?{{accountid}}...)</c> and <c>(?{{role}}...)</c> captures pick the AWS account and role out of a group
/// name. Converted to .NET named groups; a name matches when the pattern is found in it (anchor it with
/// <c>^...$</c> to require the whole name), as Okta's own AWS connectors do.
/// </summary>
public sealed class AwsGroupFilter
{
    private const string AccountGroup = "accountid";
    private const string RoleGroup = "role";
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

    private readonly Regex _regex;

    private AwsGroupFilter(string oktaPattern, Regex regex)
    {
        OktaPattern = oktaPattern;
        _regex = regex;
    }

    /// <summary>The filter exactly as configured in Okta.</summary>
    public string OktaPattern { get; }

    /// <exception cref="FormatException">The pattern is not a valid regex or lacks one of the two named captures.</exception>
    public static AwsGroupFilter Parse(string oktaPattern)
    {
        ArgumentNullException.ThrowIfNull(oktaPattern);
        var dotnet = oktaPattern
            .Replace("(?{{" + AccountGroup + "}}", $"(?<{AccountGroup}>", StringComparison.Ordinal)
            .Replace("(?{{" + RoleGroup + "}}", $"(?<{RoleGroup}>", StringComparison.Ordinal);
        Regex regex;
        try
        {
            regex = new Regex(dotnet, RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (ArgumentException ex)
        {
            throw new FormatException($"The AWS app's groupFilter '{oktaPattern}' is not a valid regular expression: {ex.Message}", ex);
        }

        var names = regex.GetGroupNames();
        if (!names.Contains(AccountGroup) || !names.Contains(RoleGroup))
        {
            throw new FormatException($"The AWS app's groupFilter '{oktaPattern}' must capture both (?{{{{accountid}}}}...) and (?{{{{role}}}}...).");
        }

        return new AwsGroupFilter(oktaPattern, regex);
    }

    /// <summary>The account and role a group name maps to, or null when it does not match (or maps to something unusable).</summary>
    public (AwsAccountId Account, SamlRole Role)? Match(string groupName) =>
        Evaluate(groupName) is { Outcome: GroupNameOutcome.Mapped } match ? (match.Account!.Value, match.Role!.Value) : null;

    /// <summary>
    /// What the filter makes of a group name: no match; a mapping to an account and role; or a match that is
    /// ignored, with the reason (an account that is not 12 digits, a role IAM cannot accept, a regex evaluation
    /// that timed out) — what a reviewer needs to see, since Okta hands such a group nothing.
    /// </summary>
    public GroupNameMatch Evaluate(string groupName)
    {
        ArgumentNullException.ThrowIfNull(groupName);
        Match match;
        try
        {
            match = _regex.Match(groupName);
        }
        catch (RegexMatchTimeoutException)
        {
            return GroupNameMatch.Ignored($"matching the groupFilter against it took longer than {MatchTimeout.TotalMilliseconds:0} ms");
        }

        if (!match.Success)
        {
            return GroupNameMatch.NoMatch;
        }

        var accountText = match.Groups[AccountGroup].Value;
        var roleText = match.Groups[RoleGroup].Value;
        if (!AwsAccountId.TryParse(accountText, out var account))
        {
            return GroupNameMatch.Ignored($"its account '{Okta.OktaId.Printable(accountText)}' is not a 12-digit AWS account id");
        }

        if (!SamlRole.TryParse(roleText, out var role))
        {
            return GroupNameMatch.Ignored($"its role '{Okta.OktaId.Printable(roleText)}' is not a role name IAM accepts (1 to {SamlRole.MaxLength} letters, digits and +=,.@_-)");
        }

        return GroupNameMatch.Mapped(account.Value, role.Value);
    }

    /// <summary>
    /// A literal prefix every matching name starts with, when the pattern is anchored with <c>^</c>; lets the
    /// sync ask Okta only for groups named <c>prefix...</c>. Null when no such prefix can be derived safely.
    /// </summary>
    public string? AnchoredLiteralPrefix()
    {
        var pattern = OktaPattern;
        if (!pattern.StartsWith('^'))
        {
            return null;
        }

        var prefix = new System.Text.StringBuilder();
        for (var i = 1; i < pattern.Length; i++)
        {
            var c = pattern[i];
            char literal;
            int length;
            if (c == '\\' && i + 1 < pattern.Length && !char.IsLetterOrDigit(pattern[i + 1]))
            {
                literal = pattern[i + 1];
                length = 2;
            }
            else if (char.IsLetterOrDigit(c) || c is '_' or '-' or '#' or '/' or '@' or '=' or ',' or ' ' or ':' or '!' or '&' or '~' or '%')
            {
                literal = c;
                length = 1;
            }
            else
            {
                break;
            }

            // A quantifier or alternation after this character makes it optional: stop before it.
            var after = i + length < pattern.Length ? pattern[i + length] : '\0';
            if (after is '*' or '?' or '{' or '|')
            {
                break;
            }

            if (after == '+')
            {
                prefix.Append(literal);
                break;
            }

            prefix.Append(literal);
            i += length - 1;
        }

        return prefix.Length == 0 || pattern.Contains('|', StringComparison.Ordinal) ? null : prefix.ToString();
    }
}

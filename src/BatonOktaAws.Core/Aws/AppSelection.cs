using BatonOktaAws.Core.Okta;

namespace BatonOktaAws.Core.Aws;

/// <summary>
/// Which AWS apps a run covers, as <c>--aws-okta-app-id</c> says: <c>all</c> (every ACTIVE <c>amazon_aws</c> app of
/// the org), or one or more app ids separated by commas.
/// </summary>
public sealed record AppSelection
{
    public const string AllKeyword = "all";

    private AppSelection(bool all, IReadOnlyList<string> ids)
    {
        All = all;
        Ids = ids;
    }

    public bool All { get; }

    /// <summary>The app ids named, in the order given, without repeats; empty for <see cref="All"/>.</summary>
    public IReadOnlyList<string> Ids { get; }

    public static AppSelection Every { get; } = new(true, []);

    public static AppSelection Of(params string[] ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Length == 0)
        {
            throw new ArgumentException("Name at least one app id.", nameof(ids));
        }

        foreach (var id in ids)
        {
            OktaId.Require(id, "The AWS app id");
        }

        return new AppSelection(false, [.. ids.Distinct(StringComparer.Ordinal)]);
    }

    /// <exception cref="FormatException">Not <c>all</c> nor a comma-separated list of Okta app ids; the message names the bad part.</exception>
    public static AppSelection Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (string.Equals(trimmed, AllKeyword, StringComparison.OrdinalIgnoreCase))
        {
            return Every;
        }

        var parts = trimmed.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length == 0 || parts.Any(p => p.Length == 0))
        {
            throw new FormatException($"'{OktaId.Printable(text)}' is not a list of app ids: use one id, ids separated by commas, or 'all'.");
        }

        if (parts.Length > 1 && parts.Any(p => string.Equals(p, AllKeyword, StringComparison.OrdinalIgnoreCase)))
        {
            throw new FormatException($"'{OktaId.Printable(text)}' mixes 'all' with app ids: 'all' already means every ACTIVE amazon_aws app; give 'all' alone, or only ids (an INACTIVE app is synced only when named).");
        }

        if (parts.FirstOrDefault(p => !OktaId.IsValid(p)) is { } bad)
        {
            throw new FormatException($"'{OktaId.Printable(bad)}' is not an Okta app id (letters, digits, '_' and '-'); use app ids separated by commas, or 'all'.");
        }

        return new AppSelection(false, [.. parts.Distinct(StringComparer.Ordinal)]);
    }

    public override string ToString() => All ? AllKeyword : string.Join(',', Ids);
}

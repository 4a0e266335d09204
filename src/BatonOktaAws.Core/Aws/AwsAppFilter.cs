using BatonOktaAws.Core.Okta.Models;

namespace BatonOktaAws.Core.Aws;

/// <summary>
/// A group-mapping app's <c>settings.app.appFilter</c>: a comma-separated list of the sources whose groups may map
/// to roles — <c>okta</c> for groups mastered in Okta, or an app name such as <c>active_directory</c> for groups
/// imported from it. Empty or absent: every source. OKTA_GROUP groups are <c>okta</c>; APP_GROUP groups are the
/// <c>name</c> of their source app; BUILT_IN groups (Everyone) are mastered by Okta itself, so they count as
/// <c>okta</c> (Okta does not say; documented in docs/aws-access.md).
/// </summary>
public sealed class AwsAppFilter
{
    public const string OktaSource = "okta";

    private readonly HashSet<string> _sources;

    private AwsAppFilter(HashSet<string> sources) => _sources = sources;

    public static AwsAppFilter All { get; } = new([]);

    /// <summary>The sources, as configured (empty for "every source").</summary>
    public IReadOnlyCollection<string> Sources => _sources;

    public bool AllowsEverySource => _sources.Count == 0;

    public static AwsAppFilter Parse(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? All
            : new AwsAppFilter(text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.OrdinalIgnoreCase));

    /// <summary>The source a group has for this filter: <c>okta</c>, its source app's name, or null when Okta did not say.</summary>
    public static string? SourceOf(string? groupType, string? sourceAppName) => groupType switch
    {
        OktaGroup.AppGroupType => sourceAppName,
        _ => OktaSource,
    };

    /// <summary>Whether a group from <paramref name="source"/> may map to roles; an unknown source (null) is allowed, on the side of reporting access.</summary>
    public bool Allows(string? source) => AllowsEverySource || source is null || _sources.Contains(source);

    public override string ToString() => AllowsEverySource ? "(every source)" : string.Join(",", _sources);
}

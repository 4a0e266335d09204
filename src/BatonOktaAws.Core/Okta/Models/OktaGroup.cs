using System.Text.Json.Serialization;

namespace BatonOktaAws.Core.Okta.Models;

/// <summary>The fields of Okta's <c>Group</c> that the connector uses.</summary>
public sealed class OktaGroup
{
    public const string OktaGroupType = "OKTA_GROUP";
    public const string AppGroupType = "APP_GROUP";
    public const string BuiltInType = "BUILT_IN";

    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>OKTA_GROUP, APP_GROUP or BUILT_IN; only OKTA_GROUP memberships can be edited.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("profile")]
    public OktaGroupProfile? Profile { get; set; }

    [JsonPropertyName("_links")]
    public OktaGroupLinks? Links { get; set; }

    /// <summary>Present with <c>expand=app</c> (the source app of an APP_GROUP) or <c>expand=stats</c>.</summary>
    [JsonPropertyName("_embedded")]
    public OktaGroupEmbedded? Embedded { get; set; }

    /// <summary>The id of the app an APP_GROUP is imported from: the embedded app, else the last segment of <c>_links.source</c>.</summary>
    [JsonIgnore]
    public string? SourceAppId =>
        Embedded?.App?.Id
        ?? (Links?.Source?.Href is { } href && Uri.TryCreate(href, UriKind.Absolute, out var uri) ? uri.Segments[^1].TrimEnd('/') : null);
}

public sealed class OktaGroupProfile
{
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("description")]
    public string? Description { get; set; }
}

public sealed class OktaGroupLinks
{
    /// <summary>APP_GROUP only: the app the group is imported from.</summary>
    [JsonPropertyName("source")]
    public OktaLink? Source { get; set; }
}

public sealed class OktaLink
{
    [JsonPropertyName("href")]
    public string? Href { get; set; }
}

public sealed class OktaGroupEmbedded
{
    [JsonPropertyName("app")]
    public OktaGroupSourceApp? App { get; set; }

    [JsonPropertyName("stats")]
    public OktaGroupStats? Stats { get; set; }
}

/// <summary>The source app Okta embeds in an APP_GROUP with <c>expand=app</c>.</summary>
public sealed class OktaGroupSourceApp
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>The app's catalog name, e.g. <c>active_directory</c>: what an AWS app's <c>appFilter</c> names.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("label")]
    public string? Label { get; set; }
}

public sealed class OktaGroupStats
{
    [JsonPropertyName("usersCount")]
    public int? UsersCount { get; set; }

    /// <summary>Okta's spelling: whether the group holds an admin role through a group-level role assignment.</summary>
    [JsonPropertyName("hasAdminPrivlege")]
    public bool? HasAdminPrivilege { get; set; }
}

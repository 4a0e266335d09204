using System.Text.Json.Nodes;

namespace OktaSimulator.Model;

/// <summary>An app user as Okta derives it from direct and group assignments.</summary>
public sealed record DerivedAppUser(
    SimUser User,
    string Scope,
    JsonObject Profile,
    DateTimeOffset Created,
    DateTimeOffset LastUpdated);

using System.Text.Json.Nodes;

namespace OktaSimulator.Model;

/// <summary>One JSON-Patch operation as Okta accepts it on app group assignments.</summary>
public sealed record JsonPatch(string Op, string Path, JsonNode? Value);

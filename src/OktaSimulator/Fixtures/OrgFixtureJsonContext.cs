using System.Text.Json;
using System.Text.Json.Serialization;

namespace OktaSimulator.Fixtures;

/// <summary>
/// The fixture format's JSON, source-generated so the simulator needs no reflection (it is compiled into the command
/// line's Native AOT build for <c>demo</c>): camelCase, names matched case-insensitively, comments and trailing
/// commas allowed in hand-written files, nulls left out and indented when written.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true)]
[JsonSerializable(typeof(OrgFixture))]
internal sealed partial class OrgFixtureJsonContext : JsonSerializerContext;

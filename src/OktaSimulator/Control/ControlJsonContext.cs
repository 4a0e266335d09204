using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using OktaSimulator.Http;

namespace OktaSimulator.Control;

/// <summary>
/// The control endpoints' JSON, source-generated (web defaults: camelCase, enums as their names) so the simulator
/// needs no reflection — it is compiled into the command line's Native AOT build for <c>demo</c>.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(IReadOnlyList<RequestLogEntry>))]
[JsonSerializable(typeof(FaultPlan))]
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class ControlJsonContext : JsonSerializerContext;

using System.Text.Json;
using System.Text.Json.Serialization;

namespace BatonOktaAws.Store.C1z;

/// <summary>
/// Source-generated serialization of a profile's values, with the serializer's default options (the output is
/// what reflection-based serialization wrote): no reflection, so a Native AOT build writes the same profiles.
/// </summary>
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, JsonElement>))]
internal sealed partial class BatonProfileJsonContext : JsonSerializerContext;

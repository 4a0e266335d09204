using System.Text.Json;
using Google.Protobuf.WellKnownTypes;

namespace BatonOktaAws.Store.C1z;

/// <summary>Converts a <see cref="BatonProfile"/> to and from the <c>google.protobuf.Struct</c> Baton stores it as.</summary>
internal static class ProfileStruct
{
    public static Struct ToStruct(BatonProfile profile)
    {
        var result = new Struct();
        foreach (var (name, value) in profile.Fields)
        {
            result.Fields[name] = ToValue(value);
        }

        return result;
    }

    public static BatonProfile FromStruct(Struct profile)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteStruct(writer, profile);
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return BatonProfile.FromFields(document.RootElement.EnumerateObject().Select(property => KeyValuePair.Create(property.Name, property.Value)));
    }

    private static Value ToValue(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => Value.ForString(element.GetString()),
        JsonValueKind.Number => Value.ForNumber(element.GetDouble()),
        JsonValueKind.True => Value.ForBool(true),
        JsonValueKind.False => Value.ForBool(false),
        JsonValueKind.Object => Value.ForStruct(ToStruct(BatonProfile.FromFields(element.EnumerateObject().Select(property => KeyValuePair.Create(property.Name, property.Value))))),
        JsonValueKind.Array => Value.ForList([.. element.EnumerateArray().Select(ToValue)]),
        _ => Value.ForNull(),
    };

    private static void WriteStruct(Utf8JsonWriter writer, Struct value)
    {
        writer.WriteStartObject();
        foreach (var (name, field) in value.Fields)
        {
            writer.WritePropertyName(name);
            WriteValue(writer, field);
        }

        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, Value value)
    {
        switch (value.KindCase)
        {
            case Value.KindOneofCase.StringValue:
                writer.WriteStringValue(value.StringValue);
                break;
            case Value.KindOneofCase.NumberValue:
                writer.WriteNumberValue(value.NumberValue);
                break;
            case Value.KindOneofCase.BoolValue:
                writer.WriteBooleanValue(value.BoolValue);
                break;
            case Value.KindOneofCase.StructValue:
                WriteStruct(writer, value.StructValue);
                break;
            case Value.KindOneofCase.ListValue:
                writer.WriteStartArray();
                foreach (var item in value.ListValue.Values)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }
}

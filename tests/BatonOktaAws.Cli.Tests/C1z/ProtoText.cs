using System.Text;
using BatonOktaAws.TestSupport;

namespace BatonOktaAws.Cli.Tests.C1z;

/// <summary>
/// A node of what <c>protoc --decode</c> prints (protobuf text format): a field with a scalar value, or a message
/// field with its own fields. Parsed here, with nothing from the writer's code, so the checks read Baton's bytes
/// only through protoc.
/// </summary>
internal sealed class ProtoText
{
    private ProtoText(string name, string? value)
    {
        Name = name;
        Value = value;
    }

    public string Name { get; }

    /// <summary>The scalar as printed: a quoted C-escaped string, an enum name, a number, true.</summary>
    public string? Value { get; }

    public List<ProtoText> Fields { get; } = [];

    public static ProtoText Parse(string text)
    {
        var root = new ProtoText("<root>", null);
        var stack = new Stack<ProtoText>();
        stack.Push(root);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (line == "}")
            {
                stack.Pop();
                continue;
            }

            if (line.EndsWith(" {", StringComparison.Ordinal))
            {
                var message = new ProtoText(line[..^2], null);
                stack.Peek().Fields.Add(message);
                stack.Push(message);
                continue;
            }

            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            Assert.True(colon > 0, $"protoc printed a line that is not text format: {line}");
            stack.Peek().Fields.Add(new ProtoText(line[..colon], line[(colon + 2)..]));
        }

        Assert.Single(stack);
        return root;
    }

    public IEnumerable<ProtoText> All(string name) => Fields.Where(field => field.Name == name);

    public ProtoText? One(string name) => Fields.SingleOrDefault(field => field.Name == name);

    /// <summary>A string field's text; null when protoc did not print it (proto3 leaves out empty strings).</summary>
    public string? String(string name) => One(name)?.Value is { } quoted ? Encoding.UTF8.GetString(Bytes(quoted)) : null;

    /// <summary>An enum, number or bool field as printed; null when it has its default value.</summary>
    public string? Scalar(string name) => One(name)?.Value;

    /// <summary>A bytes field (an Any's value) as bytes.</summary>
    public byte[] BytesOf(string name) => One(name)?.Value is { } quoted ? Bytes(quoted) : [];

    /// <summary>A quoted protoc string as the bytes it stands for.</summary>
    private static byte[] Bytes(string quoted)
    {
        Assert.True(quoted.Length >= 2 && quoted[0] == '"' && quoted[^1] == '"', $"not a quoted string: {quoted}");
        return ProtocEscapes.Unescape(quoted[1..^1]);
    }
}

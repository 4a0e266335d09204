namespace BatonOktaAws.TestSupport;

/// <summary>protoc's text format C-escapes bytes fields; tests that decode with <c>protoc --decode</c> undo it here.</summary>
public static class ProtocEscapes
{
    /// <summary>Undoes \n, \r, \t, \", \', \\ and three-digit octal escapes (the text between the quotes).</summary>
    public static byte[] Unescape(string escaped)
    {
        ArgumentNullException.ThrowIfNull(escaped);
        var bytes = new List<byte>();
        for (var i = 0; i < escaped.Length; i++)
        {
            if (escaped[i] != '\\')
            {
                bytes.Add((byte)escaped[i]);
                continue;
            }

            var next = escaped[++i];
            if (next is >= '0' and <= '7')
            {
                bytes.Add(Convert.ToByte(escaped.Substring(i, 3), 8));
                i += 2;
                continue;
            }

            bytes.Add(next switch
            {
                'n' => (byte)'\n',
                'r' => (byte)'\r',
                't' => (byte)'\t',
                _ => (byte)next,
            });
        }

        return [.. bytes];
    }
}

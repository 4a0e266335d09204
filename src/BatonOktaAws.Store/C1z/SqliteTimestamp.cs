using System.Globalization;

namespace BatonOktaAws.Store.C1z;

/// <summary>
/// Baton's timestamp columns (started_at, ended_at, discovered_at) hold the writer's local wall-clock time as text,
/// <c>2006-01-02 15:04:05.999999999</c> in Go's layout: no zone, trailing zeros of the fraction dropped.
/// </summary>
internal static class SqliteTimestamp
{
    public static string Format(DateTimeOffset localNow) =>
        localNow.DateTime.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    /// <summary>The wall-clock time (kind Unspecified); Go writes up to nine fraction digits, .NET keeps seven.</summary>
    public static DateTime? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var trimmed = dot >= 0 && text.Length - dot - 1 > 7 ? text[..(dot + 8)] : text;
        return DateTime.TryParseExact(
            trimmed,
            ["yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ss.FFFFFFFzzz"],
            CultureInfo.InvariantCulture,
            DateTimeStyles.None,
            out var value)
            ? value
            : null;
    }
}

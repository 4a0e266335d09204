using System.Buffers;
using System.Diagnostics.CodeAnalysis;

namespace BatonOktaAws.Core.Okta;

/// <summary>
/// Okta object ids (users, groups, apps) as they may appear in a URL path or a sync-file key: letters, digits,
/// <c>_</c> and <c>-</c> only, so nothing read from the command line or from a response can add a path
/// segment, a query or a fragment.
/// </summary>
public static class OktaId
{
    public const int MaxLength = 64;

    private static readonly SearchValues<char> IdCharacters = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-");

    public static bool IsValid([NotNullWhen(true)] string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= MaxLength && !id.AsSpan().ContainsAnyExcept(IdCharacters);

    /// <exception cref="ArgumentException">The id has characters outside [A-Za-z0-9_-] or is empty or too long.</exception>
    public static string Require(string? id, string what)
    {
        if (!IsValid(id))
        {
            throw new ArgumentException($"{what} '{Printable(id)}' is not a valid Okta id (letters, digits, '_' and '-' only, at most {MaxLength}).");
        }

        return id;
    }

    /// <summary>
    /// An id or a login (<c>alice@acme.com</c>) for <c>/api/v1/users/{idOrLogin}</c>: escaped on the way out, and
    /// refused when it could still change the path (<c>..</c>) or carries separators or control characters.
    /// </summary>
    public static string RequireIdOrLogin(string? value, string what)
    {
        if (IsValid(value))
        {
            return value;
        }

        if (string.IsNullOrWhiteSpace(value) || value.Length > 100 || value is "." or ".."
            || value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '/' or '\\' or '?' or '#' or '%'))
        {
            throw new ArgumentException($"{what} '{Printable(value)}' is neither an Okta id nor a login.");
        }

        return value;
    }

    /// <summary>A short, safe rendering of a possibly hostile value for an error message.</summary>
    public static string Printable(string? value)
    {
        if (value is null)
        {
            return "(none)";
        }

        var shown = new string(value.Take(80).Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return value.Length > 80 ? shown + "…" : shown;
    }
}

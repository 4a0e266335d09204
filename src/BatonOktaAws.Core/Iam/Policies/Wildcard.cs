namespace BatonOktaAws.Core.Iam.Policies;

/// <summary>
/// IAM's wildcard matching: <c>*</c> matches any run of characters (including <c>/</c> and <c>:</c>), <c>?</c>
/// matches one character. Action names compare without regard to case, ARNs with it.
/// </summary>
public static class Wildcard
{
    public static bool Matches(string pattern, string text, StringComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(text);
        int p = 0, t = 0, star = -1, resume = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || (pattern[p] != '*' && Same(pattern[p], text[t], comparison))))
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                // Remember the star and first try matching it against nothing; backtrack one character at a time.
                star = p++;
                resume = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    private static bool Same(char a, char b, StringComparison comparison) =>
        a == b || (comparison == StringComparison.OrdinalIgnoreCase && char.ToUpperInvariant(a) == char.ToUpperInvariant(b));
}

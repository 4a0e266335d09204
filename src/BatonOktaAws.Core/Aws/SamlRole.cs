using System.Diagnostics.CodeAnalysis;

namespace BatonOktaAws.Core.Aws;

/// <summary>
/// An AWS role name as it travels in the SAML assertion (<c>samlRoles</c>) and in entitlement ids
/// (<c>account:&lt;accountId&gt;:&lt;role&gt;</c>), so it may not contain ':' or whitespace.
/// </summary>
public readonly record struct SamlRole
{
    public const int MaxLength = 128;

    private SamlRole(string name) => Name = name;

    public string Name { get; }

    public static bool TryParse(string? text, [NotNullWhen(true)] out SamlRole? role)
    {
        role = !string.IsNullOrEmpty(text) && text.Length <= MaxLength && !text.Any(c => c == ':' || char.IsWhiteSpace(c) || char.IsControl(c))
            ? new SamlRole(text)
            : null;
        return role is not null;
    }

    public static SamlRole Parse(string text) =>
        TryParse(text, out var role) ? role.Value : throw new FormatException($"'{text}' is not a usable AWS role name (no ':' or whitespace, at most {MaxLength} characters).");

    public override string ToString() => Name;
}

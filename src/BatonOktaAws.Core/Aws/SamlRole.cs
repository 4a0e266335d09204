using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace BatonOktaAws.Core.Aws;

/// <summary>
/// An AWS role name as it travels in the SAML assertion (<c>samlRoles</c>, <c>role</c>, or a group-mapping
/// group's name) and in entitlement ids (<c>account:&lt;accountId&gt;:&lt;role&gt;</c>). IAM accepts 1 to 64 of
/// letters, digits and <c>+=,.@_-</c> (IAM User Guide, "IAM object names"); anything else can never be assumed.
/// </summary>
public readonly partial record struct SamlRole
{
    public const int MaxLength = 64;

    private SamlRole(string name) => Name = name;

    public string Name { get; }

    public static bool TryParse(string? text, [NotNullWhen(true)] out SamlRole? role)
    {
        role = text is not null && IamRoleName().IsMatch(text) ? new SamlRole(text) : null;
        return role is not null;
    }

    public static SamlRole Parse(string text) =>
        TryParse(text, out var role) ? role.Value : throw new FormatException($"'{text}' is not an AWS role name IAM accepts (1 to {MaxLength} letters, digits and +=,.@_-).");

    public override string ToString() => Name;

    [GeneratedRegex(@"^[A-Za-z0-9+=,.@_\-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex IamRoleName();
}

using System.Diagnostics.CodeAnalysis;

namespace BatonOktaAws.Core.Baton;

/// <summary>A Baton grant id, <c>&lt;entitlementId&gt;:&lt;principalType&gt;:&lt;principalId&gt;</c>.</summary>
public sealed record GrantId(EntitlementId Entitlement, string PrincipalType, string PrincipalId)
{
    public static bool TryParse(string? text, [NotNullWhen(true)] out GrantId? id)
    {
        id = null;
        var parts = text?.Split(':');
        if (parts is not { Length: 5 } || parts.Any(string.IsNullOrEmpty) || !ResourceType.IsPrincipal(parts[3]))
        {
            return false;
        }

        if (!EntitlementId.TryParse(string.Join(':', parts[..3]), out var entitlement))
        {
            return false;
        }

        id = new GrantId(entitlement, parts[3], parts[4]);
        return true;
    }

    public override string ToString() => $"{Entitlement}:{PrincipalType}:{PrincipalId}";
}

using BatonOktaAws.Store.C1z;
using BatonOktaAws.Store.Model;

namespace BatonOktaAws.Core.Baton.Export;

/// <summary>Okta users: resources with Baton's user trait (emails, login, status, profile). They offer no entitlements.</summary>
public sealed class UserExport : IResourceTypeExport
{
    public BatonResourceType ResourceType { get; } = new(Baton.ResourceType.User, "User", [BatonTrait.User]);

    public bool SupportsProvisioning => false;

    public IEnumerable<BatonResource> Resources(ExportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Sync.Users().Select(ToResource);
    }

    public IEnumerable<BatonEntitlement> Entitlements(ExportContext context) => [];

    public IEnumerable<BatonGrant> Grants(ExportContext context) => [];

    internal static BatonResource ToResource(UserRecord user)
    {
        var emails = new List<BatonEmail>(2);
        if (!string.IsNullOrEmpty(user.Email))
        {
            emails.Add(new BatonEmail(user.Email, IsPrimary: true));
        }

        if (!string.IsNullOrEmpty(user.SecondaryEmail) && !string.Equals(user.SecondaryEmail, user.Email, StringComparison.OrdinalIgnoreCase))
        {
            emails.Add(new BatonEmail(user.SecondaryEmail, IsPrimary: false));
        }

        var profile = ExportProfile.Of(
            ("login", user.Login),
            ("email", user.Email),
            ("secondEmail", user.SecondaryEmail),
            ("firstName", user.FirstName),
            ("lastName", user.LastName),
            ("status", user.Status));
        return new BatonResource(
            new BatonResourceId(Baton.ResourceType.User, user.Id),
            user.DisplayName,
            User: new BatonUserTrait(emails, user.Login, OktaUserStatus.ToBaton(user.Status), profile));
    }
}

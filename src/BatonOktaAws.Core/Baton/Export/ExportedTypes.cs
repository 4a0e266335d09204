namespace BatonOktaAws.Core.Baton.Export;

/// <summary>
/// The resource types the connector exports, in the order they are written. Adding a kind of object to Baton's
/// view of a sync (apps were added this way; Okta admin roles can be) is one <see cref="IResourceTypeExport"/> here.
/// </summary>
public static class ExportedTypes
{
    public static IReadOnlyList<IResourceTypeExport> All { get; } = [new UserExport(), new GroupExport(), new AccountExport(), new AppExport()];
}

using BatonOktaAws.Store.C1z;

namespace BatonOktaAws.Core.Baton.Export;

/// <summary>A Baton profile of the text values that are present (absent ones are left out, not written as null).</summary>
internal static class ExportProfile
{
    public static BatonProfile? Of(params (string Name, string? Value)[] fields)
    {
        var present = fields.Where(field => !string.IsNullOrEmpty(field.Value)).ToList();
        return present.Count == 0 ? null : BatonProfile.FromStrings(present.Select(field => KeyValuePair.Create(field.Name, field.Value)));
    }
}

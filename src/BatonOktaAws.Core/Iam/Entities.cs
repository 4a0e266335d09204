namespace BatonOktaAws.Core.Iam;

/// <summary>Order-insensitive comparisons of the lists two exports of one entity carry.</summary>
internal static class Entities
{
    public static bool SameAttachments(IReadOnlyList<AttachedPolicy> a, IReadOnlyList<AttachedPolicy> b) =>
        a.Select(p => p.Arn).Order(StringComparer.Ordinal).SequenceEqual(b.Select(p => p.Arn).Order(StringComparer.Ordinal), StringComparer.Ordinal);

    public static bool SameInline(IReadOnlyList<InlinePolicy> a, IReadOnlyList<InlinePolicy> b) =>
        a.Select(Key).Order(StringComparer.Ordinal).SequenceEqual(b.Select(Key).Order(StringComparer.Ordinal), StringComparer.Ordinal);

    private static string Key(InlinePolicy policy) => policy.Name + "\n" + policy.Document.CanonicalJson;
}

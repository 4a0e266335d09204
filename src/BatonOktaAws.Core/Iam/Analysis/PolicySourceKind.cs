namespace BatonOktaAws.Core.Iam.Analysis;

public enum PolicySourceKind
{
    /// <summary>An inline policy of the principal (or of one of a user's groups).</summary>
    Inline,

    /// <summary>An attached managed policy, its default version.</summary>
    Managed,

    /// <summary>The permissions boundary.</summary>
    Boundary,
}

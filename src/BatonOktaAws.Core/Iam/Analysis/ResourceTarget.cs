namespace BatonOktaAws.Core.Iam.Analysis;

/// <summary>
/// The resources an action must be allowed on to count. A grant counts when it covers a made-up resource of
/// the right kind (so it covers every such resource, e.g. <c>role/*</c> or <c>*</c>), or one of the principal's
/// own (<see cref="Own"/>: its own role, its customer managed policies). <see cref="AnyResource"/> accepts a
/// grant on any resource at all — for actions that create a new resource whose name the caller chooses.
/// </summary>
internal sealed record ResourceTarget(string? Probe, IReadOnlyList<string> Own, bool AnyResource)
{
    public static ResourceTarget Some(string denyProbe) => new(denyProbe, [], AnyResource: true);

    public static ResourceTarget Every(string probe, IReadOnlyList<string>? own = null) => new(probe, own ?? [], AnyResource: false);
}

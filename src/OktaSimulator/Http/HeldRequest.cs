namespace OktaSimulator.Http;

/// <summary>A request held at the gate of <see cref="FaultPlan.HoldFrom"/>: its place in the request log's sequence, method and path.</summary>
public sealed record HeldRequest(long Sequence, string Method, string Path);

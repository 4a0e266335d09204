namespace OktaSimulator.Model;

/// <summary>What <c>/api/v1/org</c> answers.</summary>
public sealed class SimOrg
{
    public string Id { get; init; } = "00o1simulated0000001";
    public string CompanyName { get; init; } = "Simulated Org";
    public string Subdomain { get; init; } = "simulated";
    public DateTimeOffset Created { get; init; } = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
}

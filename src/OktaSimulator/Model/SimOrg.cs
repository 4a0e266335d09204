namespace OktaSimulator.Model;

/// <summary>What <c>/api/v1/org</c> answers.</summary>
public sealed class SimOrg
{
    public string Id { get; init; } = "00o1simulated0000001";
    public string CompanyName { get; init; } = "Simulated Org";
    public string Subdomain { get; init; } = "simulated";
    public DateTimeOffset Created { get; init; } = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Whether the API token belongs to a super admin. When false, every roles endpoint answers 403 E0000006, as
    /// Okta does for a token whose admin may not read role assignments (see <see cref="SimulatorOptions.TokenIsSuperAdmin"/>).
    /// </summary>
    public bool TokenIsSuperAdmin { get; init; } = true;
}

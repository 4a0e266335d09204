namespace OktaSimulator.Model;

/// <summary>An Okta user as the simulator stores it.</summary>
public sealed class SimUser
{
    public required string Id { get; init; }
    public required string Login { get; set; }
    public required string Email { get; set; }
    public string? SecondEmail { get; set; }
    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    public string Status { get; set; } = UserStatus.Active;
    public DateTimeOffset Created { get; init; }
    public DateTimeOffset LastUpdated { get; set; }
}

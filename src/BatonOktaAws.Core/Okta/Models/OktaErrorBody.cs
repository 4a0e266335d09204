using System.Text.Json.Serialization;

namespace BatonOktaAws.Core.Okta.Models;

/// <summary>Okta's <c>Error</c> body.</summary>
public sealed class OktaErrorBody
{
    [JsonPropertyName("errorCode")]
    public string? ErrorCode { get; set; }

    [JsonPropertyName("errorSummary")]
    public string? ErrorSummary { get; set; }

    [JsonPropertyName("errorId")]
    public string? ErrorId { get; set; }

    [JsonPropertyName("errorCauses")]
    public List<OktaErrorCause>? ErrorCauses { get; set; }
}

public sealed class OktaErrorCause
{
    [JsonPropertyName("errorSummary")]
    public string? ErrorSummary { get; set; }
}

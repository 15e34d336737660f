using System.ComponentModel.DataAnnotations;

namespace Edge.Agent.Api;

/// <summary>Section <c>EdgeAgent:Api</c>: the local HTTP API that kiosk-ui, the POS and wearables call.</summary>
internal sealed class AgentApiOptions : IValidatableObject
{
    public const string Section = "EdgeAgent:Api";

    /// <summary>Where the API listens: a loopback http URL or unix:/path. Never a routable address: the API trusts the hub.</summary>
    [Required]
    public string Url { get; set; } = "http://127.0.0.1:5080";

    /// <summary>Bearer token of the POS (redemptions, receipts). Empty: every POS call is refused (401).</summary>
    public string? PosToken { get; set; }

    /// <summary>Bearer token of the clerks' wearables (clerk status, claim, quiet switch). Empty: every wearable call is refused (401).</summary>
    public string? WearableToken { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Url.StartsWith("unix:", StringComparison.Ordinal))
        {
            yield break;
        }

        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
        {
            yield return new ValidationResult($"'{Url}' is not an http:// URL or unix:/path", [nameof(Url)]);
        }
        else if (!uri.IsLoopback)
        {
            yield return new ValidationResult($"'{Url}' is not a loopback address: the local API must bind to 127.0.0.1, [::1] or a unix socket", [nameof(Url)]);
        }
    }
}

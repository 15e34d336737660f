using System.ComponentModel.DataAnnotations;

namespace Edge.Agent.Api;

/// <summary>Section <c>EdgeAgent:Api</c>: the local HTTP API that kiosk-ui, the POS, wearables and provisioning call.</summary>
internal sealed class AgentApiOptions : IValidatableObject
{
    public const string Section = "EdgeAgent:Api";

    /// <summary>A token shorter than this is guessable; refused at start-up.</summary>
    public const int MinTokenLength = 8;

    /// <summary>Where the API listens: a loopback http URL or unix:/path. Never a routable address: the API trusts the hub.</summary>
    [Required]
    public string Url { get; set; } = "http://127.0.0.1:5080";

    /// <summary>Bearer token of the POS (redemptions, receipts). Empty: every POS call is refused (401).</summary>
    public string? PosToken { get; set; }

    /// <summary>Bearer token of the kiosks (login, sessions, games, products, reviews). Empty: every kiosk call is refused (401).</summary>
    public string? KioskToken { get; set; }

    /// <summary>Bearer token of the clerks' wearables (clerk status, alert claims). Empty: refused (401).</summary>
    public string? WearableToken { get; set; }

    /// <summary>Bearer token of edge-provision (status with counters). Empty: refused (401).</summary>
    public string? ProvisioningToken { get; set; }

    /// <summary>Request bodies larger than this are refused (400 body_too_large) before they are parsed.</summary>
    [Range(1024, 1_048_576)]
    public int MaxBodyBytes { get; set; } = 16_384;

    /// <summary>Each caller's configured token, by the configuration key that holds it.</summary>
    public IEnumerable<(AgentCaller Caller, string Key, string? Token)> Tokens()
    {
        yield return (AgentCaller.Kiosk, nameof(KioskToken), KioskToken);
        yield return (AgentCaller.Pos, nameof(PosToken), PosToken);
        yield return (AgentCaller.Wearable, nameof(WearableToken), WearableToken);
        yield return (AgentCaller.Provisioning, nameof(ProvisioningToken), ProvisioningToken);
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (_, key, token) in Tokens())
        {
            if (string.IsNullOrEmpty(token))
            {
                continue;
            }

            if (token.Length < MinTokenLength || token.Any(char.IsWhiteSpace))
            {
                yield return new ValidationResult($"a bearer token needs at least {MinTokenLength} characters and no spaces", [key]);
            }
            else if (seen.TryGetValue(token, out var other))
            {
                // One token for two callers would let a kiosk act as the POS: every caller needs its own.
                yield return new ValidationResult($"is the same token as {Section}:{other}; every caller needs its own", [key]);
            }
            else
            {
                seen[token] = key;
            }
        }

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

using System.ComponentModel.DataAnnotations;
using Edge.Hosting.Options;
using Edge.CloudSync.Outbox;
using Edge.CloudSync.Upstream;
using Edge.Messaging;

namespace Edge.CloudSync.Hosting;

/// <summary>Section <c>CloudSync</c>: how this hub reaches the central loyalty cloud's broker.</summary>
internal sealed class CloudSyncOptions : IValidatableObject
{
    public const string Section = "CloudSync";

    /// <summary>
    /// cloud.json written by <c>edge-provision claim</c> (store, hub, region, server, certificate, key, CA). Empty: cloud.json
    /// in the configuration folder (/etc/store-edge, or EDGE_CONFIG_DIR). Missing file: run offline.
    /// </summary>
    public string? IdentityFile { get; set; }

    /// <summary>Overrides the server in cloud.json (mqtts://host:port). Empty: use cloud.json's.</summary>
    public string? CloudUri { get; set; }

    /// <summary>Sparkplug B group id (the chain's region) when cloud.json does not name one.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9_-]{1,32}$", ErrorMessage = "must be 1-32 letters, digits, '_' or '-' (a Sparkplug group id)")]
    public string Region { get; set; } = "dev";

    [TimeSpanRange("00:00:05", "00:30:00")]
    public TimeSpan KeepAlive { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>MQTT 5 session expiry of the business-plane session: how long the cloud broker keeps our subscriptions and queued downstream messages.</summary>
    [TimeSpanRange("00:01:00", "30.00:00:00")]
    public TimeSpan SessionExpiry { get; set; } = TimeSpan.FromDays(7);

    [TimeSpanRange("00:00:00.010", "00:10:00")]
    public TimeSpan ReconnectInitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    [TimeSpanRange("00:00:00.010", "01:00:00")]
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>0-1: each backoff delay is reduced by a random fraction up to this, so a fleet does not reconnect in lockstep.</summary>
    [Range(0.0, 1.0)]
    public double ReconnectJitter { get; set; } = 0.5;

    // The nested sections are bound and validated by their own options classes (AddEdgeOptions per section);
    // they are declared here only so that the strict binder of "CloudSync" knows these keys.
    public OutboxOptions Outbox { get; set; } = new();

    public UpstreamOptions Upstream { get; set; } = new();

    public Downstream.DownstreamOptions Downstream { get; set; } = new();

    public Fleet.FleetOptions Fleet { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrEmpty(CloudUri))
        {
            string? error = null;
            try
            {
                if (!MqttEndpoint.Parse(CloudUri).UseTls)
                {
                    error = $"'{CloudUri}' is not mqtts://: the cloud link must use TLS";
                }
            }
            catch (FormatException ex)
            {
                error = ex.Message;
            }

            if (error is not null)
            {
                yield return new ValidationResult(error, [nameof(CloudUri)]);
            }
        }

        if (ReconnectMaxDelay < ReconnectInitialDelay)
        {
            yield return new ValidationResult($"must be at least ReconnectInitialDelay ({ReconnectInitialDelay})", [nameof(ReconnectMaxDelay)]);
        }
    }
}

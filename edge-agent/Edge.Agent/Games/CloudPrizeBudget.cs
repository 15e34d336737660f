using System.Text.Json;
using Edge.Agent.Bus;
using Edge.Contracts.Agent;
using Edge.Contracts.Cloud;
using Edge.Messaging;

namespace Edge.Agent.Games;

/// <summary>
/// The prize budget the cloud sends (signed down kind prize-budget, forwarded by cloud-sync as a
/// <see cref="LocalDownEvent"/> on store/down/prize-budget with a <see cref="PrizeBudgetUpdate"/> body): the newest
/// sequence wins, an older or repeated one is ignored, a malformed one is counted and dropped. Until the first one
/// arrives the configured budget applies. Held in memory: after a restart the configured budget applies again until
/// the cloud sends the next one (cloud-sync forwards each message once).
/// </summary>
internal sealed class CloudPrizeBudget(ConfiguredPrizeBudget configured, AgentCounters counters, ILogger<CloudPrizeBudget> logger) : IPrizeBudgetSource, IBusHandler
{
    private readonly Lock _gate = new();
    private (long Sequence, decimal Amount)? _latest;

    public string TopicFilter => CloudTopics.LocalDownFor(DownKinds.PrizeBudget);

    public PrizeBudget For(DateOnly storeDay)
    {
        var fallback = configured.For(storeDay);
        lock (_gate)
        {
            return _latest is { } cloud ? fallback with { Amount = cloud.Amount } : fallback;
        }
    }

    public Task HandleAsync(MqttMessage message, CancellationToken cancellationToken)
    {
        LocalDownEvent? down;
        PrizeBudgetUpdate? update;
        try
        {
            down = JsonSerializer.Deserialize(message.Payload.Span, CloudJsonContext.Default.LocalDownEvent);
            update = down is { Body.ValueKind: JsonValueKind.Object } ? down.Body.Deserialize(AgentEventJsonContext.Default.PrizeBudgetUpdate) : null;
        }
        catch (JsonException)
        {
            (down, update) = (null, null);
        }

        if (down is null || update is null || down.Sequence < 1 || update.Amount < 0)
        {
            counters.Increment("games.budget_malformed");
            GamesLog.BudgetRefused(logger, "not a prize budget with a sequence number and an amount of at least 0");
            return Task.CompletedTask;
        }

        lock (_gate)
        {
            if (_latest is { } current && down.Sequence <= current.Sequence)
            {
                counters.Increment("games.budget_duplicate");
                return Task.CompletedTask;
            }

            _latest = (down.Sequence, update.Amount);
        }

        counters.Increment("games.budget_applied");
        GamesLog.BudgetApplied(logger, update.Amount, down.Sequence);
        return Task.CompletedTask;
    }
}

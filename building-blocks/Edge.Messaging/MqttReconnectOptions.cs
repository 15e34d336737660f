namespace Edge.Messaging;

/// <summary>
/// Backoff between reconnect attempts: InitialDelay * 2^attempt, capped at MaxDelay, then reduced by a random
/// fraction up to Jitter so that a fleet of hubs does not reconnect in lockstep after a broker restart.
/// </summary>
public sealed class MqttReconnectOptions
{
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>0 = no jitter, 0.5 = each delay is between 50 % and 100 % of the exponential value.</summary>
    public double Jitter { get; set; } = 0.2;

    internal IEnumerable<string> Validate()
    {
        if (InitialDelay <= TimeSpan.Zero)
        {
            yield return $"Reconnect.InitialDelay must be positive; it is {InitialDelay}.";
        }

        if (MaxDelay < InitialDelay)
        {
            yield return $"Reconnect.MaxDelay ({MaxDelay}) must be at least InitialDelay ({InitialDelay}).";
        }

        if (Jitter is < 0 or > 1 || double.IsNaN(Jitter))
        {
            yield return $"Reconnect.Jitter must be between 0 and 1; it is {Jitter}.";
        }
    }
}

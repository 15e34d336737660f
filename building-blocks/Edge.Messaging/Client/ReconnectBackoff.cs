namespace Edge.Messaging.Client;

/// <summary>Exponential backoff with jitter (see <see cref="MqttReconnectOptions"/>); pure so tests can pin the random draw.</summary>
internal sealed class ReconnectBackoff(MqttReconnectOptions options, Func<double> random01)
{
    public ReconnectBackoff(MqttReconnectOptions options)
        : this(options, Random.Shared.NextDouble)
    {
    }

    /// <summary>The delay before reconnect attempt <paramref name="attempt"/> (0-based).</summary>
    public TimeSpan Delay(int attempt)
    {
        // Cap the exponent so 2^attempt never overflows; MaxDelay caps the value anyway.
        var factor = Math.Pow(2, Math.Min(Math.Max(attempt, 0), 30));
        var ticks = Math.Min(options.InitialDelay.Ticks * factor, options.MaxDelay.Ticks);
        var jittered = ticks * (1 - (options.Jitter * Math.Clamp(random01(), 0, 1)));
        return TimeSpan.FromTicks((long)Math.Max(jittered, TimeSpan.TicksPerMillisecond));
    }
}

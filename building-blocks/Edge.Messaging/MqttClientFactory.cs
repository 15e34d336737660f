using Edge.Messaging.Client;
using Microsoft.Extensions.Logging;

namespace Edge.Messaging;

/// <summary>Creates <see cref="IMqttClient"/> instances (the libmosquitto implementation today).</summary>
public interface IMqttClientFactory
{
    IMqttClient Create(MqttClientOptions options);
}

/// <summary>The factory behind <see cref="IMqttClientFactory"/>; usable without dependency injection.</summary>
public sealed class MqttClientFactory(TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null) : IMqttClientFactory
{
    /// <summary>Validates <paramref name="options"/> (throws <see cref="ArgumentException"/>) and creates a disconnected client.</summary>
    public IMqttClient Create(MqttClientOptions options) =>
        new MosquittoMqttClient(options, timeProvider ?? TimeProvider.System, loggerFactory?.CreateLogger("Edge.Messaging.MqttClient"));
}

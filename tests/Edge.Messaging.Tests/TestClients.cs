using Edge.Messaging.Client;

namespace Edge.Messaging.Tests;

/// <summary>Client construction and the waits that tests share (timeouts, never sleeps).</summary>
internal static class TestClients
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    public static MosquittoMqttClient Create(string uri, Action<MqttClientOptions>? configure = null, TimeProvider? time = null)
    {
        var options = new MqttClientOptions
        {
            Server = uri,
            Reconnect = new MqttReconnectOptions { InitialDelay = TimeSpan.FromMilliseconds(200), MaxDelay = TimeSpan.FromSeconds(1) },
        };
        configure?.Invoke(options);
        return new MosquittoMqttClient(options, time);
    }

    public static async Task<MosquittoMqttClient> ConnectedAsync(string uri, Action<MqttClientOptions>? configure = null)
    {
        var client = Create(uri, configure);
        try
        {
            await client.ConnectAsync().WaitAsync(Timeout);
            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    public static async Task<MqttMessage> NextAsync(this IMqttClient client, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? Timeout);
        return await client.Messages.ReadAsync(cts.Token);
    }

    /// <summary>Completes when the client reaches <paramref name="state"/> (or is already there).</summary>
    public static Task WaitForStateAsync(this IMqttClient client, MqttConnectionState state, TimeSpan? timeout = null)
    {
        var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Handler(object? sender, MqttConnectionStateChangedEventArgs e)
        {
            if (e.Current == state)
            {
                tcs.TrySetResult();
            }
        }

        client.StateChanged += Handler;
        if (client.State == state)
        {
            tcs.TrySetResult();
        }

        return tcs.Task.WaitAsync(timeout ?? Timeout).ContinueWith(
            t =>
            {
                client.StateChanged -= Handler;
                t.GetAwaiter().GetResult();
            },
            TaskScheduler.Default);
    }
}

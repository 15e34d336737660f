using Edge.CloudSync.Hosting;
using Edge.Messaging;
using Polly;
using Polly.Retry;

namespace Edge.CloudSync.Connection;

/// <summary>
/// The first connection attempt of a client, retried for ever with exponential backoff and jitter (Polly.Core).
/// After the first success Edge.Messaging reconnects by itself with the same kind of backoff.
/// </summary>
internal static class ConnectRetry
{
    public static ResiliencePipeline Pipeline(CloudSyncOptions options, TimeProvider time, Action<Exception, TimeSpan> onRetry) =>
        new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<MqttException>().Handle<TimeoutException>(),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = options.ReconnectJitter > 0,
                Delay = options.ReconnectInitialDelay,
                MaxDelay = options.ReconnectMaxDelay,
                OnRetry = args =>
                {
                    onRetry(args.Outcome.Exception!, args.RetryDelay);
                    return default;
                },
            })
            .Build();
}

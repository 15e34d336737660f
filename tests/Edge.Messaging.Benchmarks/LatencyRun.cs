using System.Diagnostics;

namespace Edge.Messaging.Benchmarks;

/// <summary>End-to-end request/response round trip: RequestAsync on one client, a responder client answering, one request at a time.</summary>
internal static class LatencyRun
{
    public static async Task<double[]> RunAsync(string uri, int warmup, int requests)
    {
        await using var responder = new MqttClientFactory().Create(new MqttClientOptions { Server = uri });
        await using var requester = new MqttClientFactory().Create(new MqttClientOptions { Server = uri });
        await responder.ConnectAsync();
        await requester.ConnectAsync();
        await responder.SubscribeAsync("bench/cmd/+");
        using var stop = new CancellationTokenSource();
        var serving = Task.Run(async () =>
        {
            await foreach (var request in responder.Messages.ReadAllAsync(stop.Token))
            {
                await responder.RespondAsync(request, request.Payload, stop.Token);
            }
        });

        var payload = new byte[64];
        var rtts = new double[requests];
        for (var i = -warmup; i < requests; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await requester.RequestAsync(new MqttMessage("bench/cmd/echo", payload), TimeSpan.FromSeconds(10));
            if (i >= 0)
            {
                rtts[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            }
        }

        await stop.CancelAsync();
        try
        {
            await serving;
        }
        catch (OperationCanceledException)
        {
        }

        Array.Sort(rtts);
        return rtts;
    }

    public static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p / 100 * sorted.Length) - 1)];
}

using System.Diagnostics;
using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Edge.CloudSync.Connection;
using Edge.CloudSync.Hosting;
using Edge.CloudSync.Outbox;
using Edge.CloudSync.Upstream;
using Edge.Hosting;
using Edge.Messaging;
using Edge.TestKit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Edge.CloudSync.Benchmarks;

/// <summary>
/// Outbox durable append rate, and the drain to a loopback mosquitto (mutual TLS, QoS 1) against mosquitto_pub --repeat
/// publishing the same 256-byte event to the same broker, both counted by the same subscriber in this process.
/// </summary>
public class CloudSyncBenchmarks
{
    private const int N = 50_000;
    private static readonly byte[] Event = MakeEvent();
    private readonly TempDirectory _dir = new("cloud-sync-bench");
    private CloudPki _pki = null!;
    private MosquittoBroker _broker = null!;
    private IMqttClient _subscriber = null!;
    private Task _counting = Task.CompletedTask;
    private long _events;
    private int _port;
    private string _cloudJson = string.Empty;
    private OutboxStore? _store;
    private OutboxWriter? _writer;
    private CloudBus? _cloud;
    private UpstreamPublisher? _publisher;
    private int _iteration;

    [GlobalSetup]
    public void Setup()
    {
        _pki = new CloudPki();
        _port = FreePort.Next();
        _broker = MosquittoBroker.StartAsync([.. _pki.ListenerConfig(_port), "max_queued_messages 0", "max_inflight_messages 0"], listenerOnDefaultPort: false).GetAwaiter().GetResult();
        _cloudJson = _pki.WriteCloudJson("store-1", "hub-1", "eu", _port);
        _subscriber = new MqttClientFactory().Create(new MqttClientOptions
        {
            Server = $"mqtts://127.0.0.1:{_port}",
            CaFile = _pki.CaFile,
            ClientCertificateFile = _pki.ConsumerCertificateFile,
            ClientKeyFile = _pki.ConsumerKeyFile,
            InboundCapacity = 1_000_000,
        });
        _subscriber.ConnectAsync().GetAwaiter().GetResult();
        _subscriber.SubscribeAsync([new MqttSubscription("retail/v1/#")]).GetAwaiter().GetResult();
        _counting = Task.Run(CountAsync);
    }

    [IterationSetup(Target = nameof(AppendDurable))]
    public void SetupAppend() => OpenOutbox();

    /// <summary>N appends from the local-bus reader's path (EnqueueAsync in order, group commit, synchronous=FULL).</summary>
    [Benchmark(OperationsPerInvoke = N)]
    public async Task AppendDurable()
    {
        var pending = new List<Task<AppendResult>>(N);
        for (var i = 0; i < N; i++)
        {
            pending.Add(await _writer!.EnqueueAsync(new OutboxAppend("bench", $"a{_iteration}-{i}", Event), CancellationToken.None));
        }

        await Task.WhenAll(pending);
    }

    [IterationCleanup(Target = nameof(AppendDurable))]
    public void CleanupAppend() => CloseOutbox();

    [IterationSetup(Target = nameof(DrainToBroker))]
    public void SetupDrain()
    {
        OpenOutbox();
        for (var i = 0; i < N; i += 2000)
        {
            _store!.Append([.. Enumerable.Range(i, 2000).Select(j => new OutboxAppend("bench", $"d{_iteration}-{j}", Event))]);
        }

        var options = Options.Create(new CloudSyncOptions { IdentityFile = _cloudJson });
        var store = Options.Create(new StoreOptions { StoreId = "store-1", HubId = "hub-1" });
        _cloud = new CloudBus(new MqttClientFactory(), options, store, new ConfigurationBuilder().Build(), TimeProvider.System, NullLogger<CloudBus>.Instance);
        _cloud.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        _cloud.Link!.WhenConnectedAsync(CancellationToken.None).GetAwaiter().GetResult();
        _publisher = new UpstreamPublisher(_cloud, _store!, _writer!, new OutboxSignal(), new UpstreamCounters(), Options.Create(new UpstreamOptions()), TimeProvider.System, NullLogger<UpstreamPublisher>.Instance);
        Interlocked.Exchange(ref _events, 0);
    }

    /// <summary>N stored events drained to the broker (batches, QoS 1, checkpoint per PUBACK) until the subscriber counted all N.</summary>
    [Benchmark(OperationsPerInvoke = N)]
    public async Task DrainToBroker()
    {
        await _publisher!.StartAsync(CancellationToken.None);
        await WaitForEventsAsync(N);
        await _publisher.StopAsync(CancellationToken.None);
    }

    [IterationCleanup(Target = nameof(DrainToBroker))]
    public void CleanupDrain()
    {
        _publisher?.Dispose();
        _cloud!.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        _cloud.DisposeAsync().AsTask().GetAwaiter().GetResult();
        CloseOutbox();
    }

    [IterationSetup(Target = nameof(MosquittoPubRepeat))]
    public void SetupMosquittoPub() => Interlocked.Exchange(ref _events, 0);

    /// <summary>mosquitto_pub --repeat N at QoS 1 over the same TLS listener, the same event payload, counted by the same subscriber.</summary>
    [Benchmark(OperationsPerInvoke = N, Baseline = true)]
    public async Task MosquittoPubRepeat()
    {
        var psi = new ProcessStartInfo(ExternalTools.Find("mosquitto_pub")!,
        [
            "-h", "127.0.0.1", "-p", _port.ToString(CultureInfo.InvariantCulture), "-V", "mqttv5", "-q", "1",
            "--cafile", _pki.CaFile, "--cert", _pki.ConsumerCertificateFile, "--key", _pki.ConsumerKeyFile,
            "-t", "retail/v1/store-1/up/pub", "--repeat", N.ToString(CultureInfo.InvariantCulture), "-m", Encoding.UTF8.GetString(Event),
        ])
        { UseShellExecute = false };
        using var process = Process.Start(psi)!;
        await WaitForEventsAsync(N);
        await process.WaitForExitAsync();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _subscriber.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _broker.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _pki.Dispose();
        _dir.Dispose();
    }

    private void OpenOutbox()
    {
        _iteration++;
        _store = new OutboxStore(_dir.File($"outbox-{_iteration}.db"), 1L << 34, [], TimeProvider.System);
        _writer = new OutboxWriter(_store, 20_000, 2_000, NullLogger<OutboxWriter>.Instance);
        _writer.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    private void CloseOutbox()
    {
        _writer!.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        _writer.Dispose();
        _store!.Dispose();
    }

    private async Task WaitForEventsAsync(long n)
    {
        var deadline = Stopwatch.StartNew();
        while (Interlocked.Read(ref _events) < n)
        {
            if (deadline.Elapsed > TimeSpan.FromMinutes(2))
            {
                throw new TimeoutException($"the subscriber counted {Interlocked.Read(ref _events)} of {n} events");
            }

            await Task.Delay(1);
        }
    }

    private async Task CountAsync()
    {
        var marker = "\"sequence\":"u8.ToArray();
        await foreach (var m in _subscriber.Messages.ReadAllAsync())
        {
            // An up batch carries one "sequence" per event; a mosquitto_pub message is one event.
            var span = m.Payload.Span;
            var count = 0;
            int at;
            while ((at = span.IndexOf(marker)) >= 0)
            {
                count++;
                span = span[(at + marker.Length)..];
            }

            Interlocked.Add(ref _events, Math.Max(1, count));
        }
    }

    private static byte[] MakeEvent()
    {
        var head = "{\"messageId\":\"edge-agent:redemption:0000000001\",\"type\":\"coupon.redeemed\",\"occurredAt\":\"2026-11-23T09:00:00Z\",\"body\":{\"memberId\":\"m-000123\",\"coupon\":\"c-42\",\"pad\":";
        var pad = new string('x', 256 - head.Length - 4);
        return Encoding.UTF8.GetBytes(head + "\"" + pad + "\"}}");
    }
}

using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Threading.Channels;
using Edge.Messaging.Diagnostics;
using Edge.Messaging.Native;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Edge.Messaging.Client;

/// <summary>
/// <see cref="IMqttClient"/> over libmosquitto. Threads: one network thread per connected client (ours, not
/// mosquitto_loop_start, so reconnect timing runs on the injected <see cref="TimeProvider"/>) runs
/// mosquitto_loop and every libmosquitto callback. Callbacks only copy data and complete tasks whose
/// continuations run asynchronously; user code never runs on that thread. API calls into the native handle are
/// serialised by <see cref="_gate"/>, which also makes "send, then register the packet id" atomic with respect to
/// the ack callback.
/// </summary>
internal sealed partial class MosquittoMqttClient : IMqttClient
{
    private static readonly TimeSpan LoopStopTimeout = TimeSpan.FromSeconds(10);

    private readonly MqttClientOptions _options;
    private readonly MqttEndpoint _endpoint;
    private readonly string _endpointText;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ReconnectBackoff _backoff;
    private readonly Channel<MqttMessage> _inbound;
    private readonly Channel<MqttConnectionStateChangedEventArgs> _stateEvents;
    private readonly object _gate = new();
    private readonly Dictionary<int, PendingAck> _pending = [];
    private readonly Dictionary<string, MqttSubscription> _subscriptions = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _responseSubscription = new(1, 1);
    private readonly string _responseTopic;
    private GCHandle _self;
    private IntPtr _handle;
    private LoopRun? _run;
    private int _state = (int)MqttConnectionState.Disconnected;
    private TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _dropped;
    private int _disposed;
    private bool _responseSubscribed;
    private volatile string? _lastLibraryError;

    public MosquittoMqttClient(MqttClientOptions options, TimeProvider? timeProvider = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _endpoint = MqttEndpoint.Parse(options.Server);
        _endpointText = _endpoint.ToString();
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _backoff = new ReconnectBackoff(options.Reconnect);
        ClientId = string.IsNullOrEmpty(options.ClientId) ? "edge-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)) : options.ClientId;
        _responseTopic = options.ResponseTopicPrefix + "/" + ClientId.Replace('/', '_').Replace('+', '_').Replace('#', '_');

        _inbound = Channel.CreateBounded<MqttMessage>(
            new BoundedChannelOptions(options.InboundCapacity)
            {
                SingleWriter = true,
                FullMode = options.InboundFullMode == MqttInboundFullMode.DropOldest ? BoundedChannelFullMode.DropOldest : BoundedChannelFullMode.DropWrite,
            },
            OnInboundDropped);
        _stateEvents = Channel.CreateUnbounded<MqttConnectionStateChangedEventArgs>(new UnboundedChannelOptions { SingleReader = true });
        _ = Task.Run(PumpStateEventsAsync);

        MosquittoRuntime.EnsureInitialized();
        _self = GCHandle.Alloc(this);
        try
        {
            _handle = CreateHandle();
        }
        catch
        {
            _self.Free();
            throw;
        }
    }

    public string ClientId { get; }

    public string Endpoint => _endpointText;

    public MqttConnectionState State => (MqttConnectionState)Volatile.Read(ref _state);

    public event EventHandler<MqttConnectionStateChangedEventArgs>? StateChanged;

    public ChannelReader<MqttMessage> Messages => _inbound.Reader;

    public long DroppedInboundMessages => Interlocked.Read(ref _dropped);

    /// <summary>The topic on which this client receives responses to its requests.</summary>
    internal string ResponseTopic => _responseTopic;

    /// <summary>The last error or warning libmosquitto logged (e.g. the OpenSSL verification failure).</summary>
    internal string? LastLibraryError => _lastLibraryError;

    public async Task ConnectAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        LoopRun run;
        lock (_gate)
        {
            if (_run is { } existing)
            {
                if (existing.FirstConnect.Task.IsCompletedSuccessfully)
                {
                    return;
                }

                throw new InvalidOperationException($"MQTT client {ClientId} is already connecting to {_endpointText}.");
            }

            run = new LoopRun();
            _run = run;
        }

        _lastLibraryError = null;
        SetState(MqttConnectionState.Connecting, null);
        var thread = new Thread(RunLoop) { IsBackground = true, Name = "mqtt " + ClientId };
        thread.Start(run);
        try
        {
            await run.FirstConnect.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await StopLoopAsync(run).ConfigureAwait(false);
            SetState(MqttConnectionState.Disconnected, "connect failed");
            throw;
        }
    }

    public async Task DisconnectAsync(CancellationToken cancellationToken = default)
    {
        LoopRun? run;
        lock (_gate)
        {
            run = _run;
        }

        if (run is not null)
        {
            await StopLoopAsync(run).WaitAsync(cancellationToken).ConfigureAwait(false);
            SetState(MqttConnectionState.Disconnected, "disconnected on request");
            MessagingLog.Disconnected(_logger, ClientId, _endpointText);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        LoopRun? run;
        lock (_gate)
        {
            run = _run;
        }

        var loopStopped = run is null || await StopLoopAsync(run).ConfigureAwait(false);
        SetState(MqttConnectionState.Disposed, "disposed");
        lock (_gate)
        {
            if (loopStopped || run!.Exited.Task.IsCompleted)
            {
                DestroyHandleLocked();
            }
            else
            {
                // The network thread is stuck in a blocking connect; it releases the handle when it returns.
                run.DestroyOnExit = true;
            }
        }

        var disposed = new ObjectDisposedException(nameof(IMqttClient), $"MQTT client {ClientId} was disposed.");
        FailAllPending(disposed);
        _connected.TrySetException(disposed);
        _inbound.Writer.TryComplete();
        _stateEvents.Writer.TryComplete();
    }

    private IntPtr CreateHandle()
    {
        var handle = LibMosquitto.New(ClientId, _options.CleanStart, GCHandle.ToIntPtr(_self));
        if (handle == IntPtr.Zero)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new MqttException($"mosquitto_new failed for client id '{ClientId}': {Marshal.GetPInvokeErrorMessage(errno)}", _endpointText);
        }

        try
        {
            Configure(handle);
            return handle;
        }
        catch
        {
            LibMosquitto.Destroy(handle);
            throw;
        }
    }

    private unsafe void Configure(IntPtr handle)
    {
        Check(LibMosquitto.IntOption(handle, LibMosquitto.OptProtocolVersion, (int)_options.ProtocolVersion), "set the protocol version");
        Check(LibMosquitto.IntOption(handle, LibMosquitto.OptTcpNoDelay, 1), "set TCP_NODELAY");
        Check(LibMosquitto.IntOption(handle, LibMosquitto.OptSendMaximum, _options.MaxInflight), "set the in-flight window");

        // We run mosquitto_loop on our own thread: threaded mode makes libmosquitto lock its state and leave
        // socket writes to that thread (API calls wake it through its socket pair).
        Check(LibMosquitto.ThreadedSet(handle, true), "enable threaded mode");
        LibMosquitto.ConnectV5CallbackSet(handle, (IntPtr)(delegate* unmanaged<IntPtr, IntPtr, int, int, IntPtr, void>)&OnConnectNative);
        LibMosquitto.DisconnectV5CallbackSet(handle, (IntPtr)(delegate* unmanaged<IntPtr, IntPtr, int, IntPtr, void>)&OnDisconnectNative);
        LibMosquitto.PublishV5CallbackSet(handle, (IntPtr)(delegate* unmanaged<IntPtr, IntPtr, int, int, IntPtr, void>)&OnPublishNative);
        LibMosquitto.MessageV5CallbackSet(handle, (IntPtr)(delegate* unmanaged<IntPtr, IntPtr, MosquittoMessage*, IntPtr, void>)&OnMessageNative);
        LibMosquitto.SubscribeV5CallbackSet(handle, (IntPtr)(delegate* unmanaged<IntPtr, IntPtr, int, int, int*, IntPtr, void>)&OnSubscribeNative);
        LibMosquitto.UnsubscribeV5CallbackSet(handle, (IntPtr)(delegate* unmanaged<IntPtr, IntPtr, int, IntPtr, void>)&OnUnsubscribeNative);
        LibMosquitto.LogCallbackSet(handle, (IntPtr)(delegate* unmanaged<IntPtr, IntPtr, int, IntPtr, void>)&OnLogNative);

        if (_options.Username is not null)
        {
            Check(LibMosquitto.UsernamePwSet(handle, _options.Username, _options.Password), "set the user name and password");
        }

        if (_endpoint.UseTls)
        {
            Check(LibMosquitto.TlsSet(handle, _options.CaFile, null, _options.ClientCertificateFile, _options.ClientKeyFile, IntPtr.Zero), "configure TLS (CA, certificate, key)");

            // Host name verification stays on: never call mosquitto_tls_insecure_set(true).
            Check(LibMosquitto.TlsInsecureSet(handle, false), "enable host name verification");
        }

        if (_options.Will is { } will)
        {
            SetWill(handle, will);
        }

        if (_options.ProtocolVersion == MqttProtocolVersion.V500 && !_options.CleanStart && _options.SessionExpiry == TimeSpan.Zero)
        {
            MessagingLog.SessionWithoutExpiry(_logger, ClientId);
        }
    }

    private unsafe void SetWill(IntPtr handle, MqttMessage will)
    {
        var properties = _options.ProtocolVersion == MqttProtocolVersion.V500 ? NativeProperties.Build(will, _endpointText) : IntPtr.Zero;
        int rc;
        fixed (byte* payload = will.Payload.Span)
        {
            rc = LibMosquitto.WillSetV5(handle, will.Topic, will.Payload.Length, payload, (int)will.Qos, will.Retain, properties);
        }

        if (rc != LibMosquitto.ErrSuccess)
        {
            // On success the property list belongs to libmosquitto; on failure it is still ours.
            LibMosquitto.PropertyFreeAll(ref properties);
            Check(rc, "set the will");
        }
    }

    private void Check(int rc, string what)
    {
        if (rc != LibMosquitto.ErrSuccess)
        {
            throw new MqttException($"MQTT client {ClientId} could not {what} for {_endpointText}: {MosquittoRuntime.ErrorText(rc, 0)}", _endpointText, rc);
        }
    }

    /// <summary>Caller holds <see cref="_gate"/>.</summary>
    private void DestroyHandleLocked()
    {
        if (_handle != IntPtr.Zero)
        {
            LibMosquitto.Destroy(_handle);
            _handle = IntPtr.Zero;
        }

        // Only after mosquitto_destroy: no callback can arrive any more.
        if (_self.IsAllocated)
        {
            _self.Free();
        }
    }

    private void SetState(MqttConnectionState next, string? reason)
    {
        int previous;
        do
        {
            previous = Volatile.Read(ref _state);
            if (previous == (int)MqttConnectionState.Disposed || previous == (int)next)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _state, (int)next, previous) != previous);

        _stateEvents.Writer.TryWrite(new MqttConnectionStateChangedEventArgs((MqttConnectionState)previous, next, reason));
    }

    private async Task PumpStateEventsAsync()
    {
        await foreach (var change in _stateEvents.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                StateChanged?.Invoke(this, change);
            }
#pragma warning disable CA1031 // A subscriber's bug must not stop state notifications for the others.
            catch (Exception e)
#pragma warning restore CA1031
            {
                MessagingLog.StateHandlerFailed(_logger, e, ClientId);
            }
        }
    }

    private void OnInboundDropped(MqttMessage message)
    {
        var dropped = Interlocked.Increment(ref _dropped);

        // First drop and then every 1000th: a slow consumer must not also flood the log.
        if (dropped == 1 || dropped % 1000 == 0)
        {
            MessagingLog.InboundDropped(_logger, ClientId, message.Topic, dropped);
        }
    }

    private void FailAllPending(Exception error)
    {
        FailHeld(error);
        List<PendingAck> failed;
        lock (_gate)
        {
            failed = [.. _pending.Values];
            _pending.Clear();
        }

        foreach (var pending in failed)
        {
            pending.Completion.TrySetException(error);
        }

        foreach (var request in _requests.Values)
        {
            request.Completion.TrySetException(error);
        }
    }

    /// <summary>One ConnectAsync..DisconnectAsync span of the network thread.</summary>
    private sealed class LoopRun
    {
        public TaskCompletionSource FirstConnect { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Exited { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationTokenSource Stop { get; } = new();

        /// <summary>Set under the gate by DisposeAsync when the thread outlived its stop timeout.</summary>
        public bool DestroyOnExit { get; set; }

        public int Attempt { get; set; }
    }
}

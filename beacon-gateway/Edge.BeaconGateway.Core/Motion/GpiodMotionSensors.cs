using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading.Channels;
using Edge.BeaconGateway.Motion.Native;

namespace Edge.BeaconGateway.Motion;

/// <summary>
/// PIR sensors on the hub's GPIO through libgpiod: every configured line is requested for both edges (consumer
/// "beacon-gateway", so `gpioinfo` shows who holds it) and watched by its own thread, because libgpiod's wait blocks;
/// the threads wake every 250 ms to notice disposal. Edges are stamped with the injected clock (the kernel's stamps
/// are CLOCK_MONOTONIC) and queued in a bounded channel; when the reader falls behind the oldest edge is dropped,
/// which at worst shortens a zone's activity by one edge.
/// </summary>
public sealed class GpiodMotionSensors : IMotionSensors
{
    private static readonly Gpiod.Timespec WaitSlice = new() { Seconds = 0, Nanoseconds = 250_000_000 };
    private readonly nint _chip;
    private readonly List<(MotionSensorOptions Sensor, nint Line)> _lines = [];
    private readonly List<Thread> _threads = [];
    private readonly Channel<MotionEdge> _edges = Channel.CreateBounded<MotionEdge>(new BoundedChannelOptions(1024) { FullMode = BoundedChannelFullMode.DropOldest });
    private readonly TimeProvider _time;
    private volatile bool _stopping;

    private GpiodMotionSensors(nint chip, TimeProvider time)
    {
        _chip = chip;
        _time = time;
    }

    /// <summary>Opens the chip and requests every line; throws <see cref="MotionSensorUnavailableException"/> naming the fix.</summary>
    public static GpiodMotionSensors Open(MotionOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        nint chip;
        try
        {
            chip = Gpiod.ChipOpenLookup(options.Chip);
        }
        catch (DllNotFoundException ex)
        {
            throw new MotionSensorUnavailableException($"libgpiod ({Gpiod.Library}) is not installed: install the Debian package libgpiod2 (./edge setup does) or set BeaconGateway:Motion:Source to none.", ex);
        }

        if (chip == 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new MotionSensorUnavailableException($"The GPIO chip '{options.Chip}' cannot be opened ({Marshal.GetPInvokeErrorMessage(errno)}): check `gpiodetect` and BeaconGateway:Motion:Chip; the service user needs access to /dev/gpiochip*.");
        }

        var sensors = new GpiodMotionSensors(chip, time);
        try
        {
            foreach (var sensor in options.Sensors)
            {
                var line = Gpiod.ChipGetLine(chip, sensor.Line);
                if (line == 0)
                {
                    throw new MotionSensorUnavailableException($"GPIO line {sensor.Line} of '{options.Chip}' (sensor '{sensor.Id}') does not exist: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}.");
                }

                if (Gpiod.LineRequestBothEdgesEventsFlags(line, "beacon-gateway", sensor.ActiveLow ? Gpiod.RequestFlagActiveLow : 0) != 0)
                {
                    throw new MotionSensorUnavailableException($"GPIO line {sensor.Line} of '{options.Chip}' (sensor '{sensor.Id}') cannot be requested ({Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}); `gpioinfo` shows who holds it.");
                }

                sensors._lines.Add((sensor, line));
            }
        }
        catch
        {
            sensors.Release();
            throw;
        }

        foreach (var (sensor, line) in sensors._lines)
        {
            var thread = new Thread(() => sensors.Watch(sensor.Id, line)) { IsBackground = true, Name = $"gpio {sensor.Id}" };
            sensors._threads.Add(thread);
            thread.Start();
        }

        return sensors;
    }

    public async IAsyncEnumerable<MotionEdge> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var edge in _edges.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return edge;
        }
    }

    public ValueTask DisposeAsync()
    {
        _stopping = true;
        foreach (var thread in _threads)
        {
            thread.Join();
        }

        Release();
        _edges.Writer.TryComplete();
        return ValueTask.CompletedTask;
    }

    private void Watch(string sensorId, nint line)
    {
        while (!_stopping)
        {
            var ready = Gpiod.LineEventWait(line, WaitSlice);
            if (ready < 0)
            {
                _edges.Writer.TryComplete(new MotionSensorUnavailableException($"Waiting on sensor '{sensorId}' failed: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}."));
                return;
            }

            if (ready == 1 && Gpiod.LineEventRead(line, out var evt) == 0)
            {
                _edges.Writer.TryWrite(new MotionEdge(sensorId, evt.EventType == Gpiod.EventRisingEdge, _time.GetUtcNow()));
            }
        }
    }

    private void Release()
    {
        foreach (var (_, line) in _lines)
        {
            Gpiod.LineRelease(line);
        }

        _lines.Clear();
        Gpiod.ChipClose(_chip);
    }
}

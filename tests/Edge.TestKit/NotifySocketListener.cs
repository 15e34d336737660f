using System.Net.Sockets;
using System.Text;

namespace Edge.TestKit;

/// <summary>
/// Plays systemd's part of sd_notify: a unix datagram socket a test owns. Point NOTIFY_SOCKET at
/// <see cref="Address"/> and read what the service sends.
/// </summary>
public sealed class NotifySocketListener : IDisposable
{
    private readonly Socket _socket;
    private readonly TempDirectory? _dir;

    /// <param name="abstractName">Bind an abstract socket (address "@name") instead of a file.</param>
    public NotifySocketListener(bool abstractName = false)
    {
        _socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        if (abstractName)
        {
            var name = "edge-test-" + Guid.NewGuid().ToString("N");
            _socket.Bind(new UnixDomainSocketEndPoint("\0" + name));
            Address = "@" + name;
        }
        else
        {
            _dir = new TempDirectory("notify");
            Address = _dir.File("notify.sock");
            _socket.Bind(new UnixDomainSocketEndPoint(Address));
        }
    }

    /// <summary>The value for NOTIFY_SOCKET.</summary>
    public string Address { get; }

    /// <summary>The next datagram, or a TimeoutException naming what was awaited.</summary>
    public async Task<string> ReceiveAsync(TimeSpan timeout)
    {
        var buffer = new byte[4096];
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            var n = await _socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token).ConfigureAwait(false);
            return Encoding.UTF8.GetString(buffer, 0, n);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No sd_notify datagram arrived on {Address} within {timeout}.");
        }
    }

    /// <summary>Reads datagrams until one contains <paramref name="line"/>; returns every datagram read.</summary>
    public async Task<IReadOnlyList<string>> ReceiveUntilAsync(string line, TimeSpan timeout)
    {
        var seen = new List<string>();
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            var remaining = timeout;
            string message;
            try
            {
                message = await ReceiveAsync(remaining).WaitAsync(cts.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or TimeoutException)
            {
                throw new TimeoutException($"'{line}' did not arrive within {timeout}; got: [{string.Join(" | ", seen)}]");
            }

            seen.Add(message);
            if (message.Split('\n').Contains(line))
            {
                return seen;
            }
        }
    }

    public void Dispose()
    {
        _socket.Dispose();
        _dir?.Dispose();
    }
}

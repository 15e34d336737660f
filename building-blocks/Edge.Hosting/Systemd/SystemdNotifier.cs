using System.Net.Sockets;
using System.Text;

namespace Edge.Hosting.Systemd;

/// <summary>
/// sd_notify over the $NOTIFY_SOCKET unix datagram socket, written here because
/// Microsoft.Extensions.Hosting.Systemd is not served. An address starting with '@' is an abstract socket
/// name (the '@' stands for a leading NUL byte). Send failures are swallowed after logging by the caller:
/// systemd being gone must never take the service down.
/// </summary>
internal sealed class SystemdNotifier : ISystemdNotifier, IDisposable
{
    private readonly UnixDomainSocketEndPoint? _endpoint;
    private readonly Socket? _socket;
    private readonly SemaphoreSlim _sendLock = new(1, 1);

    public SystemdNotifier(SystemdEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (environment.NotifySocket is { } path)
        {
            _endpoint = new UnixDomainSocketEndPoint(path[0] == '@' ? "\0" + path[1..] : path);
            _socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        }
    }

    public bool IsEnabled => _socket is not null;

    public async ValueTask NotifyAsync(string state, CancellationToken cancellationToken)
    {
        if (_socket is null || _endpoint is null)
        {
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(state);
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _socket.SendToAsync(bytes, SocketFlags.None, _endpoint, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>One-shot send for paths where no host exists (start-up failures).</summary>
    public static void TryNotify(SystemdEnvironment environment, string state)
    {
        try
        {
            using var notifier = new SystemdNotifier(environment);
            notifier.NotifyAsync(state, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        }
        catch (SocketException)
        {
            // Nobody listening: nothing to tell.
        }
    }

    public void Dispose()
    {
        _socket?.Dispose();
        _sendLock.Dispose();
    }
}

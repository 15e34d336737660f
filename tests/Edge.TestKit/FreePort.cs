using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace Edge.TestKit;

public static class FreePort
{
    // Below Linux's ephemeral range (net.ipv4.ip_local_port_range, 32768-60999 by default). A port the OS hands out
    // as "free" from that range can be taken, before the test's server binds it, as the source port of any outgoing
    // connection on the machine; that once made the whole-store test's edge-agent fail to bind ("address already in
    // use") while its health check reached whatever held the port. Outgoing connections never take ports below it.
    private const int First = 20_000;
    private const int End = 32_000;

    /// <summary>A TCP port on 127.0.0.1 that nothing listens on right now, outside the ephemeral range.</summary>
    public static int Next()
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var port = RandomNumberGenerator.GetInt32(First, End);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // in use: another one
            }
        }

        throw new InvalidOperationException($"no free TCP port between {First} and {End} on 127.0.0.1");
    }
}

using System.Net.Sockets;

namespace Edge.Provisioning.Doctor;

/// <summary>
/// The smallest MQTT 3.1.1 exchange (CONNECT, CONNACK, DISCONNECT; spec sections 3.1, 3.2, 3.14) over a raw
/// socket, to ask the broker "would you let an anonymous client in?" without needing a client library.
/// </summary>
internal static class MqttConnectProbe
{
    /// <summary>CONNACK return code (0 accepted, 4 bad user name or password, 5 not authorised).</summary>
    public static async Task<int> ConnectAnonymousAsync(string host, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        using var client = new TcpClient();
        await client.ConnectAsync(host, port, cts.Token).ConfigureAwait(false);
        var stream = client.GetStream();

        const string clientId = "edge-doctor";
        byte[] connect =
        [
            0x10, (byte)(10 + 2 + clientId.Length),           // CONNECT, remaining length
            0x00, 0x04, (byte)'M', (byte)'Q', (byte)'T', (byte)'T', // protocol name
            0x04,                                             // protocol level 3.1.1
            0x02,                                             // clean session, no user name or password
            0x00, 0x0A,                                       // keep alive 10 s
            0x00, (byte)clientId.Length, .. System.Text.Encoding.ASCII.GetBytes(clientId),
        ];
        await stream.WriteAsync(connect, cts.Token).ConfigureAwait(false);

        var connack = new byte[4];
        await stream.ReadExactlyAsync(connack, cts.Token).ConfigureAwait(false);
        if (connack[0] != 0x20 || connack[1] != 0x02)
        {
            throw new IOException($"not an MQTT broker (answered 0x{connack[0]:x2})");
        }

        if (connack[3] == 0)
        {
            await stream.WriteAsync(new byte[] { 0xE0, 0x00 }, cts.Token).ConfigureAwait(false);
        }

        return connack[3];
    }
}

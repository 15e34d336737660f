using System.Net.Sockets;

namespace Edge.Provisioning.Doctor;

/// <summary>A TCP connection to the cloud broker opens (DNS, routing, store firewall). TLS and MQTT are cloud-sync's to report.</summary>
internal sealed class CloudReachabilityCheck(string? endpoint, TimeSpan timeout) : IDoctorCheck
{
    public string Name => "cloud reachability";

    public async Task<CheckResult> RunAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return CheckResult.Warn(Name, "no cloud endpoint configured", "pass --cloud host:port (or set EDGE_CLOUD_ENDPOINT); `edge-provision claim` sets it up");
        }

        var colon = endpoint.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(endpoint[(colon + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            return CheckResult.Fail(Name, $"'{endpoint}' is not host:port", "pass --cloud host:port, e.g. mqtt.example.com:8883");
        }

        var host = endpoint[..colon];
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(host, port, cts.Token).ConfigureAwait(false);
            return CheckResult.Ok(Name, $"{endpoint} accepts connections");
        }
        catch (SocketException ex)
        {
            return CheckResult.Fail(Name, $"{endpoint}: {ex.Message}", "check the store's internet link and firewall (outbound TCP " + port + "); the hub keeps working offline");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return CheckResult.Fail(Name, $"{endpoint}: no answer within {timeout.TotalSeconds:0} s", "check the store's internet link and firewall; the hub keeps working offline");
        }
    }
}

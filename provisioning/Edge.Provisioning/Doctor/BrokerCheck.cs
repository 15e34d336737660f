using System.Net.Sockets;

namespace Edge.Provisioning.Doctor;

/// <summary>
/// The local broker answers MQTT, and refuses a client without credentials: if an anonymous client gets in,
/// the per-device ACLs protect nothing.
/// </summary>
internal sealed class BrokerCheck(string host, int port, TimeSpan timeout) : IDoctorCheck
{
    public string Name => "broker";

    public async Task<CheckResult> RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            var code = await MqttConnectProbe.ConnectAnonymousAsync(host, port, timeout, cancellationToken).ConfigureAwait(false);
            return code switch
            {
                0 => CheckResult.Fail(Name, $"{host}:{port} lets anonymous clients in: device ACLs are bypassed", "set `allow_anonymous false` in the mosquitto config and `systemctl reload mosquitto`"),
                4 or 5 => CheckResult.Ok(Name, $"{host}:{port} answers and refuses anonymous clients"),
                _ => CheckResult.Warn(Name, $"{host}:{port} refused the probe with code {code}", "check the mosquitto log"),
            };
        }
        catch (SocketException ex)
        {
            return CheckResult.Fail(Name, $"{host}:{port}: {ex.Message}", "`systemctl status mosquitto`");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return CheckResult.Fail(Name, $"{host}:{port}: no MQTT answer within {timeout.TotalSeconds:0} s", "`systemctl status mosquitto`");
        }
        catch (IOException ex)
        {
            return CheckResult.Fail(Name, $"{host}:{port}: {ex.Message}", "is something else listening on the broker's port?");
        }
    }
}

using System.Globalization;
using Edge.TestKit;

namespace Edge.Messaging.Tests.Interop;

/// <summary>
/// aedes (npm, Interop/Scripts/aedes-broker.mjs) on a free loopback port it picks itself and reports on stdout,
/// so no port can be taken between choosing and binding. aedes 1.2.0 speaks MQTT 3.1.1 only.
/// </summary>
internal sealed class AedesBroker : IInteropBroker
{
    private readonly LineProcess _process;

    private AedesBroker(LineProcess process, int port)
    {
        _process = process;
        Port = port;
    }

    public string Uri => $"mqtt://127.0.0.1:{Port}";

    public int Port { get; }

    public MqttProtocolVersion Version => MqttProtocolVersion.V311;

    public static async Task<IInteropBroker> StartAsync()
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Interop", "Scripts", "aedes-broker.mjs");
        var process = LineProcess.Start(NodeToolSet.Node!, script, NodeToolSet.ModulesPath(MqttJsPeer.ToolSet));
        try
        {
            var line = await process.WaitForLineAsync(l => l.StartsWith("listening ", StringComparison.Ordinal), "'listening <port>'");
            return new AedesBroker(process, int.Parse(line["listening ".Length..], CultureInfo.InvariantCulture));
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}

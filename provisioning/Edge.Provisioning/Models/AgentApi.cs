using System.Net.Sockets;
using Edge.Provisioning.Tokens;

namespace Edge.Provisioning.Models;

/// <summary>
/// edge-agent's local API as edge-provision reaches it: the address and the provisioning token come from edge-agent's
/// own configuration file, so what the CLI presents is by construction what the agent was started with.
/// </summary>
internal static class AgentApi
{
    /// <summary>EdgeAgent:Api:Url's default (docs/configuration.md).</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>A client with the provisioning token, aimed at edge-agent's loopback URL or unix socket.</summary>
    public static HttpClient Create(string agentConfigFile, Func<HttpMessageHandler>? handler)
    {
        var config = JsonConfigFile.Load(agentConfigFile);
        var caller = ApiCaller.Find("provisioning")!;
        var token = config.Get(caller.AgentConfigKey)
            ?? throw new CliException($"{caller.AgentConfigKey} is not set in {agentConfigFile}; run `edge-provision tokens issue`", ExitCodes.Config);
        var url = config.Get("EdgeAgent:Api:Url") ?? DefaultUrl;
        HttpClient client;
        if (url.StartsWith("unix:", StringComparison.Ordinal))
        {
            // A unix socket (EdgeAgent:Api:Url=unix:/path): the request URI's host is a placeholder.
            var socketPath = url["unix:".Length..];
            client = new HttpClient(handler?.Invoke() ?? new SocketsHttpHandler { ConnectCallback = (_, ct) => ConnectUnixAsync(socketPath, ct) })
            {
                BaseAddress = new Uri("http://edge-agent/"),
            };
        }
        else
        {
            client = new HttpClient(handler?.Invoke() ?? new SocketsHttpHandler()) { BaseAddress = new Uri(url.TrimEnd('/') + "/") };
        }

        client.Timeout = Timeout;
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    private static async ValueTask<Stream> ConnectUnixAsync(string path, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

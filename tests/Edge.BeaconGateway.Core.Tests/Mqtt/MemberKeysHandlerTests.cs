using System.Text;
using System.Text.Json;
using Edge.BeaconGateway.Hosting;
using Edge.BeaconGateway.Members;
using Edge.BeaconGateway.Mqtt;
using Edge.BeaconGateway.Tests.Members;
using Edge.Contracts.Agent;
using Edge.Messaging;
using Edge.Messaging.Hosting;
using Edge.TestKit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Edge.BeaconGateway.Tests.Mqtt;

/// <summary>
/// edge-agent's key-table updates reaching the gateway over a real broker. Bad inputs tried: a payload that is not
/// JSON, a replayed older version, a key file that does not exist.
/// </summary>
public sealed class MemberKeysHandlerTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly TempDirectory _dir = new("member-keys");
    private readonly List<MemberKey> _members = MemberIdTableTests.Members(3, seed: 11);
    private MosquittoBroker? _broker;
    private IHost? _host;
    private IMqttClient? _agent;

    public async Task InitializeAsync()
    {
        if (ExternalTools.Find("mosquitto") is null)
        {
            return;
        }

        _broker = await MosquittoBroker.StartAsync();
        EncryptedMemberKeyFile.CreateKeyFile(_dir.File("kek"));
        await EncryptedMemberKeyFile.WriteAsync(_dir.File("keys-0.emk"), _dir.File("kek"), _members, CancellationToken.None);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["BeaconGateway:Source"] = "remote",
            ["BeaconGateway:Members:KeyFile"] = _dir.File("keys-0.emk"),
            ["BeaconGateway:Members:KeyEncryptionKeyFile"] = _dir.File("kek"),
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddBeaconGatewayCore();
        builder.Services.AddEdgeMqtt(o => o.Server = _broker.Uri);
        _host = builder.Build();
        await _host.Services.GetRequiredService<IMqttClient>().ConnectAsync().WaitAsync(Timeout);
        await _host.StartAsync();
        await _host.Services.GetServices<IHostedService>().OfType<LocalBusInbox>().Single().Subscribed.Task.WaitAsync(Timeout);
        _agent = new MqttClientFactory().Create(new MqttClientOptions { Server = _broker.Uri });
        await _agent.ConnectAsync().WaitAsync(Timeout);
    }

    public async Task DisposeAsync()
    {
        if (_agent is not null)
        {
            await _agent.DisposeAsync();
        }

        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }

        if (_broker is not null)
        {
            await _broker.DisposeAsync();
        }

        _dir.Dispose();
    }

    [RequiresMosquittoFact]
    public async Task Update_Revocation_MemberStopsResolvingOthersStay()
    {
        var resolver = _host!.Services.GetRequiredService<RotatingIdResolver>();
        Assert.True(Resolves(resolver, 0));
        await EncryptedMemberKeyFile.WriteAsync(_dir.File("keys-1.emk"), _dir.File("kek"), _members.Skip(1).ToList(), CancellationToken.None);

        var outcome = await SendAsync(new MemberKeysUpdate(1, _dir.File("keys-1.emk"), 2, [_members[0].MemberId], DateTimeOffset.UnixEpoch));

        Assert.Equal("applied", outcome);
        Assert.False(Resolves(resolver, 0));
        Assert.True(Resolves(resolver, 1));
        Assert.True(Resolves(resolver, 2));
    }

    [RequiresMosquittoFact]
    public async Task Update_ReplayedOldVersionOrGarbage_IgnoredAndCounted()
    {
        var handler = _host!.Services.GetRequiredService<MemberKeysHandler>();
        await EncryptedMemberKeyFile.WriteAsync(_dir.File("keys-5.emk"), _dir.File("kek"), _members, CancellationToken.None);
        Assert.Equal("applied", await SendAsync(new MemberKeysUpdate(5, _dir.File("keys-5.emk"), 3, [], DateTimeOffset.UnixEpoch)));

        Assert.Equal("old", await SendAsync(new MemberKeysUpdate(4, _dir.File("keys-0.emk"), 3, [_members[2].MemberId], DateTimeOffset.UnixEpoch)));
        Assert.Equal("rejected", await SendRawAsync(Encoding.UTF8.GetBytes("{ nope")));
        Assert.Equal("rejected", await SendAsync(new MemberKeysUpdate(6, _dir.File("missing.emk"), 3, [], DateTimeOffset.UnixEpoch)));

        Assert.True(Resolves(_host.Services.GetRequiredService<RotatingIdResolver>(), 2)); // the old version's revocation was not applied
        Assert.Equal(2, handler.Rejected);
        Assert.Equal(1, handler.Applied);
    }

    private bool Resolves(RotatingIdResolver resolver, int member) =>
        resolver.TryResolve(RotatingId.Compute(_members[member].Key, RotatingId.WindowIndex(DateTimeOffset.UtcNow, RotatingId.DefaultWindow)), out string _, out _);

    private Task<string> SendAsync(MemberKeysUpdate update) =>
        SendRawAsync(JsonSerializer.SerializeToUtf8Bytes(update, AgentBusJsonContext.Default.MemberKeysUpdate));

    private async Task<string> SendRawAsync(byte[] payload)
    {
        var handler = _host!.Services.GetRequiredService<MemberKeysHandler>();
        var handled = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnHandled(string outcome) => handled.TrySetResult(outcome);
        handler.Handled += OnHandled;
        try
        {
            await _agent!.PublishAsync(new MqttMessage(AgentTopics.MemberKeys, payload) { Retain = true }).WaitAsync(Timeout);
            return await handled.Task.WaitAsync(Timeout);
        }
        finally
        {
            handler.Handled -= OnHandled;
        }
    }
}

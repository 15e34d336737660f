using System.Diagnostics;
using Edge.TestKit;
using Xunit.Abstractions;

namespace Edge.Messaging.Tests.Broker;

/// <summary>Password file and ACL on a real mosquitto; every refusal must surface the broker's reason code.</summary>
public sealed class AuthorizationTests(ITestOutputHelper output)
{
    [RequiresToolFact("mosquitto_passwd", "mosquitto")]
    public async Task ConnectAsync_WrongPasswordMqtt5_ThrowsWithTheBrokersReasonCode()
    {
        await using var broker = await StartSecuredBrokerAsync();
        await using var client = TestClients.Create(broker.Uri, o =>
        {
            o.Username = "alice";
            o.Password = "wrong";
        });

        var e = await Assert.ThrowsAsync<MqttException>(() => client.ConnectAsync().WaitAsync(TestClients.Timeout));
        output.WriteLine(e.Message);

        // MQTT 5 spec 3.2.2.2 offers 0x86 Bad User Name or Password; mosquitto 2.0.11 answers 0x87 Not authorized.
        Assert.Equal(135, e.ReasonCode);
        Assert.Contains("Not authorized", e.Message, StringComparison.Ordinal);
        Assert.Contains(broker.Uri, e.Message, StringComparison.Ordinal);
        Assert.Equal(MqttConnectionState.Disconnected, client.State);
    }

    [RequiresToolFact("mosquitto_passwd", "mosquitto")]
    public async Task ConnectAsync_WrongPasswordMqtt311_ThrowsWithConnackReturnCode()
    {
        await using var broker = await StartSecuredBrokerAsync();
        await using var client = TestClients.Create(broker.Uri, o =>
        {
            o.ProtocolVersion = MqttProtocolVersion.V311;
            o.Username = "alice";
            o.Password = "wrong";
        });

        var e = await Assert.ThrowsAsync<MqttException>(() => client.ConnectAsync().WaitAsync(TestClients.Timeout));
        output.WriteLine(e.Message);

        // MQTT 3.1.1 spec 3.2.2.3: 4 bad user name or password, 5 not authorized (mosquitto answers 5).
        Assert.Contains(e.ReasonCode, new int?[] { 4, 5 });
    }

    [RequiresToolFact("mosquitto_passwd", "mosquitto")]
    public async Task ConnectAsync_WrongPasswordThenRightPassword_SameKindOfClientConnects()
    {
        await using var broker = await StartSecuredBrokerAsync();
        await using (var wrong = TestClients.Create(broker.Uri, o => (o.Username, o.Password) = ("alice", "nope")))
        {
            await Assert.ThrowsAsync<MqttException>(() => wrong.ConnectAsync().WaitAsync(TestClients.Timeout));
        }

        await using var right = await TestClients.ConnectedAsync(broker.Uri, o => (o.Username, o.Password) = ("alice", "s3cret"));
        Assert.Equal(MqttConnectionState.Connected, right.State);
    }

    [RequiresToolFact("mosquitto_passwd", "mosquitto")]
    public async Task SubscribeAsync_FilterDeniedByAcl_GrantedByMosquittoButNothingDelivered()
    {
        // mosquitto 2.0.11 answers SUBACK success for a filter the ACL denies and filters at delivery instead
        // (checked with mosquitto_sub -V 5 -d). A SUBACK failure code is proven against aedes (InteropAedesTests).
        await using var broker = await StartSecuredBrokerAsync();
        await using var client = await TestClients.ConnectedAsync(broker.Uri, o => (o.Username, o.Password) = ("alice", "s3cret"));
        await client.SubscribeAsync("public/#");
        await client.SubscribeAsync("store/#");

        var denied = await Assert.ThrowsAsync<MqttException>(() => client.PublishAsync(MqttMessage.FromString("public/x", "read-only topic")));
        await client.PublishAsync(MqttMessage.FromString("store/1", "allowed"));

        Assert.Equal(135, denied.ReasonCode);
        Assert.Equal("store/1", (await client.NextAsync()).Topic);
    }

    [RequiresToolFact("mosquitto_passwd", "mosquitto")]
    public async Task PublishAsync_TopicDeniedByAcl_ThrowsWithReasonCode135()
    {
        await using var broker = await StartSecuredBrokerAsync();
        await using var client = await TestClients.ConnectedAsync(broker.Uri, o => (o.Username, o.Password) = ("alice", "s3cret"));

        var e = await Assert.ThrowsAsync<MqttException>(() => client.PublishAsync(MqttMessage.FromString("secret/x", "nope")));
        output.WriteLine(e.Message);

        // PUBACK 0x87 Not authorized (MQTT 5 spec 3.4.2.1).
        Assert.Equal(135, e.ReasonCode);
        Assert.Equal(MqttConnectionState.Connected, client.State);
    }

    private static async Task<MosquittoBroker> StartSecuredBrokerAsync()
    {
        var dir = Directory.CreateTempSubdirectory("mqtt-auth-").FullName;
        var passwords = Path.Combine(dir, "passwd");
        var acl = Path.Combine(dir, "acl");
        using (var process = Process.Start(new ProcessStartInfo(ExternalTools.Find("mosquitto_passwd")!, ["-c", "-b", passwords, "alice", "s3cret"]) { RedirectStandardError = true })!)
        {
            await process.WaitForExitAsync();
            Assert.Equal(0, process.ExitCode);
        }

        await File.WriteAllLinesAsync(acl, ["user alice", "topic readwrite store/#", "topic read public/#"]);
        return await MosquittoBroker.StartAsync(["allow_anonymous false", "password_file " + passwords, "acl_file " + acl]);
    }
}

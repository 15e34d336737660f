using Edge.Contracts.Devices;
using Edge.Provisioning.Tests.Support;
using Edge.TestKit;

namespace Edge.Provisioning.Tests.Devices;

/// <summary>
/// The ACLs proven on a real mosquitto: every test tries what the device must NOT be able to do and checks the
/// broker refused it (PUBACK 135 for a publish; for a read, a message that must not arrive is published before
/// one that must, so receiving only the second proves the first was withheld, without waiting on a timeout).
/// </summary>
public sealed class DeviceAclBrokerTests
{
    [RequiresToolFact("mosquitto_pub", "mosquitto-clients")]
    public async Task DevicesAdd_Kiosk_PublishesOwnTopicsButNotStaffAlerts()
    {
        await using var hub = await BrokerHub.StartAsync();
        var password = await hub.AddDeviceAsync("devices", "add", "kiosk", "kiosk-1");

        Assert.True(MqttCli.Accepted(await MqttCli.PublishAsync(hub.Port, "kiosk-1", password, DeviceTopics.Kiosk("kiosk-1") + "/status")));
        Assert.Equal(MqttCli.NotAuthorized, await MqttCli.PublishAsync(hub.Port, "kiosk-1", password, DeviceTopics.StaffAlertsFor("clerk-1") + "/a1"));
        Assert.Equal(MqttCli.NotAuthorized, await MqttCli.PublishAsync(hub.Port, "kiosk-1", password, DeviceTopics.Kiosk("kiosk-2") + "/status"));
        Assert.Equal(MqttCli.NotAuthorized, await MqttCli.PublishAsync(hub.Port, "kiosk-1", password, Edge.Contracts.LocalTopics.Presence + "/x"));
    }

    [RequiresToolFact("mosquitto_sub", "mosquitto-clients")]
    public async Task DevicesAdd_Wearable_ReadsOnlyItsOwnClerksAlerts()
    {
        await using var hub = await BrokerHub.StartAsync();
        var password = await hub.AddDeviceAsync("devices", "add", "wearable", "watch-1", "--clerk", "anna");

        // The wearable subscribes to every clerk's alerts; the broker must only deliver anna's.
        using var subscriber = await MqttCli.SubscribeAsync(hub.Port, "watch-1", password, Edge.Contracts.LocalTopics.StaffAlerts + "/#", count: 1);
        Assert.True(MqttCli.Accepted(await MqttCli.PublishAsync(hub.Port, BrokerHub.AdminUser, BrokerHub.AdminPassword, DeviceTopics.StaffAlertsFor("ben") + "/a1", "for-ben")));
        Assert.True(MqttCli.Accepted(await MqttCli.PublishAsync(hub.Port, BrokerHub.AdminUser, BrokerHub.AdminPassword, DeviceTopics.StaffAlertsFor("anna") + "/a2", "for-anna")));

        var messages = await subscriber.MessagesAsync();
        Assert.Equal([DeviceTopics.StaffAlertsFor("anna") + "/a2 for-anna"], messages);
    }

    [RequiresToolFact("mosquitto_pub", "mosquitto-clients")]
    public async Task DevicesAdd_Wearable_AcksOwnAlertsCannotRaiseAlertsOrAckForOthers()
    {
        await using var hub = await BrokerHub.StartAsync();
        var password = await hub.AddDeviceAsync("devices", "add", "wearable", "watch-1", "--clerk", "anna");

        Assert.True(MqttCli.Accepted(await MqttCli.PublishAsync(hub.Port, "watch-1", password, DeviceTopics.StaffAcksFor("anna") + "/a2")));
        Assert.Equal(MqttCli.NotAuthorized, await MqttCli.PublishAsync(hub.Port, "watch-1", password, DeviceTopics.StaffAcksFor("ben") + "/a1"));
        Assert.Equal(MqttCli.NotAuthorized, await MqttCli.PublishAsync(hub.Port, "watch-1", password, DeviceTopics.StaffAlertsFor("anna") + "/fake"));
    }

    [RequiresToolFact("mosquitto_pub", "mosquitto-clients")]
    public async Task DevicesAdd_Scanner_PublishesOnlyReceiverReportsForItsRoom()
    {
        await using var hub = await BrokerHub.StartAsync();
        var password = await hub.AddDeviceAsync("devices", "add", "scanner", "entrance");

        Assert.True(MqttCli.Accepted(await MqttCli.PublishAsync(hub.Port, "entrance", password, "espresense/devices/phone-abc/entrance", "{\"distance\":1.2}")));
        Assert.Equal(MqttCli.NotAuthorized, await MqttCli.PublishAsync(hub.Port, "entrance", password, "espresense/devices/phone-abc/checkout"));
        Assert.Equal(MqttCli.NotAuthorized, await MqttCli.PublishAsync(hub.Port, "entrance", password, Edge.Contracts.LocalTopics.Presence + "/member-1"));
        Assert.Equal(MqttCli.NotAuthorized, await MqttCli.PublishAsync(hub.Port, "entrance", password, DeviceTopics.StaffAlertsFor("anna") + "/x"));
    }

    [RequiresToolFact("mosquitto_sub", "mosquitto-clients")]
    public async Task DevicesAdd_Kiosk_CannotReadStaffAlerts()
    {
        await using var hub = await BrokerHub.StartAsync();
        var password = await hub.AddDeviceAsync("devices", "add", "kiosk", "kiosk-1");

        using var subscriber = await MqttCli.SubscribeAsync(hub.Port, "kiosk-1", password, "#", count: 1);
        await MqttCli.PublishAsync(hub.Port, BrokerHub.AdminUser, BrokerHub.AdminPassword, DeviceTopics.StaffAlertsFor("anna") + "/a1", "secret");
        await MqttCli.PublishAsync(hub.Port, BrokerHub.AdminUser, BrokerHub.AdminPassword, DeviceTopics.Kiosk("kiosk-1") + "/cmd", "reload");

        Assert.Equal([DeviceTopics.Kiosk("kiosk-1") + "/cmd reload"], await subscriber.MessagesAsync());
    }

    [RequiresToolFact("mosquitto_pub", "mosquitto-clients")]
    public async Task DevicesAdd_WrongPassword_ConnectionRefused()
    {
        await using var hub = await BrokerHub.StartAsync();
        await hub.AddDeviceAsync("devices", "add", "screen", "screen-1");

        Assert.Null(await MqttCli.PublishAsync(hub.Port, "screen-1", "not-the-password", DeviceTopics.Screen("screen-1") + "/status"));
    }

    [RequiresToolFact("mosquitto_pub", "mosquitto-clients")]
    public async Task DevicesRemove_AfterReload_DeviceCanNoLongerConnect()
    {
        await using var hub = await BrokerHub.StartAsync();
        var password = await hub.AddDeviceAsync("devices", "add", "beacon", "beacon-7");
        Assert.True(MqttCli.Accepted(await MqttCli.PublishAsync(hub.Port, "beacon-7", password, DeviceTopics.BeaconStatus("beacon-7"))));

        await hub.RunAndReloadAsync("devices", "remove", "beacon-7");

        Assert.Null(await MqttCli.PublishAsync(hub.Port, "beacon-7", password, DeviceTopics.BeaconStatus("beacon-7")));
        // The service user that deploy wrote is untouched.
        Assert.True(MqttCli.Accepted(await MqttCli.PublishAsync(hub.Port, BrokerHub.AdminUser, BrokerHub.AdminPassword, "store/anything")));
    }

    [RequiresToolFact("mosquitto_pub", "mosquitto-clients")]
    public async Task FactoryResetThenRestore_RealBroker_DeviceLockedOutThenBackWithSamePassword()
    {
        await using var hub = await BrokerHub.StartAsync();
        var password = await hub.AddDeviceAsync("devices", "add", "kiosk", "kiosk-1");
        var passphrase = hub.Hub.File("passphrase");
        File.WriteAllText(passphrase, "correct horse battery");
        var backup = hub.Hub.File("hub.edgebak");
        Assert.Equal(0, (await hub.Hub.RunAsync("backup", backup, "--passphrase-file", passphrase)).ExitCode);

        await hub.RunAndReloadAsync("factory-reset", "--yes");
        Assert.Null(await MqttCli.PublishAsync(hub.Port, "kiosk-1", password, DeviceTopics.Kiosk("kiosk-1") + "/status"));

        await hub.RunAndReloadAsync("restore", backup, "--passphrase-file", passphrase);
        Assert.True(MqttCli.Accepted(await MqttCli.PublishAsync(hub.Port, "kiosk-1", password, DeviceTopics.Kiosk("kiosk-1") + "/status")));
        Assert.Equal(MqttCli.NotAuthorized, await MqttCli.PublishAsync(hub.Port, "kiosk-1", password, DeviceTopics.StaffAlertsFor("anna") + "/a1"));
    }
}

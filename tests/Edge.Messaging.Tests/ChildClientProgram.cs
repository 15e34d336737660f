using Edge.Messaging;

namespace Edge.Messaging.Tests;

/// <summary>
/// Entry point when the test assembly is run as a program: `dotnet Edge.Messaging.Tests.dll will-child {uri} {willTopic} {clientId}`
/// connects OUR client with a will, prints "connected" and waits to be killed. The will test SIGKILLs it.
/// </summary>
public static class ChildClientProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args is not ["will-child", var uri, var willTopic, var clientId])
        {
            await Console.Error.WriteLineAsync("usage: will-child <uri> <will-topic> <client-id>");
            return 2;
        }

        var options = new MqttClientOptions
        {
            Server = uri,
            ClientId = clientId,
            KeepAlive = TimeSpan.FromSeconds(30),
            Will = new MqttMessage(willTopic, "offline"u8.ToArray())
            {
                Qos = MqttQualityOfService.AtLeastOnce,
                ContentType = "text/plain",
                UserProperties = [new MqttUserProperty("reason", "process-died")],
            },
        };
        await using var client = new MqttClientFactory().Create(options);
        await client.ConnectAsync();
        Console.WriteLine("connected");
        await Task.Delay(Timeout.InfiniteTimeSpan);
        return 0;
    }
}

using System.Threading.Channels;
using Edge.BeaconGateway.Hci;

namespace Edge.BeaconGateway.Tests.Support;

/// <summary>Collects the HCI events a source forwards, copied, for a test to read in order.</summary>
internal sealed class ChannelHciSink : IHciEventSink
{
    public Channel<byte[]> Events { get; } = Channel.CreateUnbounded<byte[]>();

    public void OnHciEvent(ReadOnlySpan<byte> hciEvent, DateTimeOffset receivedAt) => Events.Writer.TryWrite(hciEvent.ToArray());
}

using Edge.Provisioning.Platform;

namespace Edge.Provisioning.Tests.Support;

/// <summary>Records signals and forwards them to the real sender (so a real broker still reloads).</summary>
internal sealed class RecordingSignalSender : ISignalSender
{
    private readonly ISignalSender _inner = new UnixSignalSender();

    public List<(int Pid, int Signal)> Sent { get; } = [];

    public string? Send(int processId, int signal)
    {
        Sent.Add((processId, signal));
        return _inner.Send(processId, signal);
    }
}

namespace Edge.Provisioning.Platform;

/// <summary>Sends a POSIX signal to a process (the broker's reload). A seam so tests can see what would be sent.</summary>
internal interface ISignalSender
{
    /// <summary>Returns null on success, otherwise why the signal could not be delivered.</summary>
    string? Send(int processId, int signal);
}

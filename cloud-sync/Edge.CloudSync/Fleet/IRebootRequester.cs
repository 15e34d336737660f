namespace Edge.CloudSync.Fleet;

/// <summary>Asks the operating system to reboot the hub (Sparkplug Node Control/Reboot). Behind an interface so tests never reboot anything.</summary>
internal interface IRebootRequester
{
    Task<bool> RequestRebootAsync(CancellationToken cancellationToken);
}

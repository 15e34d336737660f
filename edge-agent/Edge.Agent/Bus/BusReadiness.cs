namespace Edge.Agent.Bus;

/// <summary>Completes once the agent is connected and subscribed to every handler's topic (tests and start-up wait on it).</summary>
internal sealed class BusReadiness
{
    private readonly TaskCompletionSource _subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Subscribed => _subscribed.Task;

    public void MarkSubscribed() => _subscribed.TrySetResult();
}

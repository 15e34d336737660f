namespace Edge.Agent.Tests.Support;

/// <summary>Polls a real condition (database state, a counter) with a deadline; fails with the message when it never holds.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        var limit = timeout ?? TimeSpan.FromSeconds(10);
        while (!condition())
        {
            if (deadline.Elapsed > limit)
            {
                Assert.Fail($"Timed out after {limit}: {what}");
            }

            await Task.Delay(5); // the pause between polls of a real condition, not a wait for time to pass
        }
    }
}

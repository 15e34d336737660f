using Edge.Inference.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Edge.Inference.Tests;

public sealed class LoggingTests
{
    [RequiresOnnxRuntimeFact]
    public void Create_Session_LogsCreationAndRoutesOrtOwnLogLinesToILogger()
    {
        using var session = OrtTestRuntime.Factory.Create(TestModels.LogisticRegression(4), "logged-model");

        Assert.Contains(OrtTestRuntime.Logs.Recent(8002), e => e.Message.Contains("logged-model", StringComparison.Ordinal));
        // ORT's own lines arrive through the [UnmanagedCallersOnly] logging callback given to CreateEnvWithCustomLogger
        // (the shared test factory forwards ORT's Information level and above).
        Assert.True(OrtTestRuntime.Logs.Count(8001) > 0, "no ORT log line reached ILogger");
        var first = OrtTestRuntime.Logs.First(8001)!;
        Assert.True(first.Level >= LogLevel.Information);
        Assert.StartsWith("ORT [", first.Message, StringComparison.Ordinal);
    }
}

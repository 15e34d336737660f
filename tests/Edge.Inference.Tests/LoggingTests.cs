using Edge.Inference.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Edge.Inference.Tests;

public sealed class LoggingTests
{
    [RequiresOnnxRuntimeFact]
    public void Create_Session_LogsCreationAndRoutesOrtOwnLogLinesToILogger()
    {
        using var session = OrtTestRuntime.Factory.Create(TestModels.LogisticRegression(4), "logged-model");

        var entries = OrtTestRuntime.Logs.Entries.ToArray();
        Assert.Contains(entries, e => e.EventId.Id == 8002 && e.Message.Contains("logged-model", StringComparison.Ordinal));
        // ORT's own lines arrive through the [UnmanagedCallersOnly] logging callback given to CreateEnvWithCustomLogger.
        Assert.Contains(entries, e => e.EventId.Id == 8001 && e.Level >= LogLevel.Information && e.Message.StartsWith("ORT [", StringComparison.Ordinal));
    }
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Edge.CloudSync.Fleet.Diagnostics;

/// <summary>
/// Counts this process's warnings and errors by event id and name since start, for the diagnostic bundle. Only the
/// counts: a message text may carry a topic or an id HQ need not see, and the bundle carries no personal data.
/// </summary>
internal sealed class LogLevelCounter : ILoggerProvider
{
    private readonly ConcurrentDictionary<(LogLevel Level, int Id, string Name), long> _counts = new();

    /// <summary>(level, event id, event name or category, count), most frequent first.</summary>
    public IReadOnlyList<(LogLevel Level, int EventId, string Name, long Count)> Snapshot() =>
        [.. _counts.Select(p => (p.Key.Level, p.Key.Id, p.Key.Name, p.Value)).OrderByDescending(p => p.Value).ThenBy(p => p.Id)];

    public ILogger CreateLogger(string categoryName) => new Counter(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Counter(LogLevelCounter owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner._counts.AddOrUpdate((logLevel, eventId.Id, eventId.Name ?? category), 1, (_, n) => n + 1);
            }
        }
    }
}

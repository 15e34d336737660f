using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Edge.Inference.Tests.Support;

/// <summary>
/// Keeps, per event id, the first entry, a count, and the last entries, so that a flood of one event (the conformance
/// run logs thousands) never hides another from a test asserting on it.
/// </summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private const int RecentPerEvent = 5_000;
    private readonly ConcurrentDictionary<int, EventLog> _events = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    /// <summary>The most recent entries of <paramref name="eventId"/>.</summary>
    public IReadOnlyCollection<LogEntry> Recent(int eventId) => _events.TryGetValue(eventId, out var log) ? log.Recent.ToArray() : [];

    /// <summary>The first entry ever logged with <paramref name="eventId"/>, or null.</summary>
    public LogEntry? First(int eventId) => _events.TryGetValue(eventId, out var log) ? log.First : null;

    public long Count(int eventId) => _events.TryGetValue(eventId, out var log) ? Interlocked.Read(ref log.Count) : 0;

    public void Dispose()
    {
    }

    private void Add(LogEntry entry)
    {
        var log = _events.GetOrAdd(entry.EventId.Id, _ => new EventLog());
        Interlocked.CompareExchange(ref log.First, entry, null);
        Interlocked.Increment(ref log.Count);
        log.Recent.Enqueue(entry);
        while (log.Recent.Count > RecentPerEvent && log.Recent.TryDequeue(out _))
        {
        }
    }

    internal sealed record LogEntry(EventId EventId, LogLevel Level, string Message);

    private sealed class EventLog
    {
        public readonly ConcurrentQueue<LogEntry> Recent = new();
        public LogEntry? First;
        public long Count;
    }

    private sealed class Logger(CapturingLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Add(new LogEntry(eventId, logLevel, formatter(state, exception)));
    }
}

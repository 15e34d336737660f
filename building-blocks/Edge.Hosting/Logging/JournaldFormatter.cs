using Serilog.Events;
using Serilog.Formatting;

namespace Edge.Hosting.Logging;

/// <summary>
/// Console lines for journald: each line starts with a syslog priority prefix (sd-daemon(3): "&lt;3&gt;" error,
/// "&lt;4&gt;" warning, "&lt;6&gt;" info, "&lt;7&gt;" debug; "&lt;2&gt;" crit for fatal) so `journalctl -p` filters work.
/// journald splits on newlines, so every line of a multi-line message or exception gets the prefix too.
/// No timestamp: journald stamps each line itself.
/// </summary>
internal sealed class JournaldFormatter : ITextFormatter
{
    public void Format(LogEvent logEvent, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        ArgumentNullException.ThrowIfNull(output);
        var prefix = Prefix(logEvent.Level);
        var source = logEvent.Properties.TryGetValue("SourceContext", out var ctx) && ctx is ScalarValue { Value: string s }
            ? ShortName(s) + ": "
            : string.Empty;
        WriteLines(output, prefix, source + logEvent.RenderMessage(System.Globalization.CultureInfo.InvariantCulture));
        if (logEvent.Exception is { } ex)
        {
            WriteLines(output, prefix, ex.ToString());
        }
    }

    public static string Prefix(LogEventLevel level) => level switch
    {
        LogEventLevel.Fatal => "<2>",
        LogEventLevel.Error => "<3>",
        LogEventLevel.Warning => "<4>",
        LogEventLevel.Information => "<6>",
        _ => "<7>",
    };

    private static string ShortName(string sourceContext)
    {
        var dot = sourceContext.LastIndexOf('.');
        return dot < 0 ? sourceContext : sourceContext[(dot + 1)..];
    }

    private static void WriteLines(TextWriter output, string prefix, string text)
    {
        foreach (var line in text.Split('\n'))
        {
            output.Write(prefix);
            output.Write(line.TrimEnd('\r'));
            output.Write('\n');
        }
    }
}

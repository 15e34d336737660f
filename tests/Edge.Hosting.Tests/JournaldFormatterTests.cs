using Edge.Hosting.Logging;
using Serilog.Events;
using Serilog.Parsing;

namespace Edge.Hosting.Tests;

public sealed class JournaldFormatterTests
{
    [Theory]
    [InlineData(LogEventLevel.Fatal, "<2>")]
    [InlineData(LogEventLevel.Error, "<3>")]
    [InlineData(LogEventLevel.Warning, "<4>")]
    [InlineData(LogEventLevel.Information, "<6>")]
    [InlineData(LogEventLevel.Debug, "<7>")]
    [InlineData(LogEventLevel.Verbose, "<7>")]
    public void Format_Level_UsesSyslogPriorityPrefix(LogEventLevel level, string prefix)
    {
        var output = Format(level, "hello", null);

        Assert.Equal(prefix + "Svc: hello\n", output);
    }

    [Fact]
    public void Format_MultiLineException_PrefixesEveryLine()
    {
        var output = Format(LogEventLevel.Error, "boom", new InvalidOperationException("line one\nline two"));

        var lines = output.TrimEnd('\n').Split('\n');
        Assert.True(lines.Length >= 3);
        Assert.All(lines, l => Assert.StartsWith("<3>", l, StringComparison.Ordinal));
        Assert.Contains(lines, l => l == "<3>line two");
    }

    private static string Format(LogEventLevel level, string text, Exception? ex)
    {
        var template = new MessageTemplateParser().Parse(text);
        var evt = new LogEvent(DateTimeOffset.UnixEpoch, level, ex, template, [new LogEventProperty("SourceContext", new ScalarValue("Edge.Test.Svc"))]);
        var writer = new StringWriter();
        new JournaldFormatter().Format(evt, writer);
        return writer.ToString();
    }
}

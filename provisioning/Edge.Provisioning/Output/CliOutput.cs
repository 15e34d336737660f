using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using QRCoder;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Edge.Provisioning.Output;

/// <summary>
/// Everything the CLI prints goes through here. On a terminal: Spectre.Console tables and colour. Redirected
/// (a pipe, a file, a test): plain aligned text with no escape codes. With --json: one JSON document on stdout
/// and nothing else there, so scripts can parse it; warnings still go to stderr.
/// </summary>
internal sealed class CliOutput
{
    private readonly TextWriter _out;
    private readonly TextWriter _error;
    private readonly IAnsiConsole? _console;

    public CliOutput(TextWriter output, TextWriter error, bool terminal, bool json)
    {
        _out = output;
        _error = error;
        Json = json;
        if (terminal && !json)
        {
            _console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Ansi = AnsiSupport.Detect,
                ColorSystem = ColorSystemSupport.Detect,
                Out = new AnsiConsoleOutput(output),
            });
        }
    }

    public bool Json { get; }

    public bool Rich => _console is not null;

    /// <summary>A line for a human; suppressed with --json so stdout stays one JSON document.</summary>
    public void Line(string text)
    {
        if (Json)
        {
            return;
        }

        if (_console is not null)
        {
            _console.Write(new Text(text + Environment.NewLine));
        }
        else
        {
            _out.WriteLine(text);
        }
    }

    public void Success(string text)
    {
        if (Json)
        {
            return;
        }

        if (_console is not null)
        {
            _console.MarkupLine("[green]" + Markup.Escape(text) + "[/]");
        }
        else
        {
            _out.WriteLine(text);
        }
    }

    /// <summary>Warnings go to stderr in every mode: they must not corrupt --json output.</summary>
    public void Warn(string text) => _error.WriteLine("warning: " + text);

    public void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, Func<IReadOnlyList<string>, Status?>? statusOf = null)
    {
        if (Json)
        {
            return;
        }

        var materialised = rows.ToList();
        if (_console is not null)
        {
            var table = new Table().Border(TableBorder.Rounded);
            foreach (var header in headers)
            {
                table.AddColumn(new TableColumn(new Text(header, new Style(decoration: Decoration.Bold))));
            }

            foreach (var row in materialised)
            {
                var style = statusOf?.Invoke(row) switch
                {
                    Status.Ok => new Style(Color.Green),
                    Status.Warn => new Style(Color.Yellow),
                    Status.Fail => new Style(Color.Red),
                    Status.Skip => new Style(Color.Grey),
                    _ => Style.Plain,
                };
                table.AddRow(row.Select(cell => (IRenderable)new Text(cell, style)));
            }

            _console.Write(table);
            return;
        }

        _out.Write(PlainTable.Render(headers, materialised));
    }

    public void WriteJson<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        _out.WriteLine(JsonSerializer.Serialize(value, typeInfo));
    }

    /// <summary>A QR code drawn with half-block characters: two modules per character row, readable by phone cameras from a terminal.</summary>
    public void Qr(string payload)
    {
        if (Json)
        {
            return;
        }

        _out.WriteLine(RenderQr(payload));
    }

    public static string RenderQr(string payload)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        using var ascii = new AsciiQRCode(data);
        return ascii.GetGraphicSmall(drawQuietZones: true, invert: false, endOfLine: "\n");
    }
}

using System.Globalization;
using System.IO.Compression;

namespace Edge.Trainer.Data;

/// <summary>
/// A CSV file read whole (the Complete Journey files are small: the largest has 116 k lines), gzip when the name ends
/// in .gz. The header must hold every column the caller names; a missing file, a missing column or a value that
/// does not parse stops with a message naming the file, the column and the line.
/// </summary>
internal sealed class CsvTable
{
    private readonly string[][] _rows;
    private readonly Dictionary<string, int> _columns;

    private CsvTable(string path, string[] header, string[][] rows)
    {
        Path = path;
        _rows = rows;
        _columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
        {
            _columns[header[i]] = i;
        }
    }

    public string Path { get; }

    public string FileName => System.IO.Path.GetFileName(Path);

    public int RowCount => _rows.Length;

    public static CsvTable Read(string path, params string[] requiredColumns)
    {
        if (!File.Exists(path))
        {
            throw new DataFormatException($"{path}: file is missing.");
        }

        using var stream = File.OpenRead(path);
        using var decompressed = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(stream, CompressionMode.Decompress) : (Stream)stream;
        using var reader = new StreamReader(decompressed);
        var headerLine = reader.ReadLine() ?? throw new DataFormatException($"{path}: file is empty (no header line).");
        var header = Split(headerLine);
        foreach (var column in requiredColumns)
        {
            if (Array.IndexOf(header, column) < 0)
            {
                throw new DataFormatException($"{path}: column '{column}' is missing (header: {string.Join(", ", header)}).");
            }
        }

        var rows = new List<string[]>();
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var fields = Split(line);
            if (fields.Length != header.Length)
            {
                throw new DataFormatException($"{path}: line {rows.Count + 2} has {fields.Length} fields; the header has {header.Length}.");
            }

            rows.Add(fields);
        }

        return new CsvTable(path, header, [.. rows]);
    }

    public int Column(string name) =>
        _columns.TryGetValue(name, out var index) ? index : throw new DataFormatException($"{Path}: column '{name}' is missing.");

    public string Text(int row, int column) => _rows[row][column];

    public long Long(int row, int column)
    {
        var text = _rows[row][column];
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        // R's write.csv prints round ids in scientific notation ("9e+05" for 900000 in coupons.csv).
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == Math.Floor(d) && Math.Abs(d) < 1e15
            ? (long)d
            : throw Bad(row, column, "an integer");
    }

    public double Double(int row, int column)
    {
        var text = _rows[row][column];
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Bad(row, column, "a number");
    }

    /// <summary>A date: "yyyy-MM-dd", or the date part of "yyyy-MM-dd HH:mm:ss".</summary>
    public DateOnly Date(int row, int column)
    {
        var text = _rows[row][column];
        var datePart = text.Length >= 10 ? text[..10] : text;
        return DateOnly.TryParseExact(datePart, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? value
            : throw Bad(row, column, "a date (yyyy-MM-dd)");
    }

    private DataFormatException Bad(int row, int column, string expected)
    {
        var name = _columns.First(c => c.Value == column).Key;
        return new DataFormatException($"{Path}: column '{name}' line {row + 2}: '{_rows[row][column]}' is not {expected}.");
    }

    /// <summary>RFC 4180 fields on one line: quotes around a field, "" inside quotes for a quote.</summary>
    internal static string[] Split(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < line.Length && line[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return [.. fields];
    }
}

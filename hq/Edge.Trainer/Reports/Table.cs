using System.Globalization;
using System.Text;

namespace Edge.Trainer.Reports;

/// <summary>A plain-text table with aligned columns (first column left, the rest right), for the console and docs.</summary>
internal static class Table
{
    public static string Format(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var widths = new int[header.Count];
        for (var c = 0; c < header.Count; c++)
        {
            widths[c] = Math.Max(header[c].Length, rows.Count == 0 ? 0 : rows.Max(r => r[c].Length));
        }

        var text = new StringBuilder();
        Append(text, header, widths);
        text.AppendLine(string.Join("-+-", widths.Select(w => new string('-', w))));
        foreach (var row in rows)
        {
            Append(text, row, widths);
        }

        return text.ToString();
    }

    public static string Number(double value) => value.ToString("F4", CultureInfo.InvariantCulture);

    private static void Append(StringBuilder text, IReadOnlyList<string> cells, int[] widths)
    {
        for (var c = 0; c < cells.Count; c++)
        {
            if (c > 0)
            {
                text.Append(" | ");
            }

            text.Append(c == 0 ? cells[c].PadRight(widths[c]) : cells[c].PadLeft(widths[c]));
        }

        text.AppendLine();
    }
}

using Microsoft.Data.Sqlite;

namespace Edge.Agent.Storage;

/// <summary>Terse parameterised commands: values are always parameters, never spliced into SQL.</summary>
internal static class SqlExtensions
{
    public static SqliteCommand Command(this SqliteConnection connection, string sql, params object?[] values)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters.AddWithValue("$" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), values[i] ?? DBNull.Value);
        }

        return command;
    }

    public static SqliteCommand Command(this SqliteTransaction transaction, string sql, params object?[] values)
    {
        var command = transaction.Connection!.Command(sql, values);
        command.Transaction = transaction;
        return command;
    }

    public static int Execute(this SqliteTransaction transaction, string sql, params object?[] values)
    {
        using var command = transaction.Command(sql, values);
        return command.ExecuteNonQuery();
    }

    public static object? Scalar(this SqliteTransaction transaction, string sql, params object?[] values)
    {
        using var command = transaction.Command(sql, values);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    public static object? Scalar(this SqliteConnection connection, string sql, params object?[] values)
    {
        using var command = connection.Command(sql, values);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    public static long Long(this SqliteTransaction transaction, string sql, params object?[] values) =>
        Convert.ToInt64(transaction.Scalar(sql, values) ?? 0L, System.Globalization.CultureInfo.InvariantCulture);

    public static long Long(this SqliteConnection connection, string sql, params object?[] values) =>
        Convert.ToInt64(connection.Scalar(sql, values) ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
}

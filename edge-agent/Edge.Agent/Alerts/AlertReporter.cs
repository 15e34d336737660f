using Edge.Agent.Bus;
using Edge.Agent.Storage;
using Edge.Contracts.Agent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Edge.Agent.Alerts;

/// <summary>
/// Sends the hourly aggregate (<see cref="AlertOutcomesEvent"/>, idempotency key "alert-outcomes:{hour}") once every
/// alert raised in that hour is closed, then erases closed alerts older than the retention whose hour was reported,
/// and deliveries older than the hourly cap's window.
/// </summary>
internal sealed class AlertReporter(AgentWriter writer, OutboxSignal outbox, IOptions<AlertsOptions> options, TimeProvider time, ILogger<AlertReporter> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var retention = options.Value.LogRetention;
        var (reported, purged) = await writer.WriteAsync(tx =>
        {
            var hours = new List<string>();
            using (var command = tx.Command(
                "SELECT DISTINCT hour FROM staff_alerts WHERE hour < $1 AND hour NOT IN (SELECT hour FROM alert_reports) ORDER BY hour;", AlertStore.HourOf(now)))
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    hours.Add(reader.GetString(0));
                }
            }

            var sent = 0;
            foreach (var hour in hours)
            {
                if (Report(tx, hour, now))
                {
                    sent++;
                }
            }

            var cutoff = AlertStore.At(now - retention);
            var erased = tx.Execute(
                "DELETE FROM staff_alerts WHERE status <> $1 AND created_at < $2 AND hour IN (SELECT hour FROM alert_reports);", AlertStore.Open, cutoff);
            tx.Execute("DELETE FROM alert_reports WHERE hour < $1;", AlertStore.HourOf(now - retention - TimeSpan.FromHours(1)));
            tx.Execute("DELETE FROM alert_deliveries WHERE at < $1;", AlertStore.At(now - TimeSpan.FromHours(2)));
            return (sent, erased);
        }, cancellationToken).ConfigureAwait(false);
        if (reported > 0)
        {
            outbox.Notify();
        }

        if (purged > 0)
        {
            AlertsLog.Purged(logger, purged, retention);
        }
    }

    private bool Report(SqliteTransaction tx, string hour, DateTimeOffset now)
    {
        if (tx.Long("SELECT count(*) FROM staff_alerts WHERE hour = $1 AND status = $2;", hour, AlertStore.Open) > 0)
        {
            return false; // report the hour once all its alerts are closed, so its figures never change afterwards
        }

        int raised = 0, claimed = 0, escalated = 0, expired = 0, withdrawn = 0;
        var toClaim = new List<double>();
        using (var command = tx.Command("SELECT status, escalation, seconds_to_claim FROM staff_alerts WHERE hour = $1;", hour))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                raised++;
                escalated += (int)reader.GetInt64(1);
                switch (reader.GetString(0))
                {
                    case "claimed":
                        claimed++;
                        toClaim.Add(reader.GetDouble(2));
                        break;
                    case "expired":
                        expired++;
                        break;
                    default:
                        withdrawn++;
                        break;
                }
            }
        }

        var outcomes = new AlertOutcomesEvent(AlertStore.Parse(hour), raised, claimed, escalated, expired, withdrawn, Median(toClaim), toClaim.Sum());
        AgentOutbox.Append(tx, OutboxStreams.AlertOutcomes, "alerts.hourly", "alert-outcomes:" + hour, now, outcomes, AgentBusJsonContext.Default.AlertOutcomesEvent);
        tx.Execute("INSERT INTO alert_reports(hour, reported_at) VALUES ($1, $2);", hour, AlertStore.At(now));
        AlertsLog.Reported(logger, hour, raised, claimed);
        return true;
    }

    internal static double? Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}

using System.Globalization;
using Edge.Agent.Alerts;
using Edge.Contracts.Agent;

namespace Edge.Agent.Loyalty;

/// <summary>Why a POS receipt cannot be booked, or null. Each reason names the field (and the line) at fault.</summary>
internal static class ReceiptValidator
{
    public static (string Code, string Reason)? Problem(PosReceipt receipt, LoyaltyOptions options, DateTimeOffset now)
    {
        if (!ApiInput.IsId(receipt.TransactionId, 128))
        {
            return ("bad_transaction_id", "transactionId must be 1-128 characters of A-Z a-z 0-9 . _ : -");
        }

        if (receipt.MemberId is not null && !ApiInput.IsId(receipt.MemberId, 128))
        {
            return ("bad_member_id", "memberId, when given, must be 1-128 characters of A-Z a-z 0-9 . _ : -");
        }

        if (receipt.OccurredAt == default || receipt.OccurredAt > now + TimeSpan.FromMinutes(5) || receipt.OccurredAt < now - options.MaxReceiptAge)
        {
            return ("bad_occurred_at", $"occurredAt must be within the last {options.MaxReceiptAge} and not in the future");
        }

        if (receipt.Total is < 0 or > 1_000_000)
        {
            return ("bad_total", "total must be 0-1000000 (refunds are not receipts)");
        }

        if (receipt.Lines is null || receipt.Lines.Count > options.MaxLines)
        {
            return ("bad_lines", $"lines must be a list of at most {options.MaxLines}");
        }

        for (var i = 0; i < receipt.Lines.Count; i++)
        {
            var line = receipt.Lines[i];
            var at = "lines[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            if (line is null || !ApiInput.IsId(line.ProductId, 128))
            {
                return ("bad_line", at + ".productId must be 1-128 characters of A-Z a-z 0-9 . _ : -");
            }

            if (line.Category is { Length: 0 or > 64 })
            {
                return ("bad_line", at + ".category must be 1-64 characters when given");
            }

            if (line.Quantity is <= 0 or > 10_000 || line.UnitPrice is < 0 or > 1_000_000)
            {
                return ("bad_line", at + ": quantity must be above 0 (at most 10000) and unitPrice 0-1000000");
            }
        }

        return null;
    }
}

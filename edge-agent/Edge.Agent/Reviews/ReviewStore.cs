using System.Globalization;
using System.Security.Cryptography;
using Edge.Agent.Bus;
using Edge.Agent.Members;
using Edge.Agent.Sessions;
using Edge.Agent.Storage;
using Edge.Contracts.Agent;

namespace Edge.Agent.Reviews;

/// <summary>
/// Reviews in SQLite (table reviews, one per member per product). Publishing writes the review and its outbox event
/// ("review:{id}") in one transaction; the verified-purchase badge is decided at posting time from
/// <see cref="IPurchaseEvidence"/>.
/// </summary>
internal sealed class ReviewStore(AgentDatabase database, AgentWriter writer, OutboxSignal outbox, IEnumerable<IPurchaseEvidence> evidence, TimeProvider time, AgentCounters counters, ILogger<ReviewStore> logger)
{
    private readonly IPurchaseEvidence[] _evidence = evidence.ToArray();

    public ProductReviews List(string productId, int limit) => database.Read(c =>
    {
        var histogram = new int[5];
        using (var command = c.Command("SELECT rating, count(*) FROM reviews WHERE product_id = $1 GROUP BY rating;", productId))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                histogram[(int)reader.GetInt64(0) - 1] = (int)reader.GetInt64(1);
            }
        }

        var list = new List<ReviewView>();
        using (var command = c.Command(
            "SELECT review_id, rating, text, author_first_name, created_at, verified FROM reviews WHERE product_id = $1 ORDER BY created_at DESC, review_id LIMIT $2;", productId, limit))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                list.Add(new ReviewView(reader.GetString(0), productId, (int)reader.GetInt64(1), reader.GetString(2), reader.GetString(3),
                    DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture), reader.GetInt64(5) == 1));
            }
        }

        var count = histogram.Sum();
        var average = count == 0 ? 0 : Math.Round(histogram.Select((n, i) => n * (i + 1)).Sum() / (double)count, 2);
        return new ProductReviews(productId, count, average, histogram, list);
    });

    /// <summary>The published review, or null when the member already reviewed this product.</summary>
    public async Task<ReviewView?> PublishAsync(KioskSession session, MemberRecord member, string productId, int rating, string text, CancellationToken cancellationToken)
    {
        var verified = database.Read(c => _evidence.Any(e => e.HasBought(c, member.MemberId, productId)));
        var now = time.GetUtcNow();
        var review = new ReviewView("rev-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)), productId, rating, text, member.FirstName, now, verified);
        var published = await writer.WriteAsync(tx =>
        {
            if (tx.Execute(
                    "INSERT OR IGNORE INTO reviews(review_id, product_id, member_id, rating, text, author_first_name, verified, kiosk_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9);",
                    review.ReviewId, productId, member.MemberId, rating, text, member.FirstName, verified ? 1 : 0, session.KioskId, now.ToString("O", CultureInfo.InvariantCulture)) == 0)
            {
                return false;
            }

            AgentOutbox.Append(tx, OutboxStreams.Reviews, "review.published", "review:" + review.ReviewId, now,
                new ReviewPostedEvent(review.ReviewId, productId, member.MemberId, rating, text, verified, session.KioskId, now), AgentEventJsonContext.Default.ReviewPostedEvent);
            return true;
        }, cancellationToken).ConfigureAwait(false);
        if (!published)
        {
            return null;
        }

        outbox.Notify();
        counters.Increment("reviews.published");
        ReviewsLog.Published(logger, review.ReviewId, productId, verified);
        return review;
    }
}

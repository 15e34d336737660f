using Edge.Contracts.Agent;
using Edge.Kiosk.Agent;

namespace Edge.Kiosk.Reviews;

/// <summary>
/// Sends queued reviews to edge-agent every 10 s. A review edge-agent refuses (expired session, moderation, bad
/// product) is dropped and logged: retrying cannot change the answer.
/// </summary>
internal sealed class ReviewQueueService(ReviewQueue queue, AgentClient agent, TimeProvider time, ILogger<ReviewQueueService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public async Task<int> FlushAsync(CancellationToken ct)
    {
        var sent = 0;
        foreach (var review in queue.Pending(50))
        {
            try
            {
                await agent.PostReviewAsync(review.ProductId, new PostReviewRequest(review.AgentSessionId, review.Rating, review.Text), ct);
                sent++;
            }
            catch (AgentUnavailableException)
            {
                return sent;
            }
            catch (AgentRefusedException ex)
            {
                KioskLog.AgentCallFailed(logger, "queued review " + review.Seq, ex.Message);
            }

            queue.Remove(review.Seq);
        }

        return sent;
    }
}

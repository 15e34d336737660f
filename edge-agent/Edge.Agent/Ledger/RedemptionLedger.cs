using System.Globalization;
using Edge.Agent.Bus;
using Edge.Agent.Storage;
using Edge.Contracts.Agent;
using Microsoft.Data.Sqlite;

namespace Edge.Agent.Ledger;

/// <summary>
/// Redeems coupons offline, in the one writer, so two tills cannot both win: a coupon is redeemed at most once.
/// The same (coupon, POS transaction) again is answered as a replay (accepted, nothing new recorded); the coupon in
/// another transaction is refused with <see cref="RedemptionRefusal.AlreadyRedeemed"/>. Unknown, expired and
/// revoked-member coupons are refused with their reason. Every accepted redemption appends its outbox event in the
/// same transaction.
/// </summary>
internal sealed class RedemptionLedger(AgentWriter writer, OutboxSignal outbox, TimeProvider time, AgentCounters counters)
{
    public async Task<RedeemResponse> RedeemAsync(RedeemRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.CouponId) || string.IsNullOrWhiteSpace(request.PosTransactionId))
        {
            counters.Increment("ledger.redeem_malformed");
            return Refuse(request, RedemptionRefusal.UnknownCoupon, "couponId and posTransactionId are required");
        }

        var now = time.GetUtcNow();
        var response = await writer.WriteAsync(tx => Redeem(tx, request, now), cancellationToken).ConfigureAwait(false);
        counters.Increment(response.Accepted ? (response.Replay ? "ledger.redeem_replay" : "ledger.redeemed") : "ledger.redeem_refused");
        if (response.Accepted && !response.Replay)
        {
            outbox.Notify();
        }

        return response;
    }

    private static RedeemResponse Redeem(SqliteTransaction tx, RedeemRequest request, DateTimeOffset now)
    {
        using (var existing = tx.Command("SELECT pos_txn_id FROM redemptions WHERE coupon_id = $1;", request.CouponId))
        {
            if (existing.ExecuteScalar() is string txn)
            {
                return txn == request.PosTransactionId
                    ? new RedeemResponse(request.CouponId, request.PosTransactionId, true, true, null, null)
                    : Refuse(request, RedemptionRefusal.AlreadyRedeemed, $"already redeemed in transaction {txn}");
            }
        }

        string offerId, memberId, validUntil;
        using (var coupon = tx.Command("SELECT offer_id, member_id, valid_until FROM coupons WHERE coupon_id = $1;", request.CouponId))
        using (var reader = coupon.ExecuteReader())
        {
            if (!reader.Read())
            {
                return Refuse(request, RedemptionRefusal.UnknownCoupon, "no such coupon on this hub");
            }

            (offerId, memberId, validUntil) = (reader.GetString(0), reader.GetString(1), reader.GetString(2));
        }

        if (DateTimeOffset.Parse(validUntil, CultureInfo.InvariantCulture) <= now)
        {
            return Refuse(request, RedemptionRefusal.Expired, $"expired at {validUntil}");
        }

        if (tx.Long("SELECT count(*) FROM revoked_members WHERE member_id = $1;", memberId) > 0)
        {
            return Refuse(request, RedemptionRefusal.MemberRevoked, "the member left the programme");
        }

        tx.Execute("INSERT INTO redemptions(coupon_id, pos_txn_id, member_id, redeemed_at) VALUES ($1, $2, $3, $4);",
            request.CouponId, request.PosTransactionId, memberId, now.ToString("O", CultureInfo.InvariantCulture));
        tx.Execute("UPDATE coupons SET status = $2 WHERE coupon_id = $1;", request.CouponId, nameof(CouponStatus.Redeemed));
        AgentOutbox.Append(tx, OutboxStreams.Redemptions, "coupon.redeemed", "redemption:" + request.CouponId, now,
            new RedemptionEvent(request.CouponId, offerId, memberId, request.PosTransactionId, now), AgentBusJsonContext.Default.RedemptionEvent);
        return new RedeemResponse(request.CouponId, request.PosTransactionId, true, false, null, null);
    }

    private static RedeemResponse Refuse(RedeemRequest request, RedemptionRefusal refusal, string reason) =>
        new(request.CouponId, request.PosTransactionId, false, false, refusal, reason);
}

using Edge.Agent.Storage;
using Edge.Contracts.Agent;
using Microsoft.Extensions.Options;

namespace Edge.Agent.Loyalty;

internal sealed class PunchCardQuery(AgentDatabase database, IOptions<LoyaltyOptions> options) : Sessions.IPunchCardSource
{
    public IReadOnlyList<PunchCardView> For(string memberId) => database.Read(c =>
    {
        var progress = new Dictionary<string, (int Stamps, int Completed)>(StringComparer.Ordinal);
        using (var command = c.Command("SELECT card_id, stamps, completed FROM punch_cards WHERE member_id = $1;", memberId))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                progress[reader.GetString(0)] = ((int)reader.GetInt64(1), (int)reader.GetInt64(2));
            }
        }

        return options.Value.PunchCards
            .Select(card => progress.TryGetValue(card.CardId, out var p)
                ? new PunchCardView(card.CardId, card.Name, p.Stamps, card.StampsRequired, p.Completed, card.Reward)
                : new PunchCardView(card.CardId, card.Name, 0, card.StampsRequired, 0, card.Reward))
            .ToList();
    });
}

using System.ComponentModel.DataAnnotations;
using Edge.Agent.Alerts;
using Edge.Agent.Loyalty;

namespace Edge.Agent.Tests.Loyalty;

/// <summary>Contradictory loyalty and alert settings are refused at start with a message naming the key.</summary>
public sealed class LoyaltyOptionsTests
{
    [Fact]
    public void Validate_DuplicateIdNoMatchOneStampMissingReward_EachNamed()
    {
        var options = new LoyaltyOptions
        {
            PunchCards =
            [
                new PunchCardDefinition { CardId = "coffee", Name = "Coffee", Reward = "free coffee", Categories = ["COFFEE"] },
                new PunchCardDefinition { CardId = "coffee", Name = "Again", Reward = "x", StampsRequired = 1, Categories = ["TEA"] },
                new PunchCardDefinition { CardId = "empty", Name = "Nothing", Reward = string.Empty, MaxStampsPerDay = 0 },
            ],
        };

        var problems = options.Validate(new ValidationContext(options)).Select(r => r.ErrorMessage!).ToList();

        Assert.Contains(problems, p => p.StartsWith("PunchCards:1:CardId", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("PunchCards:1:StampsRequired", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("PunchCards:2: Name and Reward", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("PunchCards:2:MaxStampsPerDay", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("PunchCards:2: a card needs Categories", StringComparison.Ordinal));
        Assert.Equal(5, problems.Count);
    }

    [Fact]
    public void Validate_AlertCooldownBeyondRetentionAndZoneItsOwnNeighbour_Named()
    {
        var options = new AlertsOptions { MemberCooldown = TimeSpan.FromDays(1), LogRetention = TimeSpan.FromHours(2) };
        options.Zones["tv"] = new AlertZoneOptions { Neighbours = ["TV"] };

        var problems = options.Validate(new ValidationContext(options)).Select(r => r.ErrorMessage!).ToList();

        Assert.Equal(2, problems.Count);
        Assert.StartsWith("MemberCooldown", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("Zones:tv:Neighbours", problems[1], StringComparison.Ordinal);
    }
}

using Edge.Agent.Reviews;
using Microsoft.Extensions.Options;

namespace Edge.Agent.Tests.Kiosk;

public sealed class ReviewModeratorTests
{
    private readonly ReviewModerator _moderator = new(Options.Create(new ReviewsOptions()));

    [Theory]
    [InlineData("What a load of shit", "profanity")]
    [InlineData("F U C K is fine but fuck is not", "profanity")]
    [InlineData("@sshole cashier", "profanity")] // symbol and digit swaps are undone
    [InlineData("Kurwa, drogo!", "profanity")]
    [InlineData("card 5555-5555-5555-4444 worked", "payment_card")]
    [InlineData("my number 4111111111111111", "payment_card")]
    [InlineData("see www.example.com", "link")]
    [InlineData("Scunthorpe sausages are great", null)] // whole words only
    public void Moderate_Text_RefusedWithReasonOrPublished(string text, string? reason) =>
        Assert.Equal(reason, _moderator.Moderate(text).Refusal);

    [Fact]
    public void Moderate_PersonalData_MaskedButOrdinaryNumbersKept()
    {
        var result = _moderator.Moderate("Bought 2 packs for 89.90 on 23.11.2026, write jane.doe+shop@mail.example.no or ring (+47) 912-34-567\u0007");

        Assert.Null(result.Refusal);
        Assert.Equal("Bought 2 packs for 89.90 on 23.11.2026, write [email removed] or ring ([phone removed]", result.Text);
    }

    [Theory]
    [InlineData("4111 1111 1111 1111", true)]
    [InlineData("4111 1111 1111 1112", false)]
    [InlineData("1234567890123", false)]
    public void IsLuhn_CardLikeNumbers(string digits, bool expected) => Assert.Equal(expected, ReviewModerator.IsLuhn(digits));
}

using Edge.Contracts.Members;

namespace Edge.Agent.Tests.Members;

public sealed class PinHashTests
{
    [Fact]
    public void Verify_RightAndWrongPin_OnlyRightAccepted()
    {
        var hash = PinHash.Create("1234", 2000);
        Assert.True(PinHash.Verify(hash, "1234"));
        Assert.False(PinHash.Verify(hash, "1235"));
        Assert.False(PinHash.Verify("md5$abc", "1234"));
    }

    [Theory]
    [InlineData("sha1$1$AAAA$AAAA", "is not")]
    [InlineData("pbkdf2-sha256$10$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAA==", "iterations")]
    [InlineData("pbkdf2-sha256$200000$!!$AAAA", "base64")]
    public void Validate_WeakOrMalformedHash_SaysWhy(string encoded, string expected)
    {
        Assert.Contains(expected, PinHash.Validate(encoded, 100_000), StringComparison.Ordinal);
    }
}

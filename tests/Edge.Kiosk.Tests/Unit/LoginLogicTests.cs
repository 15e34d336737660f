using Edge.Kiosk.Components;
using Edge.Kiosk.Hosting;
using Edge.Kiosk.Localization;
using Edge.Kiosk.Sessions;
using Edge.TestKit;
using Microsoft.Extensions.Options;

namespace Edge.Kiosk.Tests.Unit;

public sealed class LoginLogicTests
{
    private readonly FakeTimeProvider _clock = new();

    private PinLockout Lockout(int perMember = 3, int perKiosk = 10) =>
        new(Options.Create(new KioskLoginOptions { MaxWrongPinsPerMember = perMember, MaxWrongPinsPerKiosk = perKiosk, LockoutDuration = TimeSpan.FromMinutes(5) }), _clock);

    [Fact]
    public void Wrong_ThreeTimesForOneMember_LocksThatMemberForFiveMinutesOnly()
    {
        var lockout = Lockout();
        Assert.Equal(2, lockout.Wrong("m:a"));
        Assert.Equal(1, lockout.Wrong("m:a"));
        Assert.Null(lockout.MemberLockedUntil("m:a"));
        Assert.Equal(0, lockout.Wrong("m:a"));
        Assert.Equal(_clock.GetUtcNow() + TimeSpan.FromMinutes(5), lockout.MemberLockedUntil("m:a"));
        Assert.Null(lockout.MemberLockedUntil("m:b"));

        _clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        Assert.Null(lockout.MemberLockedUntil("m:a"));
    }

    [Fact]
    public void Wrong_SpreadOverManyMembers_LocksTheWholeKiosk()
    {
        var lockout = Lockout(perMember: 3, perKiosk: 4);
        for (var i = 0; i < 4; i++)
        {
            lockout.Wrong("p:+47000000" + i);
        }

        Assert.NotNull(lockout.KioskLockedUntil());
        Assert.Null(lockout.MemberLockedUntil("p:+470000000"));
    }

    [Fact]
    public void Succeeded_AfterTwoWrong_ClearsTheMemberCount()
    {
        var lockout = Lockout();
        lockout.Wrong("m:a");
        lockout.Wrong("m:a");
        lockout.Succeeded("m:a");
        Assert.Equal(2, lockout.Wrong("m:a"));
    }

    [Fact]
    public void Claim_UnknownExpiredOrReusedNonce_IsRefusedAndCounted()
    {
        var pairing = new PairingService(Options.Create(new KioskOptions()), Options.Create(new KioskLoginOptions { PairingLifetime = TimeSpan.FromMinutes(2) }), _clock);
        var open = pairing.Create("session-1");
        Assert.Equal(PairingRefusal.None, pairing.Claim(open.Nonce).Refusal);
        Assert.Equal(PairingRefusal.Unknown, pairing.Claim(open.Nonce).Refusal);
        Assert.Equal(PairingRefusal.Unknown, pairing.Claim("deadbeef").Refusal);

        var late = pairing.Create("session-1");
        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(PairingRefusal.Expired, pairing.Claim(late.Nonce).Refusal);
        Assert.Equal(3, pairing.Refused);
    }

    [Fact]
    public void Svg_PairingPayload_IsAQrCodeWithoutMemberData()
    {
        var pairing = new PairingService(Options.Create(new KioskOptions { KioskId = "kiosk-7" }), Options.Create(new KioskLoginOptions()), _clock);
        var open = pairing.Create("s");
        var payload = pairing.Payload(open);
        Assert.Equal($"storeedge://kiosk-pair?kiosk=kiosk-7&nonce={open.Nonce}", payload);
        Assert.StartsWith("<svg", PairingService.Svg(payload).TrimStart(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("+47 123-45-678", "+4712345678")]
    [InlineData("004712345678", "004712345678")]
    [InlineData("12345", null)]
    [InlineData("call me", null)]
    [InlineData("+47<script>", null)]
    [InlineData("++4712345678", null)]
    public void NormalisePhone_Input_DigitsWithOptionalPlusOrNull(string input, string? expected)
    {
        Assert.Equal(expected, LoginEndpoints.NormalisePhone(input));
    }

    [Theory]
    [InlineData("1234", true)]
    [InlineData("123", false)]
    [InlineData("12345", false)]
    [InlineData("12a4", false)]
    [InlineData("١٢٣٤", false)]
    [InlineData(null, false)]
    public void IsPin_Input_OnlyFourAsciiDigits(string? pin, bool expected)
    {
        Assert.Equal(expected, LoginEndpoints.IsPin(pin));
    }

    [Theory]
    [InlineData("/login", "/login")]
    [InlineData("/member/reviews?product=p-1", "/member/reviews?product=p-1")]
    [InlineData("https://example.com/", "/")]
    [InlineData("//example.com/", "/")]
    [InlineData("/\\example.com", "/")]
    [InlineData("javascript:alert(1)", "/")]
    [InlineData(null, "/")]
    public void LocalPath_Back_OnlyPathsOfThisApp(string? back, string expected)
    {
        Assert.Equal(expected, PreferenceEndpoints.LocalPath(back));
    }

    [Theory]
    [InlineData("5", "fine", 5, "fine", false, null)]
    [InlineData("0", "text", 0, "", false, "reviews.needRating")]
    [InlineData("6", "text", 0, "", false, "reviews.needRating")]
    [InlineData("five", "text", 0, "", false, "reviews.needRating")]
    [InlineData("3", "   ", 3, "", false, "reviews.needText")]
    [InlineData("4", "a\u0000b\u0007c", 4, "abc", false, null)]
    public void Check_ReviewForm_ValidatesRatingAndText(string rating, string text, int stars, string clean, bool cut, string? error)
    {
        Assert.Equal((stars, clean, cut, error), ReviewInput.Check(rating, text));
    }

    [Fact]
    public void Check_AbsurdLength_IsCutTo2000AndFlagged()
    {
        var (_, text, cut, error) = ReviewInput.Check("4", new string('y', 1_000_000));
        Assert.Null(error);
        Assert.True(cut);
        Assert.Equal(ReviewInput.MaxLength, text.Length);
    }

    [Fact]
    public void Clean_ProductQuery_TrimsCutsAndDropsEmpty()
    {
        Assert.Null(ProductQuery.Clean("   "));
        Assert.Equal("milk", ProductQuery.Clean("  milk "));
        Assert.Equal(ProductQuery.MaxLength, ProductQuery.Clean(new string('m', 500))!.Length);
    }
}

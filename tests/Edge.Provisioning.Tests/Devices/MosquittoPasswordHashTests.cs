using System.Diagnostics;
using Edge.Provisioning.Devices;
using Edge.TestKit;

namespace Edge.Provisioning.Tests.Devices;

public sealed class MosquittoPasswordHashTests
{
    [RequiresToolFact("mosquitto_passwd", "mosquitto")]
    public async Task Verify_HashWrittenByMosquittoPasswd_AcceptsRightPasswordRejectsWrong()
    {
        using var dir = new TempDirectory();
        var file = dir.File("passwd");
        using (var process = Process.Start("mosquitto_passwd", ["-c", "-b", file, "kiosk-1", "s3cret-pässword"]))
        {
            await process.WaitForExitAsync();
            Assert.Equal(0, process.ExitCode);
        }

        var hash = MosquittoPasswordFile.Load(file).HashOf("kiosk-1")!;

        Assert.StartsWith("$7$101$", hash, StringComparison.Ordinal);
        Assert.True(MosquittoPasswordHash.Verify("s3cret-pässword", hash));
        Assert.False(MosquittoPasswordHash.Verify("s3cret-passwort", hash));
    }

    [Fact]
    public void Create_SameSaltAndIterations_ProducesMosquittoLayout()
    {
        var salt = Convert.FromBase64String("MVTBU2JvLlVTeCsG");

        var hash = MosquittoPasswordHash.Create("s3cret", salt, MosquittoPasswordHash.Iterations);

        // Produced by `mosquitto_passwd -c -b pw kiosk-1 s3cret` (mosquitto 2.0.11) on this machine.
        Assert.Equal("$7$101$MVTBU2JvLlVTeCsG$RQ3bO+SU5BQ9ujEQxDZqJE4GVFjhYJf+b98kZQ5mcQIufmnb6caXDb3HVc/wPHUJVT9rIjHa+7p17V4IAclSLg==", hash);
    }

    [Theory]
    [InlineData("")]
    [InlineData("$7$")]
    [InlineData("$7$abc$salt$hash")] // iterations not a number
    [InlineData("$7$101$not base64!$also not")]
    [InlineData("$5$plainsha256")] // an algorithm mosquitto never wrote
    public void Verify_MalformedHash_FalseNotThrow(string encoded)
    {
        Assert.False(MosquittoPasswordHash.Verify("x", encoded));
    }

    [Fact]
    public void NewPassword_NoCharactersThatBreakThePasswordFile()
    {
        var password = MosquittoPasswordHash.NewPassword();

        Assert.Equal(32, password.Length);
        Assert.DoesNotContain(':', password);
        Assert.True(MosquittoPasswordHash.Verify(password, MosquittoPasswordHash.Create(password)));
    }
}

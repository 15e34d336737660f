using Edge.BeaconGateway.Members;
using Edge.TestKit;
using Xunit;

namespace Edge.BeaconGateway.Tests.Members;

public sealed class EncryptedMemberKeyFileTests
{
    [Fact]
    public async Task WriteThenLoad_RoundTripsKeysAndHidesThemOnDisk()
    {
        using var dir = new TempDirectory();
        var keyFile = Path.Combine(dir.Path, "kek");
        var file = Path.Combine(dir.Path, "members.emk");
        EncryptedMemberKeyFile.CreateKeyFile(keyFile);
        var members = MemberIdTableTests.Members(50);

        await EncryptedMemberKeyFile.WriteAsync(file, keyFile, members, CancellationToken.None);
        var loaded = await new EncryptedMemberKeyFile(file, keyFile).LoadAsync(CancellationToken.None);

        Assert.Equal(members.Select(m => (m.MemberId, Convert.ToHexString(m.Key))), loaded.Select(m => (m.MemberId, Convert.ToHexString(m.Key))));
        var raw = await File.ReadAllBytesAsync(file);
        Assert.Equal(-1, raw.AsSpan().IndexOf(members[7].Key));
        Assert.Equal(-1, raw.AsSpan().IndexOf("member-000007"u8));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        }
    }

    [Fact]
    public async Task Load_WrongKeyFile_FailsAuthenticationClearly()
    {
        using var dir = new TempDirectory();
        var file = Path.Combine(dir.Path, "members.emk");
        EncryptedMemberKeyFile.CreateKeyFile(Path.Combine(dir.Path, "a"));
        EncryptedMemberKeyFile.CreateKeyFile(Path.Combine(dir.Path, "b"));
        await EncryptedMemberKeyFile.WriteAsync(file, Path.Combine(dir.Path, "a"), MemberIdTableTests.Members(2), CancellationToken.None);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => new EncryptedMemberKeyFile(file, Path.Combine(dir.Path, "b")).LoadAsync(CancellationToken.None));
        Assert.Contains("failed authentication", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_TamperedByte_FailsAuthentication()
    {
        using var dir = new TempDirectory();
        var keyFile = Path.Combine(dir.Path, "kek");
        var file = Path.Combine(dir.Path, "members.emk");
        EncryptedMemberKeyFile.CreateKeyFile(keyFile);
        await EncryptedMemberKeyFile.WriteAsync(file, keyFile, MemberIdTableTests.Members(2), CancellationToken.None);
        var bytes = await File.ReadAllBytesAsync(file);
        bytes[^3] ^= 0x01;
        await File.WriteAllBytesAsync(file, bytes);

        await Assert.ThrowsAsync<InvalidDataException>(() => new EncryptedMemberKeyFile(file, keyFile).LoadAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData("missing-file")]
    [InlineData("not-emk")]
    [InlineData("short-key")]
    public async Task Load_BadInput_ThrowsInvalidDataWithPath(string scenario)
    {
        using var dir = new TempDirectory();
        var keyFile = Path.Combine(dir.Path, "kek");
        var file = Path.Combine(dir.Path, "members.emk");
        EncryptedMemberKeyFile.CreateKeyFile(keyFile);
        switch (scenario)
        {
            case "not-emk":
                await File.WriteAllTextAsync(file, "member-1,000102030405060708090a0b0c0d0e0f plain text is refused");
                break;
            case "short-key":
                await EncryptedMemberKeyFile.WriteAsync(file, keyFile, MemberIdTableTests.Members(1), CancellationToken.None);
                await File.WriteAllBytesAsync(keyFile, new byte[16]);
                break;
        }

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => new EncryptedMemberKeyFile(file, keyFile).LoadAsync(CancellationToken.None));
        Assert.Contains(dir.Path, error.Message, StringComparison.Ordinal);
    }
}

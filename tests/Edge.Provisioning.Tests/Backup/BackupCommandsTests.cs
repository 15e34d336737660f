using Edge.Provisioning.Backup;
using Edge.Provisioning.Tests.Support;

namespace Edge.Provisioning.Tests.Backup;

public sealed class BackupCommandsTests : IDisposable
{
    private const string Passphrase = "correct horse battery";
    private readonly Hub _hub = new();

    public BackupCommandsTests()
    {
        File.WriteAllText(PassphraseFile, Passphrase + "\n");
    }

    public void Dispose() => _hub.Dispose();

    private string PassphraseFile => _hub.File("passphrase.txt");

    private string BackupFile => _hub.File("hub.edgebak");

    private async Task ProvisionAsync()
    {
        Assert.Equal(0, (await _hub.RunAsync("init", "--store", "s042")).ExitCode);
        Assert.Equal(0, (await _hub.RunAsync("devices", "add", "kiosk", "kiosk-1", "--no-reload")).ExitCode);
        Assert.Equal(0, (await _hub.RunAsync("devices", "add", "wearable", "watch-1", "--clerk", "anna", "--no-reload")).ExitCode);
        Assert.Equal(0, (await _hub.RunAsync("tokens", "issue", "--no-restart")).ExitCode);
    }

    /// <summary>The hub's own files (config and state), without the test's passphrase and backup files.</summary>
    private IReadOnlyDictionary<string, string> HubFiles() =>
        _hub.Snapshot().Where(kv => kv.Key.StartsWith("etc", StringComparison.Ordinal) || kv.Key.StartsWith("var-lib", StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key, kv => kv.Value);

    [Fact]
    public async Task BackupResetRestore_RoundTrip_SameFilesAndModes()
    {
        await ProvisionAsync();
        var before = HubFiles();
        var keyFile = Path.Combine(_hub.ConfigDir, "identity", "hub.key");

        var backup = await _hub.RunAsync("backup", BackupFile, "--passphrase-file", PassphraseFile);
        var reset = await _hub.RunAsync("factory-reset", "--yes", "--no-reload");
        Assert.False(File.Exists(keyFile));
        var agentAfterReset = File.ReadAllText(Path.Combine(_hub.ConfigDir, "edge-agent.json"));
        var kioskAfterReset = File.ReadAllText(Path.Combine(_hub.ConfigDir, "kiosk-ui.json"));
        var restore = await _hub.RunAsync("restore", BackupFile, "--passphrase-file", PassphraseFile, "--no-reload");

        Assert.Equal(0, backup.ExitCode);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(BackupFile));
        Assert.Equal(0, reset.ExitCode);
        Assert.Contains("4 API token(s) erased", reset.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Token", agentAfterReset, StringComparison.Ordinal);
        Assert.DoesNotContain("AgentToken", kioskAfterReset, StringComparison.Ordinal);
        Assert.Equal(0, restore.ExitCode);
        Assert.Equal(before, HubFiles());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
    }

    [Fact]
    public async Task Backup_DoesNotContainPlaintext()
    {
        await ProvisionAsync();
        await _hub.RunAsync("backup", BackupFile, "--passphrase-file", PassphraseFile);

        var bytes = File.ReadAllBytes(BackupFile);
        var text = System.Text.Encoding.ASCII.GetString(bytes);

        Assert.StartsWith("EDGEBAK1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", text, StringComparison.Ordinal);
        Assert.DoesNotContain("kiosk-1", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_WrongPassphrase_OneLineDataErrorNothingWritten()
    {
        await ProvisionAsync();
        await _hub.RunAsync("backup", BackupFile, "--passphrase-file", PassphraseFile);
        Assert.Equal(0, (await _hub.RunAsync("factory-reset", "--yes", "--no-reload")).ExitCode);
        File.WriteAllText(PassphraseFile, "wrong horse battery\n");
        var before = _hub.Snapshot();

        var run = await _hub.RunAsync("restore", BackupFile, "--passphrase-file", PassphraseFile);

        Assert.Equal(65, run.ExitCode);
        Assert.Equal("edge-provision: wrong passphrase, or the backup file is damaged; nothing was restored", run.Error.Trim());
        Assert.Equal(before, _hub.Snapshot());
    }

    [Theory]
    [InlineData(10)] // salt: changes the key
    [InlineData(40)] // authentication tag
    [InlineData(-1)] // last ciphertext byte
    public async Task Restore_FlippedByte_RefusedNothingWritten(int offset)
    {
        await ProvisionAsync();
        await _hub.RunAsync("backup", BackupFile, "--passphrase-file", PassphraseFile);
        var bytes = File.ReadAllBytes(BackupFile);
        bytes[offset < 0 ? bytes.Length + offset : offset] ^= 0x01;
        File.WriteAllBytes(BackupFile, bytes);
        Assert.Equal(0, (await _hub.RunAsync("factory-reset", "--yes", "--no-reload")).ExitCode);
        var before = _hub.Snapshot();

        var run = await _hub.RunAsync("restore", BackupFile, "--passphrase-file", PassphraseFile);

        Assert.Equal(65, run.ExitCode);
        Assert.Equal(before, _hub.Snapshot());
    }

    [Fact]
    public async Task Restore_NotABackup_OneLine()
    {
        File.WriteAllText(BackupFile, "hello");

        var run = await _hub.RunAsync("restore", BackupFile, "--passphrase-file", PassphraseFile);

        Assert.Equal(65, run.ExitCode);
        Assert.Contains("not an edge-provision backup", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backup_TypedPassphrasesDiffer_UsageErrorNoFile()
    {
        await ProvisionAsync();
        _hub.Input = "first passphrase\nsecond passphrase\n";

        var run = await _hub.RunAsync("backup", BackupFile);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("differ", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(BackupFile));
    }

    [Fact]
    public async Task Backup_TypedTwice_ThenRestoreWithEnvironmentPassphrase()
    {
        await ProvisionAsync();
        _hub.Input = Passphrase + "\n" + Passphrase + "\n";
        Assert.Equal(0, (await _hub.RunAsync("backup", BackupFile)).ExitCode);
        Assert.Equal(0, (await _hub.RunAsync("factory-reset", "--yes", "--no-reload")).ExitCode);
        _hub.Customize = s => s with { Environment = v => v == Edge.Provisioning.Backup.Passphrase.Variable ? Passphrase : null };

        var run = await _hub.RunAsync("restore", BackupFile, "--no-reload");

        Assert.Equal(0, run.ExitCode);
        Assert.True(File.Exists(Path.Combine(_hub.ConfigDir, "identity", "hub.key")));
    }

    [Fact]
    public async Task Backup_ShortPassphrase_Refused()
    {
        await ProvisionAsync();
        File.WriteAllText(PassphraseFile, "short");

        var run = await _hub.RunAsync("backup", BackupFile, "--passphrase-file", PassphraseFile);

        Assert.Equal(2, run.ExitCode);
        Assert.False(File.Exists(BackupFile));
    }

    [Fact]
    public async Task Backup_ExistingFileWithoutForce_RefusedKeptAsIs()
    {
        await ProvisionAsync();
        File.WriteAllText(BackupFile, "older backup");

        var run = await _hub.RunAsync("backup", BackupFile, "--passphrase-file", PassphraseFile);

        Assert.Equal(73, run.ExitCode);
        Assert.Equal("older backup", File.ReadAllText(BackupFile));
    }

    [Fact]
    public async Task Backup_NothingProvisioned_ConfigError()
    {
        var run = await _hub.RunAsync("backup", BackupFile, "--passphrase-file", PassphraseFile);

        Assert.Equal(78, run.ExitCode);
    }

    [Theory]
    [InlineData("n\n")]
    [InlineData("\n")]
    [InlineData("y\nreset\n")] // second answer must be RESET exactly
    [InlineData("")] // no terminal input at all
    public async Task FactoryReset_NotConfirmedTwice_NothingChanged(string input)
    {
        await ProvisionAsync();
        var before = _hub.Snapshot();
        _hub.Input = input;

        var run = await _hub.RunAsync("factory-reset");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("cancelled", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, _hub.Snapshot());
    }

    [Fact]
    public async Task FactoryReset_ConfirmedTwice_ErasesButKeepsServiceUsers()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_hub.PasswordFile)!);
        File.WriteAllText(_hub.PasswordFile, "edge-agent:$7$101$abc$def\n");
        File.WriteAllText(_hub.AclFile, "user edge-agent\ntopic readwrite store/#\n");
        await ProvisionAsync();
        _hub.Input = "y\nRESET\n";

        var run = await _hub.RunAsync("factory-reset", "--no-reload");

        Assert.Equal(0, run.ExitCode);
        Assert.False(Directory.Exists(Path.Combine(_hub.ConfigDir, "identity")));
        Assert.Equal("edge-agent:$7$101$abc$def\n", File.ReadAllText(_hub.PasswordFile));
        Assert.DoesNotContain("kiosk-1", File.ReadAllText(_hub.AclFile), StringComparison.Ordinal);
        Assert.StartsWith("user edge-agent\ntopic readwrite store/#\n", File.ReadAllText(_hub.AclFile), StringComparison.Ordinal);
    }

    [Fact]
    public void Decrypt_HeaderIterationsTampered_RefusedLikeWrongPassphrase()
    {
        var envelope = BackupCrypto.Encrypt("hello"u8, Passphrase, 10_000);
        envelope[11] ^= 0x01; // iterations are authenticated as associated data

        var ex = Assert.Throws<CliException>(() => BackupCrypto.Decrypt(envelope, Passphrase));

        Assert.Equal(65, ex.ExitCode);
    }
}

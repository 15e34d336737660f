using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Edge.Contracts.Provisioning;
using Edge.Messaging;
using Edge.Provisioning.Cli;
using Edge.Provisioning.Identity;
using Edge.Provisioning.IO;

namespace Edge.Provisioning.Claim;

/// <summary>
/// claim: fleet provisioning by claim over MQTT. Connects to the cloud broker with the bootstrap credentials,
/// sends the CSR and claim code as an MQTT 5 request, stores the signed certificate and the store's cloud
/// configuration, and restarts cloud-sync on the new identity. Idempotent: a hub that already holds a valid
/// certificate for its key says so and changes nothing.
/// </summary>
internal static class ClaimCommand
{
    public const string UrlVariable = "EDGE_CLAIM_URL";
    public const string PasswordVariable = "EDGE_CLAIM_PASSWORD";

    public static Command Create(GlobalOptions globals, ProvisioningServices services)
    {
        var url = new Option<string?>("--cloud-url") { Description = $"The cloud's provisioning broker, mqtts://host:8883 (env {UrlVariable})." };
        var user = new Option<string>("--bootstrap-user") { Description = "The bootstrap (claim) user name.", DefaultValueFactory = _ => "claim" };
        var passwordFile = new Option<FileInfo?>("--bootstrap-password-file") { Description = $"File with the bootstrap password (else env {PasswordVariable})." };
        var ca = new Option<FileInfo?>("--ca-file") { Description = "CA that signed the provisioning broker's certificate (mqtts)." };
        var timeout = new Option<int>("--timeout-seconds") { Description = "How long to wait for the cloud's answer.", DefaultValueFactory = _ => 30 };
        var force = new Option<bool>("--force") { Description = "Claim again although the hub already holds a valid certificate." };
        var command = new Command("claim", "Bind this hub to its store in the cloud: send CSR and claim code, store the certificate, switch cloud-sync.")
        {
            url, user, passwordFile, ca, timeout, force,
        };
        CommandActions.Set(command, globals, services, (ctx, cancellationToken) => RunAsync(
            ctx,
            ctx.Value(url) ?? services.Environment(UrlVariable),
            ctx.Value(user)!,
            ReadPassword(ctx.Value(passwordFile), services),
            ctx.Value(ca),
            TimeSpan.FromSeconds(Math.Clamp(ctx.Value(timeout), 1, 600)),
            ctx.Value(force),
            cancellationToken));
        return command;
    }

    private static string? ReadPassword(FileInfo? file, ProvisioningServices services)
    {
        if (file is null)
        {
            return services.Environment(PasswordVariable);
        }

        return file.Exists
            ? File.ReadAllText(file.FullName).TrimEnd('\r', '\n')
            : throw new CliException($"bootstrap password file {file.FullName} does not exist", ExitCodes.Usage);
    }

    private static async Task<int> RunAsync(CommandContext ctx, string? url, string user, string? password, FileInfo? ca, TimeSpan timeout, bool force, CancellationToken cancellationToken)
    {
        var paths = ctx.Paths;
        var hub = HubIdentityFiles.ReadHubInfo(paths)
            ?? throw new CliException("this hub has no identity yet: run `edge-provision init --store <id>` first", ExitCodes.Config);
        var keyStore = ctx.Services.CreateKeyStore(paths);
        if (!keyStore.Exists)
        {
            throw new CliException($"the hub key {keyStore.Location} is missing: run `edge-provision init --store {hub.StoreId} --force`", ExitCodes.Config);
        }

        using var key = keyStore.Load();
        if (!force && File.Exists(paths.HubCertificateFile))
        {
            using var existing = X509Certificate2.CreateFromPem(File.ReadAllText(paths.HubCertificateFile));
            if (ClaimedCertificate.Mismatch(existing, key, hub.HubId, ctx.Time) is null)
            {
                return Report(ctx, new ClaimResult(hub.StoreId, hub.HubId, true, paths.HubCertificateFile, existing.NotAfter.ToUniversalTime(), null, false));
            }
        }

        var claim = HubIdentityFiles.ReadClaim(paths)
            ?? throw new CliException("no claim code: run `edge-provision init` to issue one", ExitCodes.Config);
        if (!claim.IsValidAt(ctx.Time.GetUtcNow()))
        {
            throw new CliException(
                string.Create(CultureInfo.InvariantCulture, $"the claim code expired at {claim.ExpiresAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC: run `edge-provision init --store {hub.StoreId}` for a new one"),
                ExitCodes.DataError);
        }

        if (string.IsNullOrWhiteSpace(url))
        {
            throw new CliException($"where is the cloud? pass --cloud-url mqtts://host:8883 (or set {UrlVariable})", ExitCodes.Usage);
        }

        var csr = File.ReadAllText(paths.HubCsrFile);
        var request = new ClaimRequest(hub.StoreId, hub.HubId, claim.Code, csr, VersionAction.Version);
        var response = await AskCloudAsync(ctx, url, user, password, ca, request, timeout, cancellationToken).ConfigureAwait(false);

        switch (response.Status)
        {
            case ClaimStatus.Expired:
                throw new CliException($"the cloud says the claim code has expired ({response.Reason ?? "no reason given"}): run `edge-provision init --store {hub.StoreId}` for a new one", ExitCodes.DataError);
            case ClaimStatus.Rejected:
                throw new CliException($"the cloud rejected the claim: {response.Reason ?? "no reason given"}", ExitCodes.Failure);
        }

        if (response.CertificatePem is null || response.CaCertificatePem is null || response.Configuration is null)
        {
            throw new CliException("the cloud accepted the claim but sent no certificate or configuration; nothing was changed", ExitCodes.Unavailable);
        }

        using var certificate = ParseCertificate(response.CertificatePem);
        if (ClaimedCertificate.Mismatch(certificate, key, hub.HubId, ctx.Time) is { } mismatch)
        {
            throw new CliException($"the cloud's certificate does not fit: {mismatch}; nothing was changed", ExitCodes.DataError);
        }

        var identity = new CloudIdentity(hub.StoreId, hub.HubId, response.Configuration.Region, response.Configuration.Server, paths.HubCertificateFile, keyStore.Location, paths.CloudCaFile, ctx.Time.GetUtcNow());
        using (var transaction = new FileTransaction())
        {
            transaction.Add(paths.HubCertificateFile, response.CertificatePem, AtomicFile.OwnerAndGroupRead | UnixFileMode.OtherRead);
            transaction.Add(paths.CloudCaFile, response.CaCertificatePem, AtomicFile.OwnerAndGroupRead | UnixFileMode.OtherRead);
            transaction.Add(paths.CloudConfigFile, JsonSerializer.Serialize(identity, ClaimJsonContext.Default.CloudIdentity), AtomicFile.OwnerAndGroupRead);
            transaction.Commit();
        }

        // The code is spent; keeping it would only invite a confusing second claim.
        File.Delete(paths.ClaimFile);
        var restarted = await Platform.ServiceRestart.TryRestartAsync(ctx, "cloud-sync", cancellationToken).ConfigureAwait(false);
        return Report(ctx, new ClaimResult(hub.StoreId, hub.HubId, false, paths.HubCertificateFile, certificate.NotAfter.ToUniversalTime(), identity.Server, restarted));
    }

    private static async Task<ClaimResponse> AskCloudAsync(CommandContext ctx, string url, string user, string? password, FileInfo? ca, ClaimRequest request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var options = new MqttClientOptions
        {
            Server = url,
            Username = user,
            Password = password,
            CaFile = ca?.FullName,
            ClientId = "claim-" + request.HubId,
        };
        IMqttClient client;
        try
        {
            client = ctx.Services.CreateMqttClient(options);
        }
        catch (ArgumentException ex)
        {
            throw new CliException(ex.Message, ExitCodes.Usage);
        }

        await using (client.ConfigureAwait(false))
        {
            try
            {
                await client.ConnectAsync(cancellationToken).WaitAsync(timeout, ctx.Time, cancellationToken).ConfigureAwait(false);
                var payload = JsonSerializer.SerializeToUtf8Bytes(request, ClaimJsonContext.Default.ClaimRequest);
                var message = new MqttMessage(ClaimTopics.Claim, payload) { ContentType = "application/json", PayloadIsUtf8 = true };
                var answer = await client.RequestAsync(message, timeout, cancellationToken).ConfigureAwait(false);
                await client.DisconnectAsync(cancellationToken).ConfigureAwait(false);
                return JsonSerializer.Deserialize(answer.Payload.Span, ClaimJsonContext.Default.ClaimResponse)
                    ?? throw new CliException("the cloud's answer was empty", ExitCodes.Unavailable);
            }
            catch (MqttException ex) when (ex.ReasonCode is 134 or 135)
            {
                throw new CliException($"the cloud refused the bootstrap credentials ({ex.Message})", ExitCodes.Config);
            }
            catch (MqttException ex)
            {
                throw new CliException($"cannot reach the cloud at {url}: {ex.Message}; check the store's internet link, then run claim again", ExitCodes.Unavailable);
            }
            catch (TimeoutException)
            {
                throw new CliException($"no answer from the cloud at {url} within {timeout.TotalSeconds:0} s; run claim again (it is safe to repeat)", ExitCodes.Unavailable);
            }
            catch (JsonException ex)
            {
                throw new CliException($"the cloud's answer is not a claim response: {ex.Message}", ExitCodes.Unavailable);
            }
        }
    }

    private static X509Certificate2 ParseCertificate(string pem)
    {
        try
        {
            return X509Certificate2.CreateFromPem(pem);
        }
        catch (CryptographicException ex)
        {
            throw new CliException($"the cloud's certificate is unreadable ({ex.Message}); nothing was changed", ExitCodes.DataError);
        }
    }

    private static int Report(CommandContext ctx, ClaimResult result)
    {
        if (ctx.Output.Json)
        {
            ctx.Output.WriteJson(result, ProvisioningJsonContext.Default.ClaimResult);
        }
        else if (result.AlreadyClaimed)
        {
            ctx.Output.Success(string.Create(CultureInfo.InvariantCulture, $"Hub {result.HubId} of store {result.StoreId} is already claimed (certificate valid until {result.NotAfter.UtcDateTime:yyyy-MM-dd}). Use --force to claim again."));
        }
        else
        {
            ctx.Output.Success(string.Create(CultureInfo.InvariantCulture, $"Hub {result.HubId} claimed for store {result.StoreId}: certificate valid until {result.NotAfter.UtcDateTime:yyyy-MM-dd}, cloud {result.Server}."));
            ctx.Output.Line(result.CloudSyncRestarted ? "cloud-sync restarted on the new identity." : "Restart cloud-sync to use the new identity.");
        }

        return ExitCodes.Ok;
    }
}

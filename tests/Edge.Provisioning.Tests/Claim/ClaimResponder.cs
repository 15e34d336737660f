using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Edge.Contracts.Provisioning;
using Edge.Messaging;

namespace Edge.Provisioning.Tests.Claim;

/// <summary>
/// A stand-in for the cloud's provisioning service (until hq/ answers claims): on a real broker, answers
/// <see cref="ClaimRequest"/>s by signing the CSR with a test CA when the code is the one it expects.
/// </summary>
internal sealed class ClaimResponder : IAsyncDisposable
{
    private readonly IMqttClient _client;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly TimeProvider _time;

    private ClaimResponder(IMqttClient client, TimeProvider time)
    {
        _client = client;
        _time = time;
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Store Edge Test Fleet CA", caKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        var now = time.GetUtcNow();
        Ca = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(5));
        _loop = Task.Run(() => LoopAsync(_stop.Token));
    }

    public X509Certificate2 Ca { get; }

    public string ExpectedCode { get; set; } = string.Empty;

    public ClaimStatus? ForcedStatus { get; set; }

    /// <summary>When set, the certificate is issued for this key instead of the CSR's (a misbehaving cloud).</summary>
    public ECDsa? WrongKey { get; set; }

    public List<ClaimRequest> Requests { get; } = [];

    public static async Task<ClaimResponder> StartAsync(string server, string user, string password, TimeProvider time)
    {
        var client = new MqttClientFactory().Create(new MqttClientOptions { Server = server, Username = user, Password = password });
        await client.ConnectAsync();
        await client.SubscribeAsync(ClaimTopics.Claim);
        return new ClaimResponder(client, time);
    }

    private async Task LoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var message in _client.Messages.ReadAllAsync(cancellationToken))
            {
                var request = JsonSerializer.Deserialize(message.Payload.Span, ClaimJsonContext.Default.ClaimRequest)!;
                lock (Requests)
                {
                    Requests.Add(request);
                }

                var response = Answer(request);
                await _client.RespondAsync(message, JsonSerializer.SerializeToUtf8Bytes(response, ClaimJsonContext.Default.ClaimResponse), cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private ClaimResponse Answer(ClaimRequest request)
    {
        if (ForcedStatus is { } forced and not ClaimStatus.Accepted)
        {
            return new ClaimResponse(forced, forced == ClaimStatus.Expired ? "code issued more than 1 h ago" : "store is not expecting a hub", null, null, null);
        }

        if (request.ClaimCode != ExpectedCode)
        {
            return new ClaimResponse(ClaimStatus.Rejected, "unknown claim code", null, null, null);
        }

        var csr = CertificateRequest.LoadSigningRequestPem(request.CsrPem, HashAlgorithmName.SHA256);
        if (WrongKey is not null)
        {
            csr = new CertificateRequest(csr.SubjectName, WrongKey, HashAlgorithmName.SHA256);
        }

        var now = _time.GetUtcNow();
        using var certificate = csr.Create(Ca, now.AddMinutes(-5), now.AddDays(365), RandomNumberGenerator.GetBytes(16));
        return new ClaimResponse(
            ClaimStatus.Accepted,
            null,
            certificate.ExportCertificatePem(),
            Ca.ExportCertificatePem(),
            new StoreCloudConfiguration(request.StoreId, "eu-west", "mqtts://broker.cloud.example:8883"));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        await _client.DisposeAsync();
        Ca.Dispose();
        _stop.Dispose();
    }
}

using System.Text.Json;
using Edge.Contracts.Cloud;
using Edge.Contracts.Members;
using Edge.ReferenceCloud.Downstream;
using Edge.ReferenceCloud.Members;

namespace Edge.ReferenceCloud.Phone;

/// <summary>
/// The member's app confirming a kiosk's pairing QR, as the loyalty cloud relays it: the app's pairing token (made
/// with the member's own key, <see cref="QrPairingToken"/>) and the QR's nonce go down to the store as the signed,
/// sequenced kind <see cref="DownKinds.KioskPairing"/>; cloud-sync forwards it to the kiosks, and edge-agent checks the
/// token before any login.
/// </summary>
internal sealed class KioskPairing(MemberRegistry members, DownPublisher publisher, TimeProvider time)
{
    public Task<(string MessageId, long Sequence)> ConfirmAsync(string storeId, string memberId, PairKioskRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsId(request.KioskId) || string.IsNullOrEmpty(request.Nonce) || request.Nonce.Length > 64 || !request.Nonce.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException("kioskId must be 1-64 characters of A-Z a-z 0-9 . _ : - and nonce 1-64 letters or digits", nameof(request));
        }

        var key = members.KeyOf(storeId, memberId) ?? throw new KeyNotFoundException($"member '{memberId}' is not enrolled at store '{storeId}' (or was revoked)");
        var token = QrPairingToken.Create(memberId, key, QrPairingToken.WindowOf(time.GetUtcNow()));
        var body = JsonSerializer.SerializeToUtf8Bytes(new KioskPairingConfirmation(request.KioskId, request.Nonce, token), CloudJsonContext.Default.KioskPairingConfirmation);
        return publisher.PublishAsync(storeId, DownKinds.KioskPairing, body, null, cancellationToken);
    }

    private static bool IsId(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= 64 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '-');
}

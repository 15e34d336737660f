using System.Collections.Concurrent;
using System.Security.Cryptography;
using Edge.Kiosk.Hosting;
using Microsoft.Extensions.Options;
using QRCoder;

namespace Edge.Kiosk.Sessions;

/// <summary>
/// One-time pairing QR codes. The kiosk shows a QR holding a random nonce; the member's app scans it and confirms
/// with its pairing token, relayed to this kiosk on the local bus (<see cref="PairingListener"/>). A nonce works once
/// and only until it expires; anything else is refused and counted.
/// </summary>
internal sealed class PairingService(IOptions<KioskOptions> kiosk, IOptions<KioskLoginOptions> login, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Pairing> _open = new(StringComparer.Ordinal);

    public long Refused => Interlocked.Read(ref _refused);

    private long _refused;

    public Pairing Create(string kioskSessionId)
    {
        Sweep();
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var pairing = new Pairing(nonce, kioskSessionId, time.GetUtcNow() + login.Value.PairingLifetime);
        _open[nonce] = pairing;
        return pairing;
    }

    /// <summary>What the QR encodes: the kiosk and the nonce, nothing about a member.</summary>
    public string Payload(Pairing pairing) => $"storeedge://kiosk-pair?kiosk={Uri.EscapeDataString(kiosk.Value.KioskId)}&nonce={pairing.Nonce}";

    public static string Svg(string payload)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(8);
    }

    /// <summary>Claims the nonce: the pairing when it is open and unexpired; otherwise why not.</summary>
    public (Pairing? Pairing, PairingRefusal Refusal) Claim(string nonce)
    {
        if (!_open.TryRemove(nonce, out var pairing))
        {
            Interlocked.Increment(ref _refused);
            return (null, PairingRefusal.Unknown);
        }

        if (time.GetUtcNow() >= pairing.ExpiresAt)
        {
            Interlocked.Increment(ref _refused);
            return (pairing, PairingRefusal.Expired);
        }

        return (pairing, PairingRefusal.None);
    }

    public bool IsOpen(string nonce) => _open.TryGetValue(nonce, out var p) && time.GetUtcNow() < p.ExpiresAt;

    private void Sweep()
    {
        var now = time.GetUtcNow();
        foreach (var p in _open.Values.Where(p => p.ExpiresAt <= now))
        {
            _open.TryRemove(p.Nonce, out _);
        }
    }
}

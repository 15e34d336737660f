using System.Text;

namespace Edge.BeaconGateway.Advertising;

/// <summary>
/// Eddystone-URL: frame type 0x10, TX power at 0 m, URL scheme prefix code, then the URL with expansion codes
/// 0x00-0x0D. Decoding builds a string, so it is for configuration and diagnostics, not the hot path.
/// </summary>
public sealed record EddystoneUrl(sbyte TxPowerAt0m, string Url)
{
    private static readonly string[] Schemes = ["http://www.", "https://www.", "http://", "https://"];

    private static readonly string[] Expansions =
    [
        ".com/", ".org/", ".edu/", ".net/", ".info/", ".biz/", ".gov/",
        ".com", ".org", ".edu", ".net", ".info", ".biz", ".gov",
    ];

    public static bool TryParse(ReadOnlySpan<byte> frame, out EddystoneUrl? url)
    {
        url = null;
        if (frame.Length < 3 || frame[0] != Eddystone.FrameUrl || frame[2] >= Schemes.Length || frame.Length > 20)
        {
            return false;
        }

        var builder = new StringBuilder(Schemes[frame[2]]);
        foreach (var b in frame[3..])
        {
            if (b < Expansions.Length)
            {
                builder.Append(Expansions[b]);
            }
            else if (b is > 0x20 and < 0x7F)
            {
                builder.Append((char)b);
            }
            else
            {
                // 0x0E-0x20 and 0x7F-0xFF are reserved by the specification.
                return false;
            }
        }

        url = new EddystoneUrl((sbyte)frame[1], builder.ToString());
        return true;
    }
}

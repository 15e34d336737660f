using System.Buffers.Binary;
using System.Globalization;

namespace Edge.BeaconGateway.Hci;

/// <summary>
/// A 48-bit device address with its type, held in a <see cref="ulong"/> so it costs no allocation. HCI sends the
/// address least significant byte first; <see cref="ToString"/> prints it most significant first as usual.
/// </summary>
public readonly record struct BleAddress(ulong Value, AddressType Type)
{
    public static BleAddress Read(ReadOnlySpan<byte> littleEndianSixBytes, AddressType type)
    {
        ulong value = BinaryPrimitives.ReadUInt32LittleEndian(littleEndianSixBytes)
            | ((ulong)BinaryPrimitives.ReadUInt16LittleEndian(littleEndianSixBytes[4..]) << 32);
        return new BleAddress(value, type);
    }

    public void Write(Span<byte> littleEndianSixBytes)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(littleEndianSixBytes, (uint)Value);
        BinaryPrimitives.WriteUInt16LittleEndian(littleEndianSixBytes[4..], (ushort)(Value >> 32));
    }

    /// <summary>For random addresses, which kind (the top two bits); null for other types.</summary>
    public RandomAddressKind? RandomKind =>
        Type is AddressType.Random ? (RandomAddressKind)((Value >> 46) & 0b11) : null;

    public static BleAddress Parse(string text, AddressType type)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hex = text.Replace(":", string.Empty, StringComparison.Ordinal);
        if (hex.Length != 12)
        {
            throw new FormatException($"'{text}' is not a 48-bit address (expected AA:BB:CC:DD:EE:FF)");
        }

        return new BleAddress(ulong.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture), type);
    }

    public override string ToString() => string.Create(17, Value, static (span, value) =>
    {
        for (var i = 0; i < 6; i++)
        {
            var b = (byte)(value >> (8 * (5 - i)));
            b.TryFormat(span[(i * 3)..], out _, "X2", CultureInfo.InvariantCulture);
            if (i < 5)
            {
                span[(i * 3) + 2] = ':';
            }
        }
    });
}

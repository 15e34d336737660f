using System.Runtime.InteropServices;

namespace Edge.BeaconGateway.Radio.Native;

/// <summary>
/// The few libc calls that open a Bluetooth HCI socket; .NET's Socket cannot create AF_BLUETOOTH sockets itself, but
/// adopts the descriptor once it is bound. Constants from the kernel's include/net/bluetooth/hci_sock.h and bluetooth.h.
/// </summary>
internal static partial class HciNative
{
    public const int AfBluetooth = 31;
    public const int SockRaw = 3;
    public const int SockCloexec = 0x80000;
    public const int BtprotoHci = 1;
    public const ushort HciChannelRaw = 0;
    public const ushort HciChannelUser = 1;
    public const int SolHci = 0;
    public const int HciFilter = 2;

    // errno values (asm-generic/errno.h) the gateway explains to store IT.
    public const int Eperm = 1;
    public const int Eacces = 13;
    public const int Ebusy = 16;
    public const int Enodev = 19;
    public const int Eafnosupport = 97;
    public const int Enetdown = 100;
    public const int Ealready = 114;
    public const int Erfkill = 132;

    [LibraryImport("libc", EntryPoint = "socket", SetLastError = true)]
    public static partial int Socket(int domain, int type, int protocol);

    [LibraryImport("libc", EntryPoint = "bind", SetLastError = true)]
    public static partial int Bind(int fd, in SockaddrHci address, int length);

    [LibraryImport("libc", EntryPoint = "setsockopt", SetLastError = true)]
    public static partial int SetSockOpt(int fd, int level, int name, in HciUFilter value, int length);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    /// <summary>struct sockaddr_hci: family, device index, channel (6 bytes).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct SockaddrHci
    {
        public ushort Family;
        public ushort Device;
        public ushort Channel;
    }

    /// <summary>struct hci_ufilter: packet type mask, 64-bit event mask, opcode (16 bytes with padding).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct HciUFilter
    {
        public uint TypeMask;
        public uint EventMask0;
        public uint EventMask1;
        public ushort Opcode;
    }
}

using System.Net.Sockets;
using System.Runtime.InteropServices;
using Edge.BeaconGateway.Hci;
using Edge.BeaconGateway.Radio.Native;

namespace Edge.BeaconGateway.Radio;

/// <summary>Opens the kernel's HCI socket for one adapter and hands it over as an <see cref="IHciTransport"/>.</summary>
public static class HciSocket
{
    /// <summary>
    /// Opens hci<paramref name="options"/>.Device on the user channel (exclusive: bluetoothd must not hold the adapter
    /// and it must be down) or the raw channel (beside bluetoothd; the adapter must be up), with a filter that lets
    /// through only the events the scanner reads. Throws <see cref="HciUnavailableException"/> naming the fix.
    /// </summary>
    public static IHciTransport Open(ScanOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var name = $"hci{options.Device}";
        var fd = HciNative.Socket(HciNative.AfBluetooth, HciNative.SockRaw | HciNative.SockCloexec, HciNative.BtprotoHci);
        if (fd < 0)
        {
            throw Failure(name, "socket", Marshal.GetLastPInvokeError());
        }

        try
        {
            var address = new HciNative.SockaddrHci
            {
                Family = HciNative.AfBluetooth,
                Device = options.Device,
                Channel = options.UserChannel ? HciNative.HciChannelUser : HciNative.HciChannelRaw,
            };
            if (HciNative.Bind(fd, address, Marshal.SizeOf<HciNative.SockaddrHci>()) != 0)
            {
                throw Failure(name, "bind", Marshal.GetLastPInvokeError());
            }

            if (!options.UserChannel)
            {
                // The raw channel sees every packet of the adapter; the filter keeps the socket's queue to events we read.
                var filter = new HciNative.HciUFilter { TypeMask = 1u << (int)HciPacketType.Event };
                foreach (var code in (ReadOnlySpan<byte>)[HciConstants.EventCommandComplete, HciConstants.EventCommandStatus, HciConstants.EventHardwareError, HciConstants.EventLeMeta])
                {
                    if (code < 32)
                    {
                        filter.EventMask0 |= 1u << code;
                    }
                    else
                    {
                        filter.EventMask1 |= 1u << (code - 32);
                    }
                }

                if (HciNative.SetSockOpt(fd, HciNative.SolHci, HciNative.HciFilter, filter, Marshal.SizeOf<HciNative.HciUFilter>()) != 0)
                {
                    throw Failure(name, "setsockopt(HCI_FILTER)", Marshal.GetLastPInvokeError());
                }
            }

            return new SocketHciTransport(new Socket(new SafeSocketHandle(fd, ownsHandle: true)));
        }
        catch
        {
            HciNative.Close(fd);
            throw;
        }
    }

    private static HciUnavailableException Failure(string name, string call, int errno)
    {
        var cause = errno switch
        {
            HciNative.Eafnosupport => "this kernel has no Bluetooth support (AF_BLUETOOTH is not available); load the bluetooth module or use BeaconGateway:Source remote",
            HciNative.Eperm or HciNative.Eacces => "permission denied: the service needs CAP_NET_RAW and CAP_NET_ADMIN (deploy/systemd/beacon-gateway.service grants them)",
            HciNative.Enodev => $"there is no adapter {name}; check `btmgmt info` and BeaconGateway:Radio:Device",
            HciNative.Ebusy or HciNative.Ealready => $"{name} is held by another process or is up; for the user channel stop bluetoothd's use of it (`btmgmt --index {name[3..]} power off`) or set BeaconGateway:Radio:UserChannel to false",
            HciNative.Erfkill => $"{name} is blocked by rfkill; `rfkill unblock bluetooth`",
            HciNative.Enetdown => $"{name} is down; `btmgmt --index {name[3..]} power on` for the raw channel",
            _ => Marshal.GetPInvokeErrorMessage(errno),
        };
        return new HciUnavailableException($"Cannot open the radio {name} ({call} failed, errno {errno}): {cause}.") { Errno = errno };
    }
}

using System.Net;
using System.Net.Sockets;

namespace TeamsPlans.Bot.Downloads;

/// <summary>
/// Addresses a download may never connect to: loopback, link-local (169.254/16 — cloud metadata — and fe80::/10), private
/// (10/8, 172.16/12, 192.168/16, fc00::/7), shared CGNAT (100.64/10), "this network" (0/8), multicast, broadcast, reserved
/// (240/4), documentation / benchmark ranges, and the same addresses hidden in IPv4-mapped, IPv4-compatible, 6to4 or NAT64
/// IPv6 forms.
/// </summary>
internal static class AddressRules
{
    public static bool IsLoopback(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var v4 = Embedded(address);
        return v4 is not null ? v4.GetAddressBytes()[0] == 127 : IPAddress.IsLoopback(address);
    }

    /// <summary>True when the address is not a public unicast address.</summary>
    public static bool IsBlocked(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (Embedded(address) is { } v4) return IsBlockedV4(v4.GetAddressBytes());
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return true;
        if (address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.IPv6Loopback)) return true;
        var b = address.GetAddressBytes();
        if (address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast) return true;
        if ((b[0] & 0xFE) == 0xFC) return true;                          // fc00::/7 unique local
        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8) return true; // 2001:db8::/32 documentation
        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x00 && b[3] == 0x00) return true; // 2001::/32 Teredo
        return (b[0] & 0xE0) != 0x20;                                    // only 2000::/3 is global unicast
    }

    /// <summary>The IPv4 address inside an IPv4, IPv4-mapped, IPv4-compatible, 6to4 (2002::/16) or NAT64 (64:ff9b::/96) address.</summary>
    private static IPAddress? Embedded(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetwork) return address;
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return null;
        if (address.IsIPv4MappedToIPv6) return address.MapToIPv4();
        var b = address.GetAddressBytes();
        if (b.Take(12).All(x => x == 0) && !(b[12] == 0 && b[13] == 0 && b[14] == 0 && b[15] <= 1)) return new IPAddress(b[12..16]);
        if (b[0] == 0x20 && b[1] == 0x02) return new IPAddress(b[2..6]);
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B && b.Skip(4).Take(8).All(x => x == 0)) return new IPAddress(b[12..16]);
        return null;
    }

    private static bool IsBlockedV4(byte[] a) => a[0] switch
    {
        0 or 10 or 127 => true,
        100 when a[1] >= 64 && a[1] <= 127 => true,
        169 when a[1] == 254 => true,
        172 when a[1] >= 16 && a[1] <= 31 => true,
        192 when a[1] == 168 => true,
        192 when a[1] == 0 && (a[2] == 0 || a[2] == 2) => true,
        198 when a[1] == 18 || a[1] == 19 => true,
        198 when a[1] == 51 && a[2] == 100 => true,
        203 when a[1] == 0 && a[2] == 113 => true,
        >= 224 => true,
        _ => false,
    };
}

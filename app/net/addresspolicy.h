// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QHostAddress>
#include <QString>

#include <optional>
#include <variant>

namespace lux::net {

// What an address is when it is not an ordinary public one. The ranges come from IANA's IPv4 and IPv6
// Special-Purpose Address Registries (RFC 6890 and the RFCs each row names), see docs/SEO.md.
struct SpecialAddress
{
    enum class Kind {
        ThisNetwork,  // 0.0.0.0/8 (RFC 791): 0.0.0.0 reaches this computer on Linux
        Unspecified,  // ::/128
        Loopback,     // 127.0.0.0/8, ::1
        Private,      // 10/8, 172.16/12, 192.168/16 (RFC 1918)
        SharedNat,    // 100.64.0.0/10 (RFC 6598, carrier-grade NAT; also Tailscale and other overlays)
        LinkLocal,    // 169.254.0.0/16 (RFC 3927), fe80::/10
        CloudMetadata, // 169.254.169.254, 169.254.170.2, fd00:ec2::254: never, even for an intranet site
        UniqueLocal,  // fc00::/7 (RFC 4193)
        SiteLocal,    // fec0::/10 (deprecated by RFC 3879, still routed inside some networks)
        Benchmarking, // 198.18.0.0/15 (RFC 2544; also the "fake IP" answers of some local proxies), 2001:2::/48
        LocalNat64,   // 64:ff9b:1::/48 (RFC 8215): a local translator, its embedded address position unknown
        Protocol,     // 192.0.0.0/24 (RFC 6890), 2001::/23 (RFC 2928) except what is named apart
        Teredo,       // 2001::/32 (RFC 4380)
        Documentation, // 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24 (RFC 5737), 2001:db8::/32 (RFC 3849), 3fff::/20 (RFC 9637)
        Relay6to4,    // 192.88.99.0/24 (RFC 7526, deprecated)
        Multicast,    // 224.0.0.0/4, ff00::/8
        Reserved,     // 240.0.0.0/4 (RFC 1112), IPv6 outside 2000::/3 not named elsewhere (RFC 4291)
        Broadcast,    // 255.255.255.255/32 (RFC 919)
        Ipv4Compatible, // ::/96 (RFC 4291 §2.5.5.1, deprecated)
        Ipv4Translated, // ::ffff:0:0:0/96 (RFC 2765, SIIT)
        Discard,      // 100::/64 (RFC 6666)
        Srv6,         // 5f00::/16 (RFC 9602): segment identifiers, not hosts
    };

    Kind kind;
    QString range;          // "10.0.0.0/8"; for an embedded address "::ffff:0:0/96 carrying 10.0.0.0/8"
    bool allowable = false; // may be allowed for an intranet site (FetchOptions::allowPrivate)

    // "a private address", translated.
    QString describe() const;
};

// Decides which addresses the fetcher may connect to. Pure: no lookups, no state.
class AddressPolicy
{
    Q_DECLARE_TR_FUNCTIONS(lux::net::AddressPolicy)
public:
    // Nothing for an ordinary public address. IPv4-mapped (::ffff:a.b.c.d), NAT64 (64:ff9b::/96) and
    // 6to4 (2002::/16) addresses are judged by the IPv4 address they carry.
    static std::optional<SpecialAddress> classify(const QHostAddress &address);
    // What keeps `address` from being fetched, or nothing when it may be. `allowPrivate` lets through
    // the local kinds (loopback, private, link-local, shared NAT, unique and site local, benchmarking)
    // and never the others (multicast, documentation, reserved, cloud metadata...).
    static std::optional<SpecialAddress> refused(const QHostAddress &address, bool allowPrivate);
    // The same as a sentence: "10.0.0.5 is a private address (10.0.0.0/8)".
    static std::optional<QString> refusal(const QHostAddress &address, bool allowPrivate);

    // A URL's host read as the WHATWG URL Standard reads it (§3.5 host parsing: the "ends in a number"
    // checker and the IPv4 parser), so 2130706433, 0177.0.0.1, 0x7f.1 and 127.1 are all 127.0.0.1, a
    // trailing dot included; a name ending in a number that is no IPv4 address (1.2.3.4.5, a.0x) is
    // invalid. An IPv6 literal (without brackets, as QUrl::host() gives it) is an address too.
    struct Invalid
    {
    };
    using Host = std::variant<QHostAddress, QString, Invalid>; // an address, a name (lower case, ACE), or invalid
    static Host parseHost(const QString &host);
    // The WHATWG IPv4 parser alone: nothing when `host` is not an IPv4 address in any of its forms.
    static std::optional<quint32> parseIpv4(const QString &host);
};

} // namespace lux::net

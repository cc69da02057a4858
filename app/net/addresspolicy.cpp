// SPDX-License-Identifier: GPL-3.0-or-later
#include "addresspolicy.h"

#include <QStringList>

#include <array>

namespace lux::net {

namespace {

using Kind = SpecialAddress::Kind;

bool allowableKind(Kind kind)
{
    switch (kind) {
    case Kind::Loopback:
    case Kind::Private:
    case Kind::SharedNat:
    case Kind::LinkLocal:
    case Kind::UniqueLocal:
    case Kind::SiteLocal:
    case Kind::Benchmarking:
    case Kind::LocalNat64:
        return true;
    default:
        return false;
    }
}

SpecialAddress special(Kind kind, const char *range)
{
    return SpecialAddress{kind, QString::fromLatin1(range), allowableKind(kind)};
}

constexpr quint32 ip4(quint32 a, quint32 b, quint32 c, quint32 d)
{
    return (a << 24) | (b << 16) | (c << 8) | d;
}

bool inRange(quint32 address, quint32 network, int prefix)
{
    const quint32 mask = prefix == 0 ? 0 : ~quint32(0) << (32 - prefix);
    return (address & mask) == (network & mask);
}

// IANA IPv4 Special-Purpose Address Registry
// (https://www.iana.org/assignments/iana-ipv4-special-registry/), plus multicast (RFC 5771) and the
// cloud metadata endpoints (AWS, GCP, Azure at 169.254.169.254; AWS ECS at 169.254.170.2), which
// stay refused when local addresses are allowed: they hand out credentials.
std::optional<SpecialAddress> classify4(quint32 a)
{
    struct Row
    {
        quint32 network;
        int prefix;
        Kind kind;
        const char *range;
    };
    static constexpr std::array rows{
        Row{ip4(169, 254, 169, 254), 32, Kind::CloudMetadata, "169.254.169.254/32"},
        Row{ip4(169, 254, 170, 2), 32, Kind::CloudMetadata, "169.254.170.2/32"},
        Row{ip4(255, 255, 255, 255), 32, Kind::Broadcast, "255.255.255.255/32"},
        Row{ip4(0, 0, 0, 0), 8, Kind::ThisNetwork, "0.0.0.0/8"},
        Row{ip4(10, 0, 0, 0), 8, Kind::Private, "10.0.0.0/8"},
        Row{ip4(100, 64, 0, 0), 10, Kind::SharedNat, "100.64.0.0/10"},
        Row{ip4(127, 0, 0, 0), 8, Kind::Loopback, "127.0.0.0/8"},
        Row{ip4(169, 254, 0, 0), 16, Kind::LinkLocal, "169.254.0.0/16"},
        Row{ip4(172, 16, 0, 0), 12, Kind::Private, "172.16.0.0/12"},
        Row{ip4(192, 0, 0, 0), 24, Kind::Protocol, "192.0.0.0/24"},
        Row{ip4(192, 0, 2, 0), 24, Kind::Documentation, "192.0.2.0/24"},
        Row{ip4(192, 88, 99, 0), 24, Kind::Relay6to4, "192.88.99.0/24"},
        Row{ip4(192, 168, 0, 0), 16, Kind::Private, "192.168.0.0/16"},
        Row{ip4(198, 18, 0, 0), 15, Kind::Benchmarking, "198.18.0.0/15"},
        Row{ip4(198, 51, 100, 0), 24, Kind::Documentation, "198.51.100.0/24"},
        Row{ip4(203, 0, 113, 0), 24, Kind::Documentation, "203.0.113.0/24"},
        Row{ip4(224, 0, 0, 0), 4, Kind::Multicast, "224.0.0.0/4"},
        Row{ip4(240, 0, 0, 0), 4, Kind::Reserved, "240.0.0.0/4"},
    };
    for (const Row &row : rows)
        if (inRange(a, row.network, row.prefix))
            return special(row.kind, row.range);
    return std::nullopt;
}

quint32 embedded4(const Q_IPV6ADDR &b, int at)
{
    return (quint32(b[at]) << 24) | (quint32(b[at + 1]) << 16) | (quint32(b[at + 2]) << 8) | quint32(b[at + 3]);
}

bool zeros(const Q_IPV6ADDR &b, int from, int to)
{
    for (int i = from; i < to; ++i)
        if (b[i] != 0)
            return false;
    return true;
}

// An IPv6 address that carries an IPv4 one is as good as the IPv4 address: the network delivers it there.
std::optional<SpecialAddress> carrying(const char *prefix, quint32 v4)
{
    auto inner = classify4(v4);
    if (!inner)
        return std::nullopt;
    inner->range = QString::fromLatin1(prefix) + QStringLiteral(" carrying ") + inner->range;
    return inner;
}

// IANA IPv6 Special-Purpose Address Registry
// (https://www.iana.org/assignments/iana-ipv6-special-registry/) and the IPv6 Address Space
// registry (https://www.iana.org/assignments/ipv6-address-space/): only 2000::/3 is global unicast,
// anything else not named here is reserved by the IETF.
std::optional<SpecialAddress> classify6(const Q_IPV6ADDR &b)
{
    if (zeros(b, 0, 16))
        return special(Kind::Unspecified, "::/128");
    if (zeros(b, 0, 15) && b[15] == 1)
        return special(Kind::Loopback, "::1/128");
    if (zeros(b, 0, 10) && b[10] == 0xff && b[11] == 0xff)
        return carrying("::ffff:0:0/96", embedded4(b, 12));
    if (zeros(b, 0, 12))
        return special(Kind::Ipv4Compatible, "::/96");
    if (zeros(b, 0, 8) && b[8] == 0xff && b[9] == 0xff && b[10] == 0 && b[11] == 0)
        return special(Kind::Ipv4Translated, "::ffff:0:0:0/96");
    if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b) {
        if (zeros(b, 4, 12))
            return carrying("64:ff9b::/96", embedded4(b, 12));
        if (b[4] == 0 && b[5] == 1)
            return special(Kind::LocalNat64, "64:ff9b:1::/48");
        return special(Kind::Reserved, "64:ff9b::/32");
    }
    if (b[0] == 0x01 && zeros(b, 1, 8))
        return special(Kind::Discard, "100::/64");
    if (b[0] == 0xfd && b[1] == 0x00 && b[2] == 0x0e && b[3] == 0xc2 && zeros(b, 4, 14) && b[14] == 0x02 && b[15] == 0x54)
        return special(Kind::CloudMetadata, "fd00:ec2::254/128");
    if (b[0] == 0x20 && b[1] == 0x01) {
        if (b[2] == 0x0d && b[3] == 0xb8)
            return special(Kind::Documentation, "2001:db8::/32");
        if (b[2] == 0 && b[3] == 0)
            return special(Kind::Teredo, "2001::/32");
        if (b[2] == 0 && b[3] == 2 && b[4] == 0 && b[5] == 0)
            return special(Kind::Benchmarking, "2001:2::/48");
        if ((b[2] & 0xfe) == 0)
            return special(Kind::Protocol, "2001::/23");
        return std::nullopt;
    }
    if (b[0] == 0x20 && b[1] == 0x02)
        return carrying("2002::/16", embedded4(b, 2));
    if (b[0] == 0x3f && b[1] == 0xff && (b[2] & 0xf0) == 0)
        return special(Kind::Documentation, "3fff::/20");
    if (b[0] == 0x5f && b[1] == 0x00)
        return special(Kind::Srv6, "5f00::/16");
    if ((b[0] & 0xfe) == 0xfc)
        return special(Kind::UniqueLocal, "fc00::/7");
    if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80)
        return special(Kind::LinkLocal, "fe80::/10");
    if (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0)
        return special(Kind::SiteLocal, "fec0::/10");
    if (b[0] == 0xff)
        return special(Kind::Multicast, "ff00::/8");
    if ((b[0] & 0xe0) != 0x20)
        return special(Kind::Reserved, "outside 2000::/3");
    return std::nullopt;
}

// WHATWG URL Standard, "IPv4 number parser": decimal, 0x hexadecimal, 0 octal. Values above 2^32
// are clamped there, which every caller refuses.
std::optional<quint64> parseIpv4Number(QStringView input)
{
    if (input.isEmpty())
        return std::nullopt;
    int radix = 10;
    if (input.size() >= 2 && input[0] == u'0' && (input[1] == u'x' || input[1] == u'X')) {
        input = input.mid(2);
        radix = 16;
    } else if (input.size() >= 2 && input[0] == u'0') {
        input = input.mid(1);
        radix = 8;
    }
    quint64 value = 0;
    for (const QChar c : input) {
        int digit = -1;
        const char16_t u = c.unicode();
        if (u >= u'0' && u <= u'9')
            digit = u - u'0';
        else if (u >= u'a' && u <= u'f')
            digit = 10 + (u - u'a');
        else if (u >= u'A' && u <= u'F')
            digit = 10 + (u - u'A');
        if (digit < 0 || digit >= radix)
            return std::nullopt;
        value = std::min<quint64>(value * quint64(radix) + quint64(digit), quint64(1) << 33);
    }
    return value;
}

// WHATWG URL Standard, "ends in a number checker".
bool endsInANumber(const QString &host)
{
    QStringList parts = host.split(u'.');
    if (parts.last().isEmpty()) {
        if (parts.size() == 1)
            return false;
        parts.removeLast();
    }
    const QString &last = parts.last();
    if (!last.isEmpty()) {
        bool digits = true;
        for (const QChar c : last)
            digits = digits && c >= u'0' && c <= u'9';
        if (digits)
            return true;
    }
    return parseIpv4Number(last).has_value();
}

} // namespace

QString SpecialAddress::describe() const
{
    switch (kind) {
    case Kind::ThisNetwork: return AddressPolicy::tr("an address of \"this network\"");
    case Kind::Unspecified: return AddressPolicy::tr("the unspecified address");
    case Kind::Loopback: return AddressPolicy::tr("a loopback address (this computer)");
    case Kind::Private: return AddressPolicy::tr("a private address");
    case Kind::SharedNat: return AddressPolicy::tr("a carrier-grade NAT address");
    case Kind::LinkLocal: return AddressPolicy::tr("a link-local address");
    case Kind::CloudMetadata: return AddressPolicy::tr("a cloud metadata address");
    case Kind::UniqueLocal: return AddressPolicy::tr("a unique local (private) address");
    case Kind::SiteLocal: return AddressPolicy::tr("a site-local address");
    case Kind::Benchmarking: return AddressPolicy::tr("a benchmarking address");
    case Kind::LocalNat64: return AddressPolicy::tr("a local NAT64 address");
    case Kind::Protocol: return AddressPolicy::tr("an IETF protocol address");
    case Kind::Teredo: return AddressPolicy::tr("a Teredo tunnel address");
    case Kind::Documentation: return AddressPolicy::tr("a documentation address");
    case Kind::Relay6to4: return AddressPolicy::tr("a 6to4 relay address");
    case Kind::Multicast: return AddressPolicy::tr("a multicast address");
    case Kind::Reserved: return AddressPolicy::tr("a reserved address");
    case Kind::Broadcast: return AddressPolicy::tr("the broadcast address");
    case Kind::Ipv4Compatible: return AddressPolicy::tr("an IPv4-compatible address (deprecated)");
    case Kind::Ipv4Translated: return AddressPolicy::tr("an IPv4-translated address");
    case Kind::Discard: return AddressPolicy::tr("a discard-only address");
    case Kind::Srv6: return AddressPolicy::tr("an SRv6 segment identifier");
    }
    return AddressPolicy::tr("a special address");
}

std::optional<SpecialAddress> AddressPolicy::classify(const QHostAddress &address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    if (isV4 && address.protocol() == QAbstractSocket::IPv4Protocol)
        return classify4(v4);
    if (address.protocol() == QAbstractSocket::IPv6Protocol)
        return classify6(address.toIPv6Address());
    // A null address or QHostAddress::Any: nothing to connect to.
    return special(Kind::Unspecified, "::/128");
}

std::optional<SpecialAddress> AddressPolicy::refused(const QHostAddress &address, bool allowPrivate)
{
    auto s = classify(address);
    if (s && s->allowable && allowPrivate)
        return std::nullopt;
    return s;
}

std::optional<QString> AddressPolicy::refusal(const QHostAddress &address, bool allowPrivate)
{
    const auto s = refused(address, allowPrivate);
    if (!s)
        return std::nullopt;
    return tr("%1 is %2 (%3)").arg(address.toString(), s->describe(), s->range);
}

std::optional<quint32> AddressPolicy::parseIpv4(const QString &host)
{
    QStringList parts = host.split(u'.');
    if (parts.last().isEmpty() && parts.size() > 1)
        parts.removeLast();
    if (parts.size() > 4)
        return std::nullopt;
    QList<quint64> numbers;
    for (const QString &part : std::as_const(parts)) {
        const auto n = parseIpv4Number(part);
        if (!n)
            return std::nullopt;
        numbers << *n;
    }
    for (qsizetype i = 0; i + 1 < numbers.size(); ++i)
        if (numbers[i] > 255)
            return std::nullopt;
    const qsizetype n = numbers.size();
    if (numbers.last() >= (quint64(1) << (8 * (5 - n))))
        return std::nullopt;
    quint64 ipv4 = numbers.last();
    for (qsizetype i = 0; i + 1 < n; ++i)
        ipv4 += numbers[i] << (8 * (3 - i));
    return quint32(ipv4);
}

AddressPolicy::Host AddressPolicy::parseHost(const QString &host)
{
    if (host.isEmpty())
        return Invalid{};
    if (host.contains(u':')) {
        QHostAddress address;
        if (address.setAddress(host) && address.protocol() == QAbstractSocket::IPv6Protocol)
            return address;
        return Invalid{};
    }
    const QString lower = host.toLower();
    if (endsInANumber(lower)) {
        if (const auto v4 = parseIpv4(lower))
            return QHostAddress(*v4);
        return Invalid{};
    }
    // A name: what the resolver is asked, without the trailing dot of a fully qualified one.
    QString name = lower;
    if (name.endsWith(u'.'))
        name.chop(1);
    if (name.isEmpty() || name.contains(u'%') || name.contains(u'/') || name.contains(u'\\'))
        return Invalid{};
    return name;
}

} // namespace lux::net

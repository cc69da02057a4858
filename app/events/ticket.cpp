// SPDX-License-Identifier: GPL-3.0-or-later
#include "ticket.h"

#include "common/errorcodes.h"

#include <png.h>
#include <qrencode.h>

#include <memory>
#include <vector>

namespace lux::events {

QString Ticket::sign(const tracking::TokenCodec &codec, const TicketClaims &claims)
{
    tracking::Claims c;
    c.purpose = tracking::Purpose::Ticket;
    c.campaign = claims.event;
    c.recipient = claims.registration;
    return codec.sign(c);
}

std::optional<TicketClaims> Ticket::read(const tracking::TokenCodec &codec, QStringView scanned)
{
    const QByteArray token = scanned.trimmed().toLatin1();
    if (token.isEmpty() || token.size() > tracking::TokenCodec::kMaxChars)
        return std::nullopt;
    const auto claims = codec.verify(token, tracking::Purpose::Ticket);
    if (!claims || claims->link != 0 || claims->campaign == 0 || claims->recipient == 0)
        return std::nullopt;
    return TicketClaims{claims->campaign, claims->recipient};
}

namespace {

struct QrDeleter
{
    void operator()(QRcode *q) const { QRcode_free(q); }
};

// libpng reports errors through longjmp; this writer never gives it bad input, but a failure
// still ends in an error, not a crash: the jump lands in the function that set it.
void appendBytes(png_structp png, png_bytep data, png_size_t length)
{
    auto *out = static_cast<QByteArray *>(png_get_io_ptr(png));
    out->append(reinterpret_cast<const char *>(data), qsizetype(length));
}

} // namespace

Result<QByteArray> Ticket::qrPng(const QString &code, int scale)
{
    const QByteArray text = code.toUtf8();
    std::unique_ptr<QRcode, QrDeleter> qr(QRcode_encodeString(text.constData(), 0, QR_ECLEVEL_M, QR_MODE_8, 1));
    if (!qr)
        return Error(errc::eventsTicket, tr("The ticket's QR code could not be made."));
    scale = std::clamp(scale, 1, 32);
    constexpr int kQuiet = 4;
    const int modules = qr->width + 2 * kQuiet;
    const int side = modules * scale;
    std::vector<png_byte> row(std::size_t(side), 255);
    QByteArray out;
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    if (!png)
        return Error(errc::eventsTicket, tr("The ticket's QR code could not be made."));
    png_infop info = png_create_info_struct(png);
    if (!info || setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, info ? &info : nullptr);
        return Error(errc::eventsTicket, tr("The ticket's QR code could not be made."));
    }
    png_set_write_fn(png, &out, appendBytes, nullptr);
    png_set_IHDR(png, info, png_uint_32(side), png_uint_32(side), 8, PNG_COLOR_TYPE_GRAY, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
                 PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    for (int y = 0; y < modules; ++y) {
        for (int x = 0; x < modules; ++x) {
            const int qx = x - kQuiet, qy = y - kQuiet;
            const bool dark = qx >= 0 && qy >= 0 && qx < qr->width && qy < qr->width && (qr->data[qy * qr->width + qx] & 1);
            std::fill_n(row.begin() + x * scale, scale, png_byte(dark ? 0 : 255));
        }
        for (int i = 0; i < scale; ++i)
            png_write_row(png, row.data());
    }
    png_write_end(png, nullptr);
    png_destroy_write_struct(&png, &info);
    return out;
}

} // namespace lux::events

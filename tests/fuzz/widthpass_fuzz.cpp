// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the preview's email-aware layout (issue 13): the presentational attributes
// turned into CSS, the width pass that resolves table and cell widths before litehtml lays the
// document out and shares auto rows after, and the cell memo that keeps nested tables linear, on any
// HTML behind HtmlLimits::check as EmailDocument::layout runs them. What it holds to: nothing
// crashes, overflows or reads freed memory (ASan, UBSan); a refused document is refused for a
// limit, by its code; every rule made from the attributes is one rule (no attribute value reaches
// the CSS outside its value); laying the same document out twice gives the same size (nothing is
// left over from one layout to the next); and no input takes longer than the run's -timeout.
// The first byte picks the viewport width; the rest is the HTML.
//   cmake --preset fuzz && cmake --build build/fuzz --target widthpass_fuzz
//   nice -n 10 build/fuzz/tests/fuzz/widthpass_fuzz -max_total_time=600 -max_len=8192 -timeout=10 tests/fuzz/corpus/widthpass
#include "common/errorcodes.h"
#include "emaildocument.h"

#include <QGuiApplication>
#include <QImage>
#include <QPainter>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>

using namespace lux::preview;

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    static QGuiApplication app(*argc, *argv); // fonts need one; it lives as long as the process
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    static constexpr int kWidths[] = {600, 375, 800, 200, 320, 640, 1000, 2000};
    PreviewOptions options;
    options.width = kWidths[data[0] % 8];
    const QString html = QString::fromUtf8(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));

    const QString css = EmailDocument::presentationalCss(html);
    for (const QStringView rule : QStringView(css).split(u'\n', Qt::SkipEmptyParts))
        if (rule.count(u'{') != 1 || rule.count(u'}') != 1 || !rule.endsWith(u'}'))
            std::abort(); // an attribute's value broke out of its rule

    auto first = EmailDocument::layout(html, options);
    if (!first) {
        if (first.error().code != lux::errc::htmlTooDeep && first.error().code != lux::errc::htmlTooLarge)
            std::abort(); // refused for anything but a limit
        return 0;
    }
    const auto &doc = *first;
    if (doc->width() < 0 || doc->height() < 0)
        std::abort();
    auto second = EmailDocument::layout(html, options);
    if (!second || (*second)->width() != doc->width() || (*second)->height() != doc->height())
        std::abort(); // the same document laid out twice came out different

    // Paint the first screen, as the preview does: every box the layout made is drawn through QPainter.
    QImage screen(options.width, 400, QImage::Format_ARGB32_Premultiplied);
    screen.fill(Qt::white);
    QPainter painter(&screen);
    doc->paint(&painter, QRect(0, 0, options.width, 400));
    painter.end();
    (void)doc->linkAt(QPoint(options.width / 2, 10));
    return 0;
}

// SPDX-License-Identifier: GPL-3.0-or-later
// Layout and paint of a large email with the litehtml preview: a table-based newsletter of about
// 100 KB (nested tables, inline styles, a style block, bulletproof buttons), laid out at 600 px and
// painted whole into an image. Median and worst of N runs after one warm-up. Then tables nested 10, 20,
// 30, 60, 120 and 169 deep (169, with <html>, <body> and the <b> inside, is as deep as lux::HtmlLimits
// lets through), in the two shapes real
// email nests them: Outlook ghost tables with widths (<table width="100%"><tr><td align="center">) and
// tables without any width (bulletproof buttons, spacers); issue 13: 2.6x per level before.
//   lux-preview-bench [N] [FILE.html]      (default 20 runs of the generated newsletter)
#include "emaildocument.h"

#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QPainter>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace lux::preview;

namespace {

std::unique_ptr<EmailDocument> laidOut(const QString &html, const PreviewOptions &options)
{
    auto doc = EmailDocument::layout(html, options);
    if (!doc) {
        std::fprintf(stderr, "%s\n", qPrintable(doc.error().message));
        std::exit(1);
    }
    return std::move(*doc);
}

QString nestedTables(int depth, bool withWidths)
{
    const QString open = withWidths ? QStringLiteral("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\">"
                                                     "<tr><td align=\"center\" valign=\"top\">\n")
                                    : QStringLiteral("<table><tr><td>\n");
    QString html = QStringLiteral("<html><body style=\"font:15px Arial\">");
    for (int i = 0; i < depth; ++i)
        html += open;
    html += QStringLiteral("Hello, <b>reader</b>: the innermost cell.");
    for (int i = 0; i < depth; ++i)
        html += QStringLiteral("</td></tr></table>\n");
    return html + QStringLiteral("</body></html>");
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const int runs = argc > 1 ? std::atoi(argv[1]) : 20;
    QString html = QStringLiteral(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>"
        ".btn a{background:#0d6efd;color:#fff;padding:12px 24px;border-radius:6px;text-decoration:none}"
        "@media (max-width:600px){.col{display:block;width:100%!important}}</style></head>"
        "<body style=\"margin:0;background:#f4f4f4\"><table width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" bgcolor=\"#f4f4f4\">"
        "<tr><td align=\"center\"><table width=\"600\" cellpadding=\"0\" cellspacing=\"0\" bgcolor=\"#ffffff\">");
    int story = 0;
    if (argc > 2) { // an email of one's own instead
        QFile file(QString::fromLocal8Bit(argv[2]));
        if (!file.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "cannot read %s\n", argv[2]);
            return 2;
        }
        html = QString::fromUtf8(file.readAll());
    }
    while (argc <= 2 && html.size() < 100 * 1024) {
        html += QStringLiteral(
                    "<tr><td cellpadding=\"24\" style=\"padding:24px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:24px;color:#333\">"
                    "<table width=\"100%\" cellpadding=\"0\" cellspacing=\"0\"><tr>"
                    "<td class=\"col\" width=\"180\" valign=\"top\"><img src=\"cid:story%1\" width=\"160\" height=\"100\" alt=\"Story %1\" "
                    "style=\"display:block;border:0\"></td>"
                    "<td class=\"col\" valign=\"top\"><h2 style=\"margin:0 0 8px;font-size:20px;color:#111\">Story %1: what we made</h2>"
                    "<p style=\"margin:0 0 12px\">A paragraph of real length about the product, with enough words to wrap over "
                    "several lines in a 400 pixel column, <b>bold</b> words, <i>italic</i> ones and <a href=\"https://acme.example/s/%1\" "
                    "style=\"color:#0d6efd\">a link</a>.</p>"
                    "<table cellpadding=\"0\" cellspacing=\"0\" class=\"btn\"><tr><td bgcolor=\"#0d6efd\" style=\"border-radius:6px\">"
                    "<a href=\"https://acme.example/buy/%1\">Read more</a></td></tr></table></td></tr></table></td></tr>\n")
                    .arg(story++);
    }
    if (argc <= 2)
        html += QStringLiteral("</table></td></tr></table></body></html>");
    // What the preview does on every edit: lay the document out, paint the screenful in view
    // (600 x 900). Painting the whole 35,000 px document into one image is measured apart.
    std::vector<double> layoutTimes, screenTimes, totalTimes, wholeTimes;
    int height = 0;
    for (int i = 0; i <= runs; ++i) {
        QElapsedTimer t;
        t.start();
        const auto doc = laidOut(html, PreviewOptions{});
        const double layout = double(t.nsecsElapsed()) / 1e6;
        QImage screen(600, 900, QImage::Format_ARGB32_Premultiplied);
        screen.fill(Qt::white);
        QPainter painter(&screen);
        doc->paint(&painter, QRect(0, 0, 600, 900));
        painter.end();
        const double total = double(t.nsecsElapsed()) / 1e6;
        QElapsedTimer whole;
        whole.start();
        const QImage all = qEnvironmentVariableIsSet("LUX_BENCH_NO_WHOLE") ? QImage() : doc->toImage();
        const double wholeMs = double(whole.nsecsElapsed()) / 1e6;
        height = doc->height();
        if (i > 0) {
            layoutTimes.push_back(layout);
            screenTimes.push_back(total - layout);
            totalTimes.push_back(total);
            wholeTimes.push_back(wholeMs);
        }
    }
    const auto median = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        return v[v.size() / 2];
    };
    const auto worst = [](const std::vector<double> &v) { return *std::max_element(v.begin(), v.end()); };
    std::printf("%lld bytes of HTML, %d stories, %d px tall (%d runs)\n", static_cast<long long>(html.toUtf8().size()), story,
                height, runs);
    std::printf("layout:                          median %6.1f ms, worst %6.1f ms\n", median(layoutTimes), worst(layoutTimes));
    std::printf("paint the screen in view:        median %6.1f ms, worst %6.1f ms\n", median(screenTimes), worst(screenTimes));
    std::printf("layout and paint (what an edit costs): median %6.1f ms, worst %6.1f ms\n", median(totalTimes), worst(totalTimes));
    std::printf("paint the whole document to one image: median %6.1f ms\n", median(wholeTimes));
    if (argc > 2)
        return 0;
    const int nestedRuns = std::max(1, runs / 4);
    for (const bool withWidths : {true, false}) {
        for (const int depth : {10, 20, 30, 60, 120, 169}) {
            const QString nested = nestedTables(depth, withWidths);
            std::vector<double> times;
            for (int i = 0; i <= nestedRuns; ++i) {
                QElapsedTimer t;
                t.start();
                const auto doc = laidOut(nested, PreviewOptions{});
                const QImage all = doc->toImage();
                if (i > 0)
                    times.push_back(double(t.nsecsElapsed()) / 1e6);
            }
            std::printf("tables nested %3d deep (%s): layout and paint median %6.1f ms, worst %6.1f ms\n", depth,
                        withWidths ? "ghost tables, width=100%" : "no widths              ", median(times), worst(times));
        }
    }
    return 0;
}

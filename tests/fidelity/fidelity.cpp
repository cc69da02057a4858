// SPDX-License-Identifier: GPL-3.0-or-later
//
// Preview fidelity against a real browser. For each email in the corpus:
//   1. `luxctl template render FILE --png --width 600` gives LUX's preview, and --html the merged HTML;
//   2. headless Chromium measures that HTML's document height at 600 px, then screenshots it whole;
//   3. the two are compared: document height, and a greyscale picture of each scaled down 4 times.
// As a control, the same comparison runs on litehtml without the email-aware pass (PreviewOptions::
// emailAware off), which shows what the pass is worth and that the threshold tells layouts apart.
// Prints a Markdown table (docs/PERFORMANCE.md keeps the last one) and exits 1 if any email fails.
#include "emaildocument.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextStream>
#include <QUrl>

#include <cstdio>
#include <optional>

namespace {

constexpr int kWidth = 600;
constexpr int kScale = 4;

struct Limits
{
    double heightPercent = 5.0;
    double pixelPercent = 0.0;
};

struct Outcome
{
    QString name;
    int luxHeight = 0;
    int browserHeight = 0;
    double heightPercent = 0;
    double pixelPercent = 0;
    double rawHeightPercent = 0; // the control: without the email-aware pass
    double rawPixelPercent = 0;
    bool pass = false;
    QString error;
};

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

std::optional<QByteArray> run(const QString &program, const QStringList &args, QString *error, int timeoutMs = 120000)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::SeparateChannels);
    p.start(program, args);
    if (!p.waitForFinished(timeoutMs) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *error = QStringLiteral("%1 %2 failed (%3): %4")
                     .arg(program, args.join(u' '), p.errorString(), QString::fromLocal8Bit(p.readAllStandardError()).right(400));
        return std::nullopt;
    }
    return p.readAllStandardOutput();
}

QString g_profile; // a profile of its own, so runs never share Chromium's state

QStringList chromiumArgs(int height)
{
    return {QStringLiteral("--user-data-dir=%1").arg(g_profile),QStringLiteral("--headless=new"),  QStringLiteral("--no-sandbox"),         QStringLiteral("--disable-gpu"),
            QStringLiteral("--hide-scrollbars"), QStringLiteral("--force-device-scale-factor=1"),
            QStringLiteral("--no-first-run"),  QStringLiteral("--disable-extensions"),   QStringLiteral("--mute-audio"),
            QStringLiteral("--window-size=%1,%2").arg(kWidth).arg(height)};
}

// Both pictures at the browser's height, a quarter of the size, in grey; the mean absolute difference
// of their pixels as a percentage of full scale. At a quarter size a line of text is a grey band, so
// antialiasing and sub-pixel glyph positions mostly average out while a box in the wrong place, a
// missing background or a wrapped column does not.
double pictureDifference(const QImage &lux, const QImage &browser)
{
    const QSize small(kWidth / kScale, std::max(1, browser.height() / kScale));
    const auto prepare = [&](const QImage &image) {
        QImage flat(QSize(kWidth, browser.height()), QImage::Format_RGB32);
        flat.fill(Qt::white);
        for (int y = 0; y < std::min(image.height(), flat.height()); ++y) {
            const QRgb *from = reinterpret_cast<const QRgb *>(image.constScanLine(y));
            QRgb *to = reinterpret_cast<QRgb *>(flat.scanLine(y));
            for (int x = 0; x < std::min(image.width(), kWidth); ++x)
                to[x] = from[x];
        }
        return flat.scaled(small, Qt::IgnoreAspectRatio, Qt::SmoothTransformation).convertToFormat(QImage::Format_Grayscale8);
    };
    const QImage a = prepare(lux.convertToFormat(QImage::Format_RGB32));
    const QImage b = prepare(browser.convertToFormat(QImage::Format_RGB32));
    qint64 sum = 0;
    for (int y = 0; y < small.height(); ++y) {
        const uchar *pa = a.constScanLine(y);
        const uchar *pb = b.constScanLine(y);
        for (int x = 0; x < small.width(); ++x)
            sum += std::abs(int(pa[x]) - int(pb[x]));
    }
    return 100.0 * double(sum) / (255.0 * small.width() * small.height());
}

double heightDifference(int lux, int browser)
{
    return browser > 0 ? 100.0 * std::abs(lux - browser) / browser : 100.0;
}

Outcome compare(const QString &file, const QString &luxctl, const QString &chromium, const QString &db, const QDir &work,
                const Limits &limits)
{
    Outcome o;
    o.name = QFileInfo(file).fileName();
    const QString stem = QFileInfo(file).completeBaseName();
    const QString merged = work.filePath(stem + QStringLiteral(".html"));
    const QString luxPng = work.filePath(stem + QStringLiteral("-lux.png"));
    const QString browserPng = work.filePath(stem + QStringLiteral("-chromium.png"));
    QString error;
    if (!run(luxctl, {QStringLiteral("--db"), db, QStringLiteral("template"), QStringLiteral("render"), file, QStringLiteral("--html"),
                      merged, QStringLiteral("--png"), luxPng, QStringLiteral("--width"), QString::number(kWidth)},
             &error)) {
        o.error = error;
        return o;
    }
    // The browser gets the same merged HTML, with relative paths resolved against the corpus folder
    // and a script that records the document's height once everything is loaded.
    QFile f(merged);
    if (!f.open(QIODevice::ReadOnly)) {
        o.error = f.errorString();
        return o;
    }
    QString html = QString::fromUtf8(f.readAll());
    f.close();
    const QString base = QStringLiteral("<base href=\"%1/\">").arg(QUrl::fromLocalFile(QFileInfo(file).absolutePath()).toString());
    const QRegularExpression head(QStringLiteral("<head(\\s[^>]*)?>"), QRegularExpression::CaseInsensitiveOption);
    const auto m = head.match(html);
    if (m.hasMatch())
        html.insert(m.capturedEnd(), base);
    else
        html.prepend(base);
    const QString measured = work.filePath(stem + QStringLiteral("-measure.html"));
    const QString shown = work.filePath(stem + QStringLiteral("-browser.html"));
    for (const auto &[path, extra] :
         {std::pair{measured, QStringLiteral("<script>addEventListener('load', () => document.documentElement.setAttribute("
                                             "'data-lux-height', String(document.documentElement.scrollHeight)));</script>")},
          std::pair{shown, QString()}}) {
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            o.error = out.errorString();
            return o;
        }
        out.write((html + extra).toUtf8());
    }
    QStringList measureArgs = chromiumArgs(100);
    measureArgs << QStringLiteral("--dump-dom") << QUrl::fromLocalFile(measured).toString();
    const auto dom = run(chromium, measureArgs, &error);
    if (!dom) {
        o.error = error;
        return o;
    }
    const auto h = QRegularExpression(QStringLiteral("data-lux-height=\"(\\d+)\"")).match(QString::fromUtf8(*dom));
    if (!h.hasMatch()) {
        o.error = QStringLiteral("Chromium did not report the document height of %1").arg(file);
        return o;
    }
    o.browserHeight = h.captured(1).toInt();
    QStringList shotArgs = chromiumArgs(o.browserHeight);
    shotArgs << QStringLiteral("--screenshot=%1").arg(browserPng) << QUrl::fromLocalFile(shown).toString();
    if (!run(chromium, shotArgs, &error)) {
        o.error = error;
        return o;
    }
    const QImage lux(luxPng);
    const QImage browser(browserPng);
    if (lux.isNull() || browser.isNull()) {
        o.error = QStringLiteral("Could not read %1 or %2").arg(luxPng, browserPng);
        return o;
    }
    {
        // Side by side for a person to look at: LUX on the left, Chromium on the right.
        QImage side(kWidth * 2 + 8, std::max(lux.height(), browser.height()), QImage::Format_RGB32);
        side.fill(Qt::red);
        QPainter p(&side);
        p.drawImage(QPoint(0, 0), lux.copy(0, 0, kWidth, lux.height()));
        p.drawImage(QPoint(kWidth + 8, 0), browser);
        p.end();
        side.save(work.filePath(stem + QStringLiteral("-side.png")));
    }
    o.luxHeight = lux.height();
    o.heightPercent = heightDifference(o.luxHeight, o.browserHeight);
    o.pixelPercent = pictureDifference(lux, browser);

    lux::preview::PreviewOptions raw;
    raw.width = kWidth;
    raw.baseDirectory = QFileInfo(file).absolutePath();
    raw.emailAware = false;
    const QString plain = [&] {
        QFile in(merged);
        return in.open(QIODevice::ReadOnly) ? QString::fromUtf8(in.readAll()) : QString();
    }();
    raw.images.folders = {raw.baseDirectory};
    const auto rawDoc = lux::preview::EmailDocument::layout(plain, raw);
    const QImage rawImage = rawDoc ? (*rawDoc)->toImage() : QImage();
    rawImage.save(work.filePath(stem + QStringLiteral("-raw.png")));
    o.rawHeightPercent = heightDifference(rawImage.height(), o.browserHeight);
    o.rawPixelPercent = pictureDifference(rawImage, browser);

    o.pass = o.heightPercent <= limits.heightPercent && o.pixelPercent <= limits.pixelPercent;
    return o;
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Compares LUX's email preview with headless Chromium."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("luxctl"), QStringLiteral("The luxctl to test."), QStringLiteral("PATH")});
    parser.addOption({QStringLiteral("chromium"), QStringLiteral("The browser (default: chromium on PATH)."), QStringLiteral("PATH"),
                      QStringLiteral("chromium")});
    parser.addOption({QStringLiteral("out"), QStringLiteral("Keep the pictures here."), QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("max-height-diff"), QStringLiteral("Percent (default 5)."), QStringLiteral("P"), QStringLiteral("5")});
    parser.addOption({QStringLiteral("max-pixel-diff"), QStringLiteral("Percent (default 3.5)."), QStringLiteral("P"), QStringLiteral("3.5")});
    parser.addPositionalArgument(QStringLiteral("files"), QStringLiteral("Email templates (HTML or Markdown)."));
    parser.process(app);
    const QString luxctl = parser.value(QStringLiteral("luxctl"));
    if (luxctl.isEmpty() || parser.positionalArguments().isEmpty()) {
        err() << "usage: lux-fidelity --luxctl PATH [--chromium PATH] [--out DIR] FILE...\n";
        return 2;
    }
    QTemporaryDir temp;
    const QDir work(parser.isSet(QStringLiteral("out")) ? parser.value(QStringLiteral("out")) : temp.path());
    QDir().mkpath(work.path());
    const QString db = QDir(temp.path()).filePath(QStringLiteral("fidelity.sqlite"));
    g_profile = QDir(temp.path()).filePath(QStringLiteral("chromium-profile"));
    QString error;
    if (!run(luxctl, {QStringLiteral("--db"), db, QStringLiteral("db"), QStringLiteral("init")}, &error)) {
        err() << error << '\n';
        return 2;
    }
    Limits limits;
    limits.heightPercent = parser.value(QStringLiteral("max-height-diff")).toDouble();
    limits.pixelPercent = parser.value(QStringLiteral("max-pixel-diff")).toDouble();

    QTextStream out(stdout);
    out << "| email | LUX height | Chromium height | height diff | picture diff | without the pass: height, picture | result |\n"
        << "|---|---:|---:|---:|---:|---:|---|\n";
    int failures = 0;
    QElapsedTimer timer;
    timer.start();
    for (const QString &file : parser.positionalArguments()) {
        const Outcome o = compare(QFileInfo(file).absoluteFilePath(), luxctl, parser.value(QStringLiteral("chromium")), db, work, limits);
        if (!o.error.isEmpty()) {
            out << "| " << o.name << " | | | | | | error |\n";
            err() << o.name << ": " << o.error << '\n';
            ++failures;
            continue;
        }
        out << "| " << o.name << " | " << o.luxHeight << " | " << o.browserHeight << " | " << QString::number(o.heightPercent, 'f', 1)
            << " % | " << QString::number(o.pixelPercent, 'f', 2) << " % | " << QString::number(o.rawHeightPercent, 'f', 1) << " %, "
            << QString::number(o.rawPixelPercent, 'f', 2) << " % | " << (o.pass ? "pass" : "FAIL") << " |\n";
        out.flush();
        if (!o.pass)
            ++failures;
    }
    out << "\nLimits: height within " << limits.heightPercent << " %, picture within " << limits.pixelPercent << " %; "
        << parser.positionalArguments().size() << " emails in " << timer.elapsed() / 1000 << " s.\n";
    return failures == 0 ? 0 : 1;
}

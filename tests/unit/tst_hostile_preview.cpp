// SPDX-License-Identifier: GPL-3.0-or-later
// Hostile input to the email preview against the real luxctl (issue 13): each case runs
// `luxctl template render FILE --png OUT --json` as a child under a wall clock (runBounded) and holds
// it to ending on its own within 10 s (a bound, not a speed) under 1 GiB at its peak, with the
// expected error code, or with a PNG written and the expected preview problems listed in --json
// ("preview_problems": what the picture left out and why). The template sits in a folder of its own;
// by default the preview reads local images from that folder only.
#include "boundedrun.h"
#include "common/errorcodes.h"
#include "databasefixture.h"
#include "testsupport.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace lux;

namespace {

constexpr int kWallClockMs = 10'000;
constexpr qint64 kPeakKiB = 1024 * 1024; // 1 GiB

const QByteArray kFooter = "<p>{{brand.address}} <a href=\"{{{unsubscribe_url}}}\">Unsubscribe</a></p>\n";

// What the template's folder holds besides the template, made when the case runs.
enum Extra {
    None = 0,
    RedImage = 1,        // mail/red.png, a 40 x 40 red PNG
    Fifo = 2,            // mail/pipe.png, a FIFO nobody writes to
    Folder = 4,          // mail/pictures.png, a directory
    OutsideImage = 8,    // secret.png beside the folder (red), and mail/link.png, a symbolic link to it
    HugeDeclared = 16,   // mail/huge.ppm, a header that declares 20,000 x 20,000 pixels
    LargeFile = 32,      // mail/large.png, 11 MB (sparse)
};

// A case's template, made when it runs (the test process stays small: a child started with
// posix_spawn begins its peak-memory count from the parent's).
struct Recipe
{
    QByteArray head;
    QByteArray unit;
    int count = 0;
    QByteArray tail;
    QByteArray make() const { return head + unit.repeated(count) + tail + kFooter; } // what is tested comes first, at (8, 8)
};

Recipe nested(const QByteArray &open, const QByteArray &close, int depth)
{
    // Open and close both, so that the template is well formed at any depth.
    return {{}, {}, 0, open.repeated(depth) + "deep" + close.repeated(depth)};
}

QByteArray redPng()
{
    QImage red(40, 40, QImage::Format_RGB32);
    red.fill(Qt::red);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    red.save(&buffer, "PNG");
    return bytes;
}

bool write(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

} // namespace

Q_DECLARE_METATYPE(Recipe)

class TestHostilePreview : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void renderPng_data();
    void renderPng();
};

void TestHostilePreview::renderPng_data()
{
    QTest::addColumn<Recipe>("content");
    QTest::addColumn<int>("extras");         // Extra flags
    QTest::addColumn<QStringList>("args");   // more for luxctl
    QTest::addColumn<QString>("code");       // the expected error; empty: a PNG is written
    QTest::addColumn<QString>("message");    // a part of the error's or the first problem's message
    QTest::addColumn<QStringList>("problems"); // the preview problems' codes, in order
    QTest::addColumn<int>("red");            // with a PNG: 1 if its pixel (20, 20) is red, 0 if it must not be

    const QString tooDeep(errc::htmlTooDeep);
    const QStringList none;
    const QString outside(errc::previewImageOutside);
    const QString notRegular(errc::fileNotRegular);

    // Over the limits: refused before any parser sees the HTML, the place named.
    QTest::newRow("20 MB template") << Recipe{{}, "a", 20'000'000, {}} << 0 << none << QString(errc::htmlTooLarge)
                                    << QStringLiteral("characters long") << none << 0;
    for (const int depth : {5'000, 10'000, 100'000}) {
        QTest::addRow("divs %d", depth) << nested("<div>", "</div>", depth) << 0 << none << tooDeep
                                        << QStringLiteral("more than 512 deep") << none << 0;
        QTest::addRow("tables %d", depth) << nested("<table><tr><td>", "</td></tr></table>", depth) << 0 << none << tooDeep
                                          << QStringLiteral("more than 512 deep") << none << 0;
    }
    // Tables nested as deep as email nests them and past: laid out, no problems (2.6x per level before
    // the cells remembered their layouts; 100 without widths took 50 s while a cell kept 8 widths).
    // 100 tables' default spacing and padding alone take 600 px, so those are laid out at 800.
    for (const int depth : {10, 20, 50, 100}) {
        const QStringList width = depth < 100 ? none : QStringList{QStringLiteral("--width"), QStringLiteral("800")};
        QTest::addRow("tables nested %d", depth)
            << nested("<table width=\"100%\" cellpadding=\"2\" cellspacing=\"0\"><tr><td align=\"center\">", "</td></tr></table>", depth)
            << 0 << width << QString() << QString() << none << 0;
        QTest::addRow("tables nested %d without widths", depth) << nested("<table><tr><td>", "</td></tr></table>", depth) << 0 << width
                                                               << QString() << QString() << none << 0;
    }

    // Images. The positive control: one from the template's folder is shown.
    const QByteArray img = "<img src=\"%1\" width=\"40\" height=\"40\" alt=\"\" style=\"display:block\">";
    const auto withImage = [&img](const QByteArray &src) { return Recipe{QByteArray(img).replace("%1", src), {}, 0, {}}; };
    QTest::newRow("image in the folder") << withImage("red.png") << int(RedImage) << none << QString() << QString() << none << 1;
    QTest::newRow("image in the folder, file: URL") << withImage("file://{dir}/mail/red.png") << int(RedImage) << none << QString()
                                                    << QString() << none << 1;
    // A FIFO blocked the render forever; /dev/zero and a directory are no images either.
    QTest::newRow("img src a FIFO") << withImage("pipe.png") << int(Fifo) << none << QString() << QStringLiteral("pipe (FIFO)")
                                    << QStringList{notRegular} << 0;
    QTest::newRow("img src a directory") << withImage("pictures.png") << int(Folder) << none << QString() << QStringLiteral("a folder")
                                         << QStringList{notRegular} << 0;
    QTest::newRow("img src /dev/zero") << withImage("/dev/zero") << 0 << none << QString() << QStringLiteral("outside the template's folder")
                                       << QStringList{outside} << 0;
    QTest::newRow("img src /dev/zero, any local image") << withImage("file:///dev/zero") << 0 << QStringList{QStringLiteral("--any-local-image")}
                                                        << QString() << QStringLiteral("a device") << QStringList{notRegular} << 0;
    QTest::newRow("img src a FIFO, any local image") << withImage("{dir}/mail/pipe.png") << int(Fifo)
                                                     << QStringList{QStringLiteral("--any-local-image")} << QString()
                                                     << QStringLiteral("pipe (FIFO)") << QStringList{notRegular} << 0;
    // Files outside the folder: by path, by "..", by a link inside it, from CSS.
    QTest::newRow("image outside, absolute") << withImage("{dir}/secret.png") << int(OutsideImage) << none << QString()
                                             << QStringLiteral("outside the template's folder") << QStringList{outside} << 0;
    QTest::newRow("image outside, ..") << withImage("../secret.png") << int(OutsideImage) << none << QString()
                                       << QStringLiteral("secret.png") << QStringList{outside} << 0;
    QTest::newRow("image outside, a link") << withImage("link.png") << int(OutsideImage) << none << QString()
                                           << QStringLiteral("secret.png") << QStringList{outside} << 0;
    QTest::newRow("image outside, CSS url()")
        << Recipe{"<div style=\"width:40px;height:40px;background:url('file://{dir}/secret.png')\"></div>", {}, 0, {}} << int(OutsideImage)
        << none << QString() << QStringLiteral("outside the template's folder") << QStringList{outside} << 0;
    QTest::newRow("image outside, allowed") << withImage("{dir}/secret.png") << int(OutsideImage)
                                            << QStringList{QStringLiteral("--any-local-image")} << QString() << QString() << none << 1;
    // Images over the preview's limits: refused before they are decoded.
    QTest::newRow("image declaring 20000 x 20000") << withImage("huge.ppm") << int(HugeDeclared) << none << QString()
                                                   << QStringLiteral("declares 20000 × 20000 pixels")
                                                   << QStringList{QString(errc::previewImageTooLarge)} << 0;
    QTest::newRow("image file of 11 MB") << withImage("large.png") << int(LargeFile) << none << QString()
                                         << QStringLiteral("the limit for this kind of file") << QStringList{QString(errc::fileTooLarge)} << 0;
    QTest::newRow("data: URI of 3 MB") << Recipe{"<img src=\"data:image/png;base64,", "A", 3'000'000, "\">"} << 0 << none << QString()
                                       << QStringLiteral("data: URI") << QStringList{QString(errc::previewImageTooLarge)} << 0;
    // A document taller than the picture: cut at the limit, and said so.
    QTest::newRow("200000 px tall") << Recipe{"<div style=\"height:200000px\">tall</div>", {}, 0, {}} << 0 << none << QString()
                                    << QStringLiteral("stops at") << QStringList{QString(errc::previewCut)} << 0;
    QTest::newRow("2000 paragraphs") << Recipe{{}, "<p>A paragraph of the newsletter, long enough to wrap once or twice at 600 pixels "
                                                   "wide so that the document grows tall.</p>\n", 2'000, {}}
                                     << 0 << none << QString() << QStringLiteral("stops at") << QStringList{QString(errc::previewCut)} << 0;
}

void TestHostilePreview::renderPng()
{
    QFETCH(Recipe, content);
    QFETCH(int, extras);
    QFETCH(QStringList, args);
    QFETCH(QString, code);
    QFETCH(QString, message);
    QFETCH(QStringList, problems);
    QFETCH(int, red);

    test::DatabaseFixture fx;
    QVERIFY(fx.open());
    QVERIFY(fx.addBrandKit());
    fx.close();
    const QString dir = QDir(fx.dir()).canonicalPath();
    const QString mail = dir + QStringLiteral("/mail");
    QVERIFY(QDir().mkpath(mail));
    if (extras & RedImage)
        QVERIFY(write(mail + QStringLiteral("/red.png"), redPng()));
    if (extras & Fifo)
        QCOMPARE(::mkfifo(QFile::encodeName(mail + QStringLiteral("/pipe.png")).constData(), 0600), 0);
    if (extras & Folder)
        QVERIFY(QDir().mkpath(mail + QStringLiteral("/pictures.png")));
    if (extras & OutsideImage) {
        QVERIFY(write(dir + QStringLiteral("/secret.png"), redPng()));
        QCOMPARE(::symlink(QFile::encodeName(dir + QStringLiteral("/secret.png")).constData(),
                           QFile::encodeName(mail + QStringLiteral("/link.png")).constData()),
                 0);
    }
    if (extras & HugeDeclared) // a valid header, then far fewer pixels than it declares
        QVERIFY(write(mail + QStringLiteral("/huge.ppm"), QByteArray("P6\n20000 20000\n255\n") + QByteArray(3000, '\x7f')));
    if (extras & LargeFile) {
        QFile f(mail + QStringLiteral("/large.png"));
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write(redPng()) > 0 && f.resize(11 * 1000 * 1000));
    }
    const QString file = mail + QStringLiteral("/hostile.html");
    QVERIFY(write(file, content.make().replace("{dir}", QFile::encodeName(dir))));
    const QString png = dir + QStringLiteral("/out.png");

    const test::BoundedRun run = test::runBounded(
        QStringLiteral(LUXCTL_PATH),
        QStringList{QStringLiteral("--db"), fx.path(), QStringLiteral("template"), QStringLiteral("render"), file, QStringLiteral("--subject"),
                    QStringLiteral("Hello"), QStringLiteral("--preheader"), QStringLiteral("Hi"), QStringLiteral("--png"), png,
                    QStringLiteral("--json")}
            + args,
        kWallClockMs);
    qInfo("%s: %lld ms, peak %lld MiB, exit %d, signal %d", QTest::currentDataTag(), run.elapsedMs, run.peakRssKiB / 1024, run.exitCode,
          run.signal);
    QVERIFY2(run.started, "luxctl did not start");
    QVERIFY2(!run.timedOut, qPrintable(run.describe())); // a FIFO hung it before issue 13
    QVERIFY2(run.signal == 0, qPrintable(run.describe()));
    QVERIFY2(run.elapsedMs < kWallClockMs, qPrintable(run.describe()));
    QVERIFY2(run.peakRssKiB < kPeakKiB, qPrintable(run.describe())); // 13.8 GB for 20 MB before
    const QJsonObject json = QJsonDocument::fromJson(run.out.left(run.out.indexOf('\n'))).object();

    if (!code.isEmpty()) {
        QVERIFY2(run.exitCode == 1, qPrintable(run.describe()));
        QCOMPARE(json.value(QStringLiteral("ok")).toBool(true), false);
        const QJsonObject error = json.value(QStringLiteral("error")).toObject();
        QCOMPARE(error.value(QStringLiteral("code")).toString(), code);
        const QString text = error.value(QStringLiteral("message")).toString();
        QVERIFY2(text.contains(message) && text.contains(QStringLiteral("hostile.html")), qPrintable(text)); // the limit and the file
        QVERIFY(!QFile::exists(png));
        return;
    }
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(json.value(QStringLiteral("ok")).toBool(), true);
    QStringList codes;
    QString first;
    for (const QJsonValue &v : json.value(QStringLiteral("preview_problems")).toArray()) {
        codes << v.toObject().value(QStringLiteral("code")).toString();
        if (first.isEmpty())
            first = v.toObject().value(QStringLiteral("message")).toString();
    }
    QCOMPARE(codes, problems);
    QVERIFY2(first.contains(message), qPrintable(first));
    const QImage image(png);
    QVERIFY2(!image.isNull(), "no PNG written");
    const qsizetype widthAt = args.indexOf(QStringLiteral("--width"));
    QCOMPARE(image.width(), widthAt < 0 ? 600 : args.value(widthAt + 1).toInt());
    QCOMPARE(json.value(QStringLiteral("png_height")).toInt(), image.height());
    if (problems.contains(QString(errc::previewCut)))
        QCOMPARE(image.height(), 20'000); // the picture's limit, PreviewLimits::kMaxPaintHeight
    else
        QVERIFY(image.height() < 20'000);
    // A shown image is there in the picture; a refused one is not (a placeholder, or nothing).
    const QColor at = image.pixelColor(20, 20);
    QCOMPARE(at == QColor(Qt::red), red == 1);
}

QTEST_GUILESS_MAIN(TestHostilePreview)
#include "tst_hostile_preview.moc"

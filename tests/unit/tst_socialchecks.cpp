// SPDX-License-Identifier: GPL-3.0-or-later
// What each network would refuse, checked before anything is sent (docs/SOCIAL.md has each rule's
// source): Instagram's caption, hashtags, mentions, items, JPEG-only (no MPO), size and 4:5–1.91:1
// ratio with the EXIF orientation applied; LinkedIn's 3,000 characters and its little text, escaped so
// LinkedIn cannot cut the post at a reserved character; Facebook's and X's limits; and `luxctl social
// check`, which refuses the same posts with exit 1 and the reasons.
#include "social/littletext.h"
#include "social/postchecks.h"

#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace lux;
using namespace lux::social;

namespace {

QByteArray jpeg(int width, int height, int orientation = 0, bool mpo = false, qint64 total = 0)
{
    return test::jpegHeader(width, height, orientation, mpo, total);
}

QByteArray png(int width, int height)
{
    return test::pngHeader(width, height);
}

QStringList codes(const PostCheck &c)
{
    QStringList out;
    for (const Finding &f : c.findings)
        out << f.code;
    return out;
}

MediaFacts facts(const QString &name, const QByteArray &data)
{
    return MediaFacts::of(name, data);
}

QString hashtags(int n)
{
    QStringList tags;
    for (int i = 0; i < n; ++i)
        tags << QStringLiteral("#tag%1").arg(i);
    return tags.join(u' ');
}

} // namespace

class TestSocialChecks : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void imageHeaders();
    void littleTextEscapesEveryReservedCharacter();
    void littleTextRoundTrips();
    void instagramCaption();
    void instagramMedia_data();
    void instagramMedia();
    void instagramCarousel();
    void linkedInLength();
    void facebookAndX();
    void firstComments();
    void luxctlCheck();
};

void TestSocialChecks::imageHeaders()
{
    const ImageFormat plain = ImageFormat::of(jpeg(1080, 1350));
    QCOMPARE(plain.mime, QStringLiteral("image/jpeg"));
    QCOMPARE(plain.size, QSize(1080, 1350));
    QCOMPARE(plain.orientation, 1);
    QVERIFY(!plain.multiPicture);
    // Orientation 6 (turned a quarter): stored 1350 × 1080, shown 1080 × 1350.
    const ImageFormat turned = ImageFormat::of(jpeg(1350, 1080, 6));
    QCOMPARE(turned.orientation, 6);
    QCOMPARE(turned.shownSize(), QSize(1080, 1350));
    QCOMPARE(ImageFormat::of(jpeg(100, 100, 3)).shownSize(), QSize(100, 100));
    QVERIFY(ImageFormat::of(jpeg(4000, 3000, 1, true)).multiPicture);
    QCOMPARE(ImageFormat::of(png(800, 600)).mime, QStringLiteral("image/png"));
    QVERIFY(ImageFormat::of(QByteArray("not an image")).mime.isEmpty());
    // A cut-off Exif segment does not read past the bytes.
    QByteArray cut = jpeg(10, 10, 6);
    cut.truncate(20);
    QCOMPARE(ImageFormat::of(cut).orientation, 1);
    // Fill bytes before a marker (some encoders pad with them): the frame is still found.
    QByteArray padded = jpeg(1080, 1350, 6);
    padded.insert(2, QByteArray(5, '\xFF'));
    QCOMPARE(ImageFormat::of(padded).size, QSize(1080, 1350));
    QCOMPARE(ImageFormat::of(padded).orientation, 6);
    // Scan data before any frame header: no size, no reading on into the entropy-coded bytes.
    QCOMPARE(ImageFormat::of(QByteArray::fromHex("ffd8ffda000c03010002110311003f00") + QByteArray(64, '\xC0')).size, QSize());
}

void TestSocialChecks::littleTextEscapesEveryReservedCharacter()
{
    QCOMPARE(LittleText::escape(u"Hi (all) #launch @you_r *bold* ~x~ <a> [b] {c} | back\\slash"),
             QStringLiteral("Hi \\(all\\) {hashtag|\\#|launch} \\@you\\_r \\*bold\\* \\~x\\~ \\<a\\> \\[b\\] \\{c\\} \\| back\\\\slash"));
    // A '#' that starts no word is text, escaped: "#1" and "C#" are not hashtags.
    QCOMPARE(LittleText::escape(u"We're #1 in C#"), QStringLiteral("We're \\#1 in C\\#"));
    // Every reserved character alone.
    for (QChar c : QStringLiteral("\\|{}@[]()<>#*_~")) {
        QVERIFY(LittleText::isReserved(c));
        QCOMPARE(LittleText::escape(QString(c)), QStringLiteral("\\") + c);
    }
    // What LinkedIn would show of an unescaped text: cut at the first reserved character.
    QCOMPARE(LittleText::unescape(u"Launch (today) only"), QStringLiteral("Launch "));
}

void TestSocialChecks::littleTextRoundTrips()
{
    // Whatever is typed, LinkedIn shows it back whole once escaped.
    const QString alphabet = QStringLiteral("ab #_@()[]{}<>|*~\\.é日😀\n1");
    QRandomGenerator rng(7);
    for (int i = 0; i < 2000; ++i) {
        QString text;
        const int n = rng.bounded(1, 40);
        for (int k = 0; k < n; ++k) {
            const int at = rng.bounded(int(alphabet.size()));
            if (alphabet[at].isHighSurrogate())
                text += alphabet.mid(at, 2);
            else if (!alphabet[at].isLowSurrogate())
                text += alphabet[at];
        }
        QCOMPARE(LittleText::unescape(LittleText::escape(text)), text);
    }
}

void TestSocialChecks::instagramCaption()
{
    const QList<MediaFacts> one{facts(QStringLiteral("a.jpg"), jpeg(1080, 1080))};
    QVERIFY(PostChecks::check(Network::Instagram, hashtags(30), one).ok());
    const PostCheck tags = PostChecks::check(Network::Instagram, hashtags(31), one);
    QVERIFY(!tags.ok());
    QCOMPARE(tags.hashtags, 31);
    QCOMPARE(codes(tags), QStringList{QStringLiteral("instagram.hashtags")});
    QVERIFY(tags.findings[0].message.contains(QStringLiteral("31")));
    // "C#", "a#b" and "&#39;" are no hashtags; "#día" is.
    QCOMPARE(PostChecks::countHashtags(u"C# a#b &#39; #día #1 ##x"), 3);

    QStringList people;
    for (int i = 0; i < 21; ++i)
        people << QStringLiteral("@user.%1").arg(i);
    const PostCheck mentions = PostChecks::check(Network::Instagram, people.join(u' '), one);
    QCOMPARE(mentions.mentions, 21);
    QCOMPARE(codes(mentions), QStringList{QStringLiteral("instagram.mentions")});
    QCOMPARE(PostChecks::countMentions(u"mail me@example.com or @lux.app."), 1);

    QVERIFY(PostChecks::check(Network::Instagram, QString(2200, u'a'), one).ok());
    const PostCheck longer = PostChecks::check(Network::Instagram, QString(2201, u'a'), one);
    QCOMPARE(codes(longer), QStringList{QStringLiteral("instagram.length")});
    QCOMPARE(longer.characters, 2201);
    QCOMPARE(codes(PostChecks::check(Network::Instagram, QStringLiteral("no picture"), {})),
             QStringList{QStringLiteral("instagram.no_media")});
}

void TestSocialChecks::instagramMedia_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("expected"); // the codes, comma-separated
    QTest::addColumn<QString>("fix");
    QTest::newRow("square") << jpeg(1080, 1080) << QString() << QString();
    QTest::newRow("4:5 exactly") << jpeg(1080, 1350) << QString() << QString();
    QTest::newRow("1.91:1 exactly") << jpeg(1910, 1000) << QString() << QString();
    QTest::newRow("taller than 4:5") << jpeg(1080, 1351) << QStringLiteral("instagram.ratio") << QStringLiteral("crop");
    QTest::newRow("wider than 1.91:1") << jpeg(1911, 1000) << QStringLiteral("instagram.ratio") << QStringLiteral("crop");
    QTest::newRow("9:16 story shape") << jpeg(1080, 1920) << QStringLiteral("instagram.ratio") << QStringLiteral("crop");
    QTest::newRow("wide, but turned by EXIF") << jpeg(1920, 1080, 6) << QStringLiteral("instagram.ratio") << QStringLiteral("crop");
    QTest::newRow("tall, but turned by EXIF to 5:4") << jpeg(1080, 1350, 8) << QString() << QString();
    QTest::newRow("PNG") << png(1080, 1080) << QStringLiteral("instagram.format") << QStringLiteral("convert");
    QTest::newRow("MPO") << jpeg(1080, 1080, 1, true) << QStringLiteral("instagram.mpo") << QStringLiteral("convert");
    QTest::newRow("8 MB exactly") << jpeg(1080, 1080, 0, false, 8'000'000) << QString() << QString();
    QTest::newRow("over 8 MB") << jpeg(1080, 1080, 0, false, 8'000'001) << QStringLiteral("instagram.media_size") << QStringLiteral("convert");
    QTest::newRow("not an image") << QByteArray("%PDF-1.7") << QStringLiteral("instagram.media_type") << QString();
    QTest::newRow("narrow (a note, not a refusal)") << jpeg(300, 300) << QStringLiteral("instagram.narrow") << QString();
}

void TestSocialChecks::instagramMedia()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, expected);
    QFETCH(QString, fix);
    const PostCheck c = PostChecks::check(Network::Instagram, QStringLiteral("caption"), {facts(QStringLiteral("p.jpg"), data)});
    QCOMPARE(codes(c).join(u','), expected);
    if (!expected.isEmpty()) {
        QCOMPARE(c.findings[0].item, 0);
        QCOMPARE(c.findings[0].fix, fix);
        QCOMPARE(c.findings[0].field, Finding::Field::Media);
        QVERIFY(c.findings[0].message.contains(QStringLiteral("p.jpg")));
    }
    QCOMPARE(c.ok(), expected.isEmpty() || expected == u"instagram.narrow");
}

void TestSocialChecks::instagramCarousel()
{
    QList<MediaFacts> items;
    for (int i = 0; i < 10; ++i)
        items << facts(QStringLiteral("%1.jpg").arg(i), jpeg(1080, 1080));
    QVERIFY(PostChecks::check(Network::Instagram, QStringLiteral("ten"), items).ok());
    items << facts(QStringLiteral("10.jpg"), jpeg(1080, 1080));
    QCOMPARE(codes(PostChecks::check(Network::Instagram, QStringLiteral("eleven"), items)),
             QStringList{QStringLiteral("instagram.media_count")});
    // A carousel is cropped to its first picture's shape: said, not refused.
    const PostCheck mixed = PostChecks::check(Network::Instagram, QStringLiteral("mixed"),
                                              {facts(QStringLiteral("a.jpg"), jpeg(1080, 1080)), facts(QStringLiteral("b.jpg"), jpeg(1080, 1350))});
    QVERIFY(mixed.ok());
    QCOMPARE(codes(mixed), QStringList{QStringLiteral("instagram.carousel_ratio")});
    QCOMPARE(mixed.findings[0].item, 1);
    QVERIFY(!mixed.findings[0].blocking);
}

void TestSocialChecks::linkedInLength()
{
    QVERIFY(PostChecks::check(Network::LinkedIn, QString(3000, u'a'), {}).ok());
    const PostCheck over = PostChecks::check(Network::LinkedIn, QString(3001, u'a'), {});
    QCOMPARE(codes(over), QStringList{QStringLiteral("linkedin.length")});
    // Counted on the text as written, not on its escapes.
    const PostCheck reserved = PostChecks::check(Network::LinkedIn, QString(3000, u'('), {});
    QVERIFY(reserved.ok());
    QCOMPARE(reserved.sentText.size(), 6000);
    QCOMPARE(LittleText::unescape(reserved.sentText), QString(3000, u'('));
    QList<MediaFacts> many;
    for (int i = 0; i < 21; ++i)
        many << facts(QStringLiteral("%1.png").arg(i), png(800, 600));
    QCOMPARE(codes(PostChecks::check(Network::LinkedIn, QStringLiteral("album"), many)),
             QStringList{QStringLiteral("linkedin.media_count")});
}

void TestSocialChecks::facebookAndX()
{
    QVERIFY(PostChecks::check(Network::Facebook, QString(63206, u'a'), {}).ok());
    QCOMPARE(codes(PostChecks::check(Network::Facebook, QString(63207, u'a'), {})), QStringList{QStringLiteral("facebook.length")});
    QCOMPARE(codes(PostChecks::check(Network::Facebook, QStringLiteral("big"), {facts(QStringLiteral("big.jpg"), jpeg(4000, 3000, 0, false, 10'000'001))})),
             QStringList{QStringLiteral("facebook.media_size")});
    QCOMPARE(codes(PostChecks::check(Network::Facebook, QString(), {})), QStringList{QStringLiteral("empty")});

    const PostCheck x = PostChecks::check(Network::X, QString(281, u'a'), {});
    QCOMPARE(codes(x), QStringList{QStringLiteral("x.length")});
    QCOMPARE(x.characters, 281);
    CheckOptions premium;
    premium.longPosts = true;
    QVERIFY(PostChecks::check(Network::X, QString(281, u'a'), {}, premium).ok());
    QList<MediaFacts> five;
    for (int i = 0; i < 5; ++i)
        five << facts(QStringLiteral("%1.jpg").arg(i), jpeg(1200, 675));
    QCOMPARE(codes(PostChecks::check(Network::X, QStringLiteral("five"), five)), QStringList{QStringLiteral("x.media_count")});
    const QByteArray gif = QByteArray("GIF89a") + QByteArray::fromHex("40014001") + QByteArray(4, '\0');
    QCOMPARE(codes(PostChecks::check(Network::X, QStringLiteral("gif"), {facts(QStringLiteral("a.gif"), gif), facts(QStringLiteral("b.jpg"), jpeg(10, 10))})),
             QStringList{QStringLiteral("x.gif_alone")});
    QCOMPARE(codes(PostChecks::check(Network::X, QStringLiteral("big"), {facts(QStringLiteral("big.jpg"), jpeg(4000, 3000, 0, false, 5'000'001))})),
             QStringList{QStringLiteral("x.media_size")});
}

void TestSocialChecks::firstComments()
{
    CheckOptions comment;
    comment.firstComment = QStringLiteral("More in the link in bio");
    QCOMPARE(codes(PostChecks::check(Network::X, QStringLiteral("post"), {}, comment)), QStringList{QStringLiteral("x.first_comment")});
    QVERIFY(PostChecks::check(Network::Facebook, QStringLiteral("post"), {}, comment).ok());
    comment.firstComment = QString(1251, u'c');
    const PostCheck li = PostChecks::check(Network::LinkedIn, QStringLiteral("post"), {}, comment);
    QCOMPARE(codes(li), QStringList{QStringLiteral("linkedin.first_comment")});
    QCOMPARE(li.findings[0].field, Finding::Field::FirstComment);
}

void TestSocialChecks::luxctlCheck()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto write = [&](const QString &name, const QByteArray &data) {
        QFile f(dir.filePath(name));
        if (!f.open(QIODevice::WriteOnly))
            return QString();
        f.write(data);
        return f.fileName();
    };
    const QString good = write(QStringLiteral("good.jpg"), jpeg(1080, 1350));
    const QString wide = write(QStringLiteral("wide.jpg"), jpeg(2000, 1000));
    const QString mpo = write(QStringLiteral("phone.jpg"), jpeg(4000, 3000, 1, true));
    const QString pngFile = write(QStringLiteral("logo.png"), png(1080, 1080));
    const QString luxctl = QStringLiteral(LUXCTL_PATH);

    // X: the weighted length as twitter-text counts it.
    test::ProcessRun x = test::runCaptured(luxctl, {QStringLiteral("social"), QStringLiteral("check"), QStringLiteral("--network"), QStringLiteral("x"),
                                                    QStringLiteral("--text"), QStringLiteral("Hola 👋🏽 https://example.com 日本語"), QStringLiteral("--json")});
    QCOMPARE(x.exitCode, 0);
    QCOMPARE(x.json()[QStringLiteral("weighted_length")].toInt(), 5 + 2 + 1 + 23 + 1 + 6);
    QCOMPARE(x.json()[QStringLiteral("valid")].toBool(), true);
    QCOMPARE(x.json()[QStringLiteral("max")].toInt(), 280);

    test::ProcessRun over = test::runCaptured(luxctl, {QStringLiteral("social"), QStringLiteral("check"), QStringLiteral("--network"), QStringLiteral("x"),
                                                       QStringLiteral("--text"), QString(141, QChar(0x3042)), QStringLiteral("--json")});
    QCOMPARE(over.exitCode, 1);
    QCOMPARE(over.json()[QStringLiteral("weighted_length")].toInt(), 282);
    QCOMPARE(over.json()[QStringLiteral("valid")].toBool(), false);
    QCOMPARE(over.json()[QStringLiteral("error")][QStringLiteral("code")].toString(), QStringLiteral("social.check"));

    // Instagram: every refused picture named with its reason; a good one passes.
    test::ProcessRun ig = test::runCaptured(luxctl, {QStringLiteral("social"), QStringLiteral("check"), QStringLiteral("--network"), QStringLiteral("instagram"),
                                                     QStringLiteral("--text"), hashtags(31), QStringLiteral("--media"), good,
                                                     QStringLiteral("--media"), wide, QStringLiteral("--media"), mpo,
                                                     QStringLiteral("--media"), pngFile, QStringLiteral("--json")});
    QCOMPARE(ig.exitCode, 1);
    const QJsonObject o = ig.json();
    QCOMPARE(o[QStringLiteral("hashtags")].toInt(), 31);
    const QJsonArray media = o[QStringLiteral("media")].toArray();
    QCOMPARE(media.size(), 4);
    QCOMPARE(media[0][QStringLiteral("ok")].toBool(), true);
    QCOMPARE(media[0][QStringLiteral("ratio")].toDouble(), 0.8);
    QCOMPARE(media[1][QStringLiteral("ok")].toBool(), false);
    QVERIFY(media[1][QStringLiteral("reason")].toString().contains(QStringLiteral("1.91:1")));
    QCOMPARE(media[2][QStringLiteral("ok")].toBool(), false);
    QVERIFY(media[2][QStringLiteral("reason")].toString().contains(QStringLiteral("MPO")));
    QCOMPARE(media[3][QStringLiteral("type")].toString(), QStringLiteral("image/png"));
    QStringList refused;
    QStringList notes;
    for (const QJsonValue &f : o[QStringLiteral("findings")].toArray())
        (f[QStringLiteral("blocking")].toBool() ? refused : notes) << f[QStringLiteral("code")].toString();
    QCOMPARE(refused, (QStringList{QStringLiteral("instagram.hashtags"), QStringLiteral("instagram.ratio"),
                                   QStringLiteral("instagram.mpo"), QStringLiteral("instagram.format")}));
    // The 4:3 and square pictures would be cropped to the first one's 4:5 in the carousel: said.
    QCOMPARE(notes, (QStringList{QStringLiteral("instagram.carousel_ratio"), QStringLiteral("instagram.carousel_ratio")}));

    test::ProcessRun fine = test::runCaptured(luxctl, {QStringLiteral("social"), QStringLiteral("check"), QStringLiteral("--network"), QStringLiteral("instagram"),
                                                       QStringLiteral("--text"), QStringLiteral("Autumn #sale"), QStringLiteral("--media"), good});
    QCOMPARE(fine.exitCode, 0);
    QVERIFY(fine.out.contains("Ready for Instagram."));

    // A missing file and an unknown network are said as such.
    test::ProcessRun missing = test::runCaptured(luxctl, {QStringLiteral("social"), QStringLiteral("check"), QStringLiteral("--network"), QStringLiteral("facebook"),
                                                          QStringLiteral("--text"), QStringLiteral("x"), QStringLiteral("--media"), dir.filePath(QStringLiteral("nope.jpg"))});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY(missing.err.contains("nope.jpg"));
    test::ProcessRun network = test::runCaptured(luxctl, {QStringLiteral("social"), QStringLiteral("check"), QStringLiteral("--network"), QStringLiteral("myspace"),
                                                          QStringLiteral("--text"), QStringLiteral("x"), QStringLiteral("--json")});
    QCOMPARE(network.exitCode, 1);
    QCOMPARE(network.json()[QStringLiteral("error")][QStringLiteral("code")].toString(), QStringLiteral("social.network"));
}

QTEST_GUILESS_MAIN(TestSocialChecks)
#include "tst_socialchecks.moc"

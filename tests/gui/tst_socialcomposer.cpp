// SPDX-License-Identifier: GPL-3.0-or-later
// The social composer (issue 20) on a real database: three accounts (X, LinkedIn, Instagram) chosen,
// one text typed and followed by every version until one is edited; each version checked as it is
// typed by its network's rules with the reason under it (X's weighted count over 280 refuses X only;
// Instagram without a picture refuses Instagram only) and Schedule enabled only when every chosen
// account takes it; a picture read off the GUI thread; the previews fold the text where each feed
// does; scheduling writes the post with a target per account, its own text, first comment and the
// picture. Screenshot: social-composer.png to $LUX_SCREENSHOT_DIR when set.
// Pictures from the media library: an empty library says how to fill it; with two pictures in it, the
// one chosen in the picker becomes the composer's picture, its name kept. Fix for Instagram: a tall 1:3
// PNG is refused by Instagram (its reason, the Fix link beside it, Schedule off); one click, and the
// picture is a 4:5 JPEG, the reason gone, Schedule on. Screenshot: social-composer-fix.png.
#include "assistant/mediastore.h"
#include "common/translations.h"
#include "social/accountstore.h"
#include "social/poststore.h"
#include "social/composerdialog.h"
#include "common/mediapicker.h"
#include "theme/theme.h"

#include "sessionfixture.h"
#include "testsupport.h"

#include <QBuffer>
#include <QCheckBox>
#include <QDateTimeEdit>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QRegularExpression>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTest>

using namespace lux;
using namespace lux::social;

namespace {

QByteArray jpeg(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(QColor(214, 168, 122));
    QPainter painter(&image);
    painter.fillRect(width / 6, height / 5, width * 2 / 3, height * 3 / 5, QColor(60, 82, 140));
    painter.setPen(Qt::white);
    QFont font = painter.font();
    font.setPixelSize(height / 10);
    painter.setFont(font);
    painter.drawText(QRect(0, 0, width, height), Qt::AlignCenter, QStringLiteral("SPRING"));
    painter.end();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 85);
    return bytes;
}

// A tall poster with a transparent margin, as a designer exports it: 1:3, PNG.
QByteArray tallPng(int width, int height)
{
    QImage image(width, height, QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setBrush(QColor(60, 82, 140));
    painter.setPen(Qt::NoPen);
    painter.drawRoundedRect(QRectF(width * 0.06, height * 0.02, width * 0.88, height * 0.96), 24, 24);
    painter.setBrush(QColor(214, 168, 122));
    painter.drawEllipse(QPointF(width / 2.0, height / 2.0), width * 0.3, width * 0.3);
    painter.setPen(Qt::white);
    QFont font = painter.font();
    font.setPixelSize(width / 8);
    font.setBold(true);
    painter.setFont(font);
    painter.drawText(QRect(0, int(height * 0.62), width, height / 10), Qt::AlignCenter, QStringLiteral("SPRING"));
    painter.end();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

} // namespace

class TestSocialComposer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void picturesFromTheMediaLibrary();
    void fixForInstagram();
    void composeCheckAndSchedule();

private:
    qint64 account(Network network, const QString &id, const QString &name, const QString &handle);
    std::unique_ptr<test::SessionFixture> m_f;
    qint64 m_x = 0, m_linkedin = 0, m_instagram = 0;
};

void TestSocialComposer::initTestCase()
{
    lux::installTranslations(QStringLiteral("en"));
    ui::Theme::apply(QStringLiteral("dark"));
    m_f = std::make_unique<test::SessionFixture>();
    m_x = account(Network::X, QStringLiteral("2244994945"), QStringLiteral("Acme Shop"), QStringLiteral("acmeshop"));
    m_linkedin = account(Network::LinkedIn, QStringLiteral("urn:li:organization:2414183"), QStringLiteral("Acme Shop"), QString());
    m_instagram = account(Network::Instagram, QStringLiteral("17841400000000001"), QStringLiteral("Acme Shop"), QStringLiteral("acme.shop"));
    QVERIFY(m_x && m_linkedin && m_instagram);
    QVERIFY(m_f->openSession());
}

qint64 TestSocialComposer::account(Network network, const QString &id, const QString &name, const QString &handle)
{
    Account a;
    a.network = network;
    a.externalId = id;
    a.name = name;
    a.handle = handle;
    a.kind = network == Network::LinkedIn ? QStringLiteral("organization") : QStringLiteral("business");
    const auto made = AccountStore(m_f->data.db()).upsert(a);
    return made ? *made : 0;
}

void TestSocialComposer::picturesFromTheMediaLibrary()
{
    ui::ComposerDialog dialog(m_f->session);
    dialog.show();
    auto *fromLibrary = dialog.findChild<QPushButton *>(QStringLiteral("composerFromLibrary"));
    QVERIFY(fromLibrary);

    // An empty library: the picker says how to fill it, and nothing can be chosen.
    fromLibrary->click();
    auto *picker = dialog.findChild<ui::MediaPicker *>(QStringLiteral("mediaPicker"));
    QVERIFY(picker);
    QVERIFY(picker->isVisible() && picker->windowModality() == Qt::WindowModal); // open(), not exec(): the test goes on
    QSignalSpy loaded(picker, &ui::MediaPicker::loaded);
    QVERIFY(picker->isLoaded() || loaded.wait(10000));
    QCOMPARE(picker->count(), 0);
    auto *empty = picker->findChild<QWidget *>(QStringLiteral("mediaPickerEmpty"));
    QVERIFY(empty && empty->isVisible());
    bool saysHow = false;
    for (const QLabel *l : empty->findChildren<QLabel *>())
        saysHow = saysHow || (l->text().contains(QStringLiteral("Ask LUX")) && l->text().contains(QStringLiteral("luxctl ai image --library")));
    QVERIFY(saysHow);
    QVERIFY(!picker->findChild<QPushButton *>(QStringLiteral("mediaPickerChoose"))->isEnabled());
    picker->reject();
    QTRY_VERIFY(!dialog.findChild<ui::MediaPicker *>()); // deleted on close

    // Two pictures in the library, newest first; the second (older) one is chosen.
    assistant::MediaStore store(m_f->db());
    assistant::MediaItem wide;
    wide.name = QStringLiteral("Autumn banner");
    wide.data = jpeg(1200, 628);
    wide.createdAt = QDateTime::currentMSecsSinceEpoch() - 60000;
    assistant::MediaItem square;
    square.name = QStringLiteral("Spring square");
    square.data = jpeg(1080, 1080);
    square.source = QStringLiteral("ai");
    const auto wideId = store.add(wide, std::nullopt);
    const auto squareId = store.add(square, std::nullopt);
    QVERIFY(wideId && squareId);

    fromLibrary->click();
    picker = dialog.findChild<ui::MediaPicker *>(QStringLiteral("mediaPicker"));
    QVERIFY(picker);
    QSignalSpy loaded2(picker, &ui::MediaPicker::loaded);
    QVERIFY(picker->isLoaded() || loaded2.wait(10000));
    QCOMPARE(picker->count(), 2);
    auto *list = picker->findChild<QListWidget *>(QStringLiteral("mediaPickerList"));
    QVERIFY(list && list->isVisible());
    QCOMPARE(list->selectionMode(), QAbstractItemView::ExtendedSelection);
    QCOMPARE(list->count(), 2);
    QCOMPARE(list->item(0)->text(), QStringLiteral("Spring square\n1080 × 1080"));
    QCOMPARE(list->item(1)->text(), QStringLiteral("Autumn banner\n1200 × 628"));
    QVERIFY(!list->item(0)->icon().isNull() && !list->item(1)->icon().isNull()); // thumbnails, made on the worker
    auto *choose = picker->findChild<QPushButton *>(QStringLiteral("mediaPickerChoose"));
    QVERIFY(choose && !choose->isEnabled());
    list->selectionModel()->select(list->model()->index(1, 0), QItemSelectionModel::ClearAndSelect);
    QVERIFY(choose->isEnabled());
    QCOMPARE(picker->chosen().size(), 1);
    QCOMPARE(picker->chosen().first().id, *wideId);
    choose->click();

    // Read on a worker, then a picture like a file's: the library's name, its bytes, facts and thumbnail.
    QTRY_COMPARE(dialog.pictures().size(), 1);
    const ui::ComposerDialog::Picture &p = dialog.pictures().first();
    QCOMPARE(p.name, QStringLiteral("Autumn banner"));
    QCOMPARE(p.data, wide.data);
    QCOMPARE(p.facts.format.mime, QStringLiteral("image/jpeg"));
    QCOMPARE(p.facts.format.size, QSize(1200, 628));
    QVERIFY(!p.thumbnail.isNull());
    auto *pictureList = dialog.findChild<QListWidget *>(QStringLiteral("composerPictures"));
    QCOMPARE(pictureList->count(), 1);
    QCOMPARE(pictureList->item(0)->text(), QStringLiteral("Autumn banner"));
}

void TestSocialComposer::fixForInstagram()
{
    ui::ComposerDialog dialog(m_f->session);
    dialog.resize(1280, 800);
    dialog.show();
    QSignalSpy ready(&dialog, &ui::ComposerDialog::accountsReady);
    QVERIFY(dialog.accountsLoaded() || ready.wait(10000));
    for (qint64 id : {m_linkedin, m_instagram})
        dialog.findChild<QCheckBox *>(QStringLiteral("composerAccount%1").arg(id))->setChecked(true);
    auto *text = dialog.findChild<QPlainTextEdit *>(QStringLiteral("composerText"));
    auto *schedule = dialog.findChild<QPushButton *>(QStringLiteral("composerSchedule"));
    auto *summary = dialog.findChild<QLabel *>(QStringLiteral("composerSummary"));
    auto *igFindings = dialog.findChild<QLabel *>(QStringLiteral("variantFindings%1").arg(m_instagram));
    auto *liFindings = dialog.findChild<QLabel *>(QStringLiteral("variantFindings%1").arg(m_linkedin));
    QVERIFY(text && schedule && summary && igFindings && liFindings);
    text->setPlainText(QStringLiteral("Spring has landed: linen, cotton and the new colours are in the shop this week. #spring #newin"));

    // A tall 1:3 PNG: Instagram refuses it (not a JPEG, too tall), with the fix offered once beside the reason.
    dialog.addPicture(ui::ComposerDialog::pictureOf(QStringLiteral("spring-poster.png"), tallPng(600, 1800)));
    QVERIFY2(igFindings->text().contains(QStringLiteral("not a JPEG")), qPrintable(igFindings->text()));
    QVERIFY2(igFindings->text().contains(QStringLiteral("600 × 1800")), qPrintable(igFindings->text()));
    QCOMPARE(igFindings->text().count(QStringLiteral("Fix for Instagram")), 1);
    QVERIFY(igFindings->text().indexOf(QStringLiteral("Fix for Instagram")) > igFindings->text().indexOf(QStringLiteral("crop it"))); // after both reasons
    QVERIFY2(liFindings->text().contains(QStringLiteral("takes it as it is")), qPrintable(liFindings->text()));
    QVERIFY(!liFindings->text().contains(QStringLiteral("Fix for Instagram")));
    QVERIFY(!schedule->isEnabled());
    QVERIFY2(summary->text().contains(QStringLiteral("Instagram")), qPrintable(summary->text()));
    auto *tabs = dialog.findChild<QTabWidget *>(QStringLiteral("composerVariants"));
    for (int i = 0; i < tabs->count(); ++i)
        if (tabs->tabText(i).contains(QStringLiteral("Instagram")))
            tabs->setCurrentIndex(i);
    QTest::qWait(150);
    if (const QString dir = qEnvironmentVariable("LUX_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(dialog.grab().save(dir + QStringLiteral("/social-composer-fix.png")));

    // The click: what QLabel emits for the link (the fix runs on a worker), then the checks again.
    const QRegularExpressionMatch link = QRegularExpression(QStringLiteral("href=\"(fix:\\d+)\"")).match(igFindings->text());
    QVERIFY(link.hasMatch());
    Q_EMIT igFindings->linkActivated(link.captured(1));
    QVERIFY2(igFindings->text().contains(QStringLiteral("Fixing…")), qPrintable(igFindings->text()));
    QTRY_VERIFY_WITH_TIMEOUT(igFindings->text().contains(QStringLiteral("takes it as it is")), 10000);
    QVERIFY(!igFindings->text().contains(QStringLiteral("not a JPEG")));
    QVERIFY(!igFindings->text().contains(QStringLiteral("Fix for Instagram</a>")));
    QVERIFY2(igFindings->text().contains(QStringLiteral("Fixed for Instagram: spring-poster.jpg (cropped to 4:5, flattened its transparency onto white, converted PNG to JPEG).")),
             qPrintable(igFindings->text()));
    QVERIFY(schedule->isEnabled());
    QVERIFY2(summary->text().contains(QStringLiteral("Ready for 2 accounts")), qPrintable(summary->text()));
    // One picture still, now a 4:5 JPEG Instagram's own check takes; the list shows its new name.
    QCOMPARE(dialog.pictures().size(), 1);
    const ui::ComposerDialog::Picture &p = dialog.pictures().first();
    QCOMPARE(p.name, QStringLiteral("spring-poster.jpg"));
    QCOMPARE(p.facts.format.mime, QStringLiteral("image/jpeg"));
    QCOMPARE(p.facts.format.size, QSize(600, 750));
    QVERIFY(PostChecks::instagramRatioOk(p.facts.format.shownSize()));
    QVERIFY(PostChecks::check(Network::Instagram, QStringLiteral("caption"), {p.facts}).ok());
    QCOMPARE(dialog.findChild<QListWidget *>(QStringLiteral("composerPictures"))->item(0)->text(), QStringLiteral("spring-poster.jpg"));
}

void TestSocialComposer::composeCheckAndSchedule()
{
    int mediaBefore = 0;
    {
        // Finished before the post is written: an open read would keep this connection on the old snapshot.
        QSqlQuery before(m_f->db());
        QVERIFY(before.exec(QStringLiteral("SELECT count(*) FROM media")) && before.next());
        mediaBefore = before.value(0).toInt();
    }

    ui::ComposerDialog dialog(m_f->session);
    dialog.resize(1280, 800);
    dialog.show();
    QSignalSpy ready(&dialog, &ui::ComposerDialog::accountsReady);
    QVERIFY(dialog.accountsLoaded() || ready.wait(10000));
    auto *text = dialog.findChild<QPlainTextEdit *>(QStringLiteral("composerText"));
    auto *schedule = dialog.findChild<QPushButton *>(QStringLiteral("composerSchedule"));
    auto *tabs = dialog.findChild<QTabWidget *>(QStringLiteral("composerVariants"));
    auto *summary = dialog.findChild<QLabel *>(QStringLiteral("composerSummary"));
    QVERIFY(text && schedule && tabs && summary);
    for (qint64 id : {m_x, m_linkedin, m_instagram}) {
        auto *box = dialog.findChild<QCheckBox *>(QStringLiteral("composerAccount%1").arg(id));
        QVERIFY(box);
        box->setChecked(true);
    }
    QCOMPARE(tabs->count(), 3);

    // Too long for X (X's count: every link 23, emoji 2), fine elsewhere; Instagram still has no picture.
    QString words;
    for (int i = 0; i < 26; ++i)
        words += QStringLiteral("spring ");
    text->setPlainText(words + QStringLiteral("🌷 sale https://acme.example/spring-sale-2026?utm_source=x #spring"));
    auto *xCount = dialog.findChild<QLabel *>(QStringLiteral("variantCount%1").arg(m_x));
    auto *xFindings = dialog.findChild<QLabel *>(QStringLiteral("variantFindings%1").arg(m_x));
    auto *igFindings = dialog.findChild<QLabel *>(QStringLiteral("variantFindings%1").arg(m_instagram));
    auto *liFindings = dialog.findChild<QLabel *>(QStringLiteral("variantFindings%1").arg(m_linkedin));
    QVERIFY(xCount && xFindings && igFindings && liFindings);
    // 26 × 7 = 182, the tulip 2, " sale " 6, the link 23, " #spring" 8: 221 … as X counts it.
    const int weighted = PostChecks::check(Network::X, dialog.findChild<QPlainTextEdit *>(QStringLiteral("variantText%1").arg(m_x))->toPlainText(), {}).characters;
    QVERIFY2(xCount->text().startsWith(QString::number(weighted) + QStringLiteral(" / 280")), qPrintable(xCount->text()));
    QVERIFY2(xFindings->text().contains(QStringLiteral("takes it as it is")), qPrintable(xFindings->text()));
    QVERIFY2(igFindings->text().contains(QStringLiteral("✖")), qPrintable(igFindings->text())); // no picture
    QVERIFY(!schedule->isEnabled());
    QVERIFY2(summary->text().contains(QStringLiteral("Instagram")), qPrintable(summary->text()));

    // Now over X's 280: X refuses, LinkedIn does not.
    text->setPlainText(text->toPlainText() + QStringLiteral(" ") + words);
    QVERIFY2(xFindings->text().contains(QStringLiteral("✖")), qPrintable(xFindings->text()));
    QVERIFY2(liFindings->text().contains(QStringLiteral("takes it as it is")), qPrintable(liFindings->text()));
    // X's own version, edited: no longer follows the text.
    auto *xText = dialog.findChild<QPlainTextEdit *>(QStringLiteral("variantText%1").arg(m_x));
    xText->setFocus();
    xText->setPlainText(QStringLiteral("Spring sale: 20% off 🌷 https://acme.example/spring"));
    QVERIFY2(xFindings->text().contains(QStringLiteral("takes it as it is")), qPrintable(xFindings->text()));
    text->setPlainText(QStringLiteral("Spring is here: 20% off everything in the shop this week, in store and online. Linen, cotton and "
                                      "the new colours, while they last. Come and see us, or order online for delivery the next day. #spring"));
    QCOMPARE(xText->toPlainText(), QStringLiteral("Spring sale: 20% off 🌷 https://acme.example/spring"));
    auto *liText = dialog.findChild<QPlainTextEdit *>(QStringLiteral("variantText%1").arg(m_linkedin));
    QCOMPARE(liText->toPlainText(), text->toPlainText());

    // A picture (read off the GUI thread in the app; here straight from its bytes): Instagram takes it.
    const QString file = m_f->data.filePath(QStringLiteral("spring.jpg"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(jpeg(1080, 1350));
    f.close();
    const ui::ComposerDialog::Picture picture = ui::ComposerDialog::readPicture(file);
    QVERIFY(!picture.data.isEmpty() && !picture.thumbnail.isNull());
    dialog.addPicture(picture);
    QVERIFY2(igFindings->text().contains(QStringLiteral("takes it as it is")), qPrintable(igFindings->text()));
    QVERIFY(schedule->isEnabled());
    // The previews fold where each feed does: Instagram after 125 characters, LinkedIn after 210.
    auto previews = dialog.findChildren<QLabel *>(QStringLiteral("previewText"));
    QCOMPARE(previews.size(), 3);
    bool cut = false;
    const QString folded = ui::PostPreview::shown(Network::Instagram, text->toPlainText(), &cut);
    QVERIFY(cut && folded.size() <= 125 && folded.size() > 100 && text->toPlainText().startsWith(folded));
    QCOMPARE(ui::PostPreview::shown(Network::X, xText->toPlainText(), &cut), xText->toPlainText());
    QVERIFY(!cut);
    dialog.findChild<QLineEdit *>(QStringLiteral("variantComment%1").arg(m_instagram))->setText(QStringLiteral("Which colour is yours?"));
    QVERIFY(!dialog.findChild<QLineEdit *>(QStringLiteral("variantComment%1").arg(m_x))->isEnabled()); // X takes no first comment
    tabs->setCurrentIndex(0); // Instagram: the picture first, the caption folded after 125 characters
    QTest::qWait(150);
    if (const QString dir = qEnvironmentVariable("LUX_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(dialog.grab().save(dir + QStringLiteral("/social-composer.png")));

    // Scheduled: a target per account with its own text, the first comment and the picture.
    dialog.findChild<QDateTimeEdit *>(QStringLiteral("composerWhen"))->setDateTime(QDateTime::currentDateTime().addDays(2));
    QSignalSpy scheduled(&dialog, &ui::ComposerDialog::scheduled);
    schedule->click();
    QVERIFY(scheduled.wait(10000));
    const qint64 post = scheduled.first().first().toLongLong();
    const auto status = PostStore(m_f->db()).status(post);
    QVERIFY(status);
    QCOMPARE(status->targets.size(), 3);
    for (const TargetStatus &t : status->targets) {
        QCOMPARE(t.state, TargetState::Scheduled);
        if (t.accountId == m_x)
            QCOMPARE(t.text, xText->toPlainText());
        else
            QCOMPARE(t.text, text->toPlainText());
        if (t.accountId == m_instagram)
            QCOMPARE(t.firstComment, QStringLiteral("Which colour is yours?"));
    }
    QSqlQuery q(m_f->db());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM media")) && q.next());
    QCOMPARE(q.value(0).toInt(), mediaBefore + 1);
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM social_target_media WHERE target_id IN (SELECT id FROM social_targets WHERE post_id = %1)")
                       .arg(post))
            && q.next());
    QCOMPARE(q.value(0).toInt(), 3);
}

QTEST_MAIN(TestSocialComposer)
#include "tst_socialcomposer.moc"

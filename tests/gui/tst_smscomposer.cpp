// SPDX-License-Identifier: GPL-3.0-or-later
// The SMS composer as a marketer uses it: typing (key events, as QTest::keyClicks sends them), the live count under the text,
// the characters that force UCS-2 and the one-click replacement of look-alikes, the sender name CTIA
// wants at the start, the opt-out line of marketing texts, merge tags in the phone preview.
// The composer as docs/screenshots/sms-composer.png shows it (a UCS-2 warning) is checked every run;
// LUX_SCREENSHOT_DIR=DIR also saves the picture there, as the other GUI tests do.
#include "campaigns/smscomposer.h"
#include "common/translations.h"
#include "dialogguard.h"
#include "theme/theme.h"

#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QVBoxLayout>

using namespace lux;

namespace {
// QTest::keyClicks takes ASCII only: other characters go as the key events a keyboard layout (or an
// input method) sends, a press and a release carrying the character; a surrogate pair in one event.
void type(QWidget *w, const QString &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.unicode() >= 0x20 && c.unicode() < 0x7F) {
            QTest::keyClick(w, char(c.unicode()));
            continue;
        }
        const QString ch = (c.isHighSurrogate() && i + 1 < text.size()) ? text.mid(i++, 2) : QString(c);
        QTest::sendKeyEvent(QTest::Click, w, Qt::Key_unknown, ch, Qt::NoModifier);
    }
}
} // namespace

class TestSmsComposer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void countsAsYouType();
    void ucs2CharactersAndReplaceButton();
    void replaceButtonOnlyWhenItHelps();
    void senderNameWarning();
    void optOutLine();
    void mergeTagsInThePreview();
    void overTwiliosLimit();
    void keyboardAndAccessibility();
    void screenshot();
};

void TestSmsComposer::initTestCase()
{
    lux::installTranslations(QStringLiteral("en"));
    ui::Theme::apply(QStringLiteral("dark"));
}

void TestSmsComposer::countsAsYouType()
{
    ui::SmsComposer composer;
    QSignalSpy changed(&composer, &ui::SmsComposer::textChanged);
    type(composer.editor(), QStringLiteral("Acme: hello"));
    QCOMPARE(changed.count(), 11); // one per keystroke
    QCOMPARE(composer.body(), QStringLiteral("Acme: hello"));
    QCOMPARE(composer.count().encoding, sms::Encoding::Gsm7);
    QCOMPARE(composer.count().segments, 1);
    QCOMPARE(composer.count().unitsLeft, 160 - 11);
    const QString status = composer.statusLabel()->text();
    QVERIFY2(status.startsWith(QStringLiteral("GSM-7")), qPrintable(status));
    QVERIFY2(status.contains(QLocale().toString(149)), qPrintable(status));

    // Past 160: two parts of 153, the count of the second part's room.
    type(composer.editor(), QString(150, QLatin1Char('x')));
    QCOMPARE(composer.count().units, 161);
    QCOMPARE(composer.count().segments, 2);
    QCOMPARE(composer.count().unitsLeft, 2 * 153 - 161);
    QVERIFY2(composer.statusLabel()->text().contains(QLocale().toString(145)), qPrintable(composer.statusLabel()->text()));
    // The preview marks where part 1 ends.
    QCOMPARE(composer.preview()->partEnds(), (QList<qsizetype>{153, 161}));
    // An extension character costs two septets.
    type(composer.editor(), QStringLiteral("€"));
    QCOMPARE(composer.count().units, 163);
    QVERIFY(composer.ucs2Label()->isHidden());
}

void TestSmsComposer::ucs2CharactersAndReplaceButton()
{
    ui::SmsComposer composer;
    QVERIFY(composer.replaceButton()->isHidden());
    type(composer.editor(), QStringLiteral("Acme: “Spring” sale — today…"));
    QCOMPARE(composer.count().encoding, sms::Encoding::Ucs2);
    QVERIFY(composer.statusLabel()->text().startsWith(QStringLiteral("UCS-2")));
    QVERIFY(!composer.ucs2Label()->isHidden());
    // The characters to blame, in the order they were typed.
    QVERIFY2(composer.ucs2Label()->text().startsWith(QStringLiteral("“ ” — …")), qPrintable(composer.ucs2Label()->text()));
    QVERIFY(!composer.replaceButton()->isHidden());

    QTest::mouseClick(composer.replaceButton(), Qt::LeftButton);
    QCOMPARE(composer.body(), QStringLiteral("Acme: \"Spring\" sale - today..."));
    QCOMPARE(composer.count().encoding, sms::Encoding::Gsm7);
    QVERIFY(composer.ucs2Label()->isHidden());
    QVERIFY(composer.replaceButton()->isHidden());
    // One edit: Undo brings the original text back.
    composer.editor()->undo();
    QCOMPARE(composer.body(), QStringLiteral("Acme: “Spring” sale — today…"));
    QVERIFY(!composer.replaceButton()->isHidden());
}

void TestSmsComposer::replaceButtonOnlyWhenItHelps()
{
    ui::SmsComposer composer;
    // An emoji keeps the text UCS-2 whatever is replaced: no button, the emoji listed.
    composer.editor()->insertPlainText(QStringLiteral("Acme: “party” tonight ") + QString::fromUcs4(U"\U0001F389"));
    QCOMPARE(composer.count().encoding, sms::Encoding::Ucs2);
    QVERIFY(composer.replaceButton()->isHidden());
    QVERIFY(composer.ucs2Label()->text().contains(QString::fromUcs4(U"\U0001F389")));
    // A character that is simply not GSM-7 (á) and has no look-alike: no button either.
    composer.setBody(QStringLiteral("Acme: canción"));
    QCOMPARE(composer.count().encoding, sms::Encoding::Ucs2);
    QVERIFY(composer.ucs2Label()->text().startsWith(QStringLiteral("ó")));
    QVERIFY(composer.replaceButton()->isHidden());
    // An invisible look-alike is named by its code. (A no-break space never gets this far: the text
    // box gives it back as a plain space.)
    composer.setBody(QStringLiteral("Acme:\u2009sale"));
    QVERIFY2(composer.ucs2Label()->text().startsWith(QStringLiteral("U+2009")), qPrintable(composer.ucs2Label()->text()));
    QVERIFY(!composer.replaceButton()->isHidden());
    QCOMPARE(composer.replaceLookalikes(), 1);
    QCOMPARE(composer.body(), QStringLiteral("Acme: sale"));
}

void TestSmsComposer::senderNameWarning()
{
    ui::SmsComposer composer;
    composer.setSenderName(QStringLiteral("Acme"));
    QVERIFY(composer.senderWarning()->isHidden()); // nothing written yet
    type(composer.editor(), QStringLiteral("Sale today"));
    QVERIFY(!composer.senderWarning()->isHidden());
    QVERIFY(!composer.startsWithSenderName());
    QVERIFY2(composer.senderWarning()->text().contains(QStringLiteral("“Acme”")), qPrintable(composer.senderWarning()->text()));
    composer.editor()->clear();
    type(composer.editor(), QStringLiteral("acme: sale today"));
    QVERIFY(composer.startsWithSenderName());
    QVERIFY(composer.senderWarning()->isHidden());
    // The phone shows who is texting.
    QCOMPARE(composer.preview()->sender(), QStringLiteral("Acme"));
    // No sender name configured: nothing to check.
    composer.setSenderName(QString());
    composer.setBody(QStringLiteral("Sale today"));
    QVERIFY(composer.senderWarning()->isHidden());
}

void TestSmsComposer::optOutLine()
{
    ui::SmsComposer composer;
    composer.setOptOutLine(true, QStringLiteral("en"));
    type(composer.editor(), QStringLiteral("Acme: sale"));
    QVERIFY(!composer.optOutNote()->isHidden());
    QVERIFY2(composer.optOutNote()->text().contains(QStringLiteral("Reply STOP to opt out")), qPrintable(composer.optOutNote()->text()));
    QVERIFY(composer.optOutLineAdded());
    QCOMPARE(composer.outgoingText(), QStringLiteral("Acme: sale\nReply STOP to opt out"));
    // Counted with the line: 10 + newline + 21.
    QCOMPARE(composer.count().units, 32);
    QCOMPARE(composer.preview()->message(), composer.outgoingText());

    // The text says it already: nothing added, no note.
    type(composer.editor(), QStringLiteral(". Text STOP to unsubscribe"));
    QVERIFY(composer.optOutNote()->isHidden());
    QVERIFY(!composer.optOutLineAdded());
    QCOMPARE(composer.outgoingText(), composer.body());

    // Spanish texts get the Spanish line.
    composer.setBody(QStringLiteral("Acme: oferta"));
    composer.setOptOutLine(true, QStringLiteral("es"));
    QCOMPARE(composer.outgoingText(), QStringLiteral("Acme: oferta\nResponde STOP para darte de baja"));
    // Not a marketing text: no line.
    composer.setOptOutLine(false);
    QCOMPARE(composer.outgoingText(), QStringLiteral("Acme: oferta"));
    QVERIFY(composer.optOutNote()->isHidden());
}

void TestSmsComposer::mergeTagsInThePreview()
{
    ui::SmsComposer composer;
    composer.setMergeExpander([](QString text) {
        text.replace(QStringLiteral("{{first_name}}"), QStringLiteral("Zoë"));
        return text;
    });
    type(composer.editor(), QStringLiteral("Acme: hi {{first_name}}"));
    QCOMPARE(composer.preview()->message(), QStringLiteral("Acme: hi Zoë"));
    QCOMPARE(composer.sampleText(), QStringLiteral("Acme: hi Zoë"));
    // Counted as the sample contact receives it: ë is not GSM-7 and has no look-alike.
    QCOMPARE(composer.count().encoding, sms::Encoding::Ucs2);
    QCOMPARE(composer.count().units, 12);
    QVERIFY(composer.ucs2Label()->text().startsWith(QStringLiteral("ë")));
    QVERIFY(composer.replaceButton()->isHidden());
    QCOMPARE(composer.body(), QStringLiteral("Acme: hi {{first_name}}"));
}

void TestSmsComposer::overTwiliosLimit()
{
    ui::SmsComposer composer;
    composer.setBody(QString(1600, QLatin1Char('a')));
    QVERIFY(composer.findChild<QLabel *>(QStringLiteral("smsLimit"))->isHidden());
    type(composer.editor(), QStringLiteral("b"));
    QLabel *limit = composer.findChild<QLabel *>(QStringLiteral("smsLimit"));
    QVERIFY(!limit->isHidden());
    QVERIFY2(limit->text().contains(QLocale().toString(1600)), qPrintable(limit->text()));
    QCOMPARE(composer.count().segments, 11);
}

void TestSmsComposer::keyboardAndAccessibility()
{
    // In a page, as the wizard embeds it, with a button after it.
    QWidget page;
    auto *layout = new QVBoxLayout(&page);
    auto *composerPtr = new ui::SmsComposer(&page);
    ui::SmsComposer &composer = *composerPtr;
    auto *next = new QPushButton(QStringLiteral("Next"), &page);
    layout->addWidget(composerPtr);
    layout->addWidget(next);
    page.show();
    page.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&page));
    composer.editor()->setFocus();
    type(composer.editor(), QStringLiteral("Acme"));
    // Tab leaves the text (a tab character would make it UCS-2) instead of typing one.
    QTest::keyClick(composer.editor(), Qt::Key_Tab);
    QCOMPARE(composer.body(), QStringLiteral("Acme"));
    QTRY_VERIFY(next->hasFocus());
    QVERIFY(composer.editor()->tabChangesFocus());
    // The label "&Message" reaches the text with Alt+M.
    const QList<QLabel *> labels = composer.findChildren<QLabel *>();
    const auto title = std::find_if(labels.begin(), labels.end(), [&](QLabel *l) { return l->buddy() == composer.editor(); });
    QVERIFY(title != labels.end());
    QVERIFY((*title)->text().contains(QLatin1Char('&')));
    for (QWidget *w : std::initializer_list<QWidget *>{composer.editor(), composer.statusLabel(), composer.ucs2Label(), composer.replaceButton(),
                                                       composer.senderWarning(), composer.optOutNote(), composer.preview()})
        QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
    QVERIFY(!composer.editor()->toolTip().isEmpty());
    QVERIFY(!composer.replaceButton()->toolTip().isEmpty());
    QVERIFY(composer.replaceButton()->focusPolicy() & Qt::TabFocus);
    // The preview paints (the phone and a bubble) without a text too.
    composer.setBody(QString());
    const QImage empty = composer.preview()->grab().toImage();
    QVERIFY(!empty.isNull());
}

void TestSmsComposer::screenshot()
{
    // English with its plural forms (initTestCase), so the picture reads "3 parts".
    ui::SmsComposer composer;
    composer.setSenderName(QStringLiteral("Acme Coffee"));
    composer.setOptOutLine(true, QStringLiteral("en"));
    composer.setMergeExpander([](QString text) {
        text.replace(QStringLiteral("{{first_name}}"), QStringLiteral("Ana"));
        return text;
    });
    composer.setBody(QStringLiteral("Acme Coffee: Hi {{first_name}}, our “Winter Warmers” are back — 20% off every latte "
                                    "until Sunday… Show this text at the counter."));
    composer.resize(860, 500);
    composer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&composer));
    QVERIFY(!composer.replaceButton()->isHidden());
    QVERIFY2(composer.statusLabel()->text().contains(QStringLiteral("3 parts")), qPrintable(composer.statusLabel()->text()));
    const QPixmap shot = composer.grab();
    QVERIFY(!shot.isNull());
    if (const QString dir = qEnvironmentVariable("LUX_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(shot.save(dir + QStringLiteral("/sms-composer.png")));
}

LUX_GUI_TEST_MAIN(TestSmsComposer)
#include "tst_smscomposer.moc"

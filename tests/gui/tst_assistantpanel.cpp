// SPDX-License-Identifier: GPL-3.0-or-later
// LUX, the assistant, in the window (issue 16): the panel and Settings → Assistant against the fake
// OpenAI server over real HTTP (tests/fakes/openai), a real database and a real keychain
// (gnome-keyring under tests/with-keyring.sh). A question is answered as it streams, with the sources
// line under it, and the conversation is in the database with its tool messages; Stop mid-stream keeps
// what came, marked interrupted; a quota error says so; without a setup the panel says why; the
// settings tab saves the server and models, keeps the key in the keychain, tests the connection and
// shows the month's usage after a request. LUX_SCREENSHOT_DIR=DIR saves assistant-panel.png and
// assistant-settings.png there.
#include "assistant/assistantpanel.h"
#include "common/dialogs.h"
#include "common/translations.h"
#include "dialogguard.h"
#include "fakeopenai.h"
#include "secrets/secretstore.h"
#include "session/appsession.h"
#include "sessionfixture.h"
#include "settings/assistantsettings.h"
#include "settings/settings.h"
#include "testsupport.h"
#include "theme/theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoroTask>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMainWindow>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <QTextBrowser>

using namespace lux;

namespace {

QStringList g_questions; // the message boxes' titles, in order

// The sources line of the scripted turn. English plurals come from lux_en.ts once lupdate has seen
// the strings; until then "%n campaign report(s)" is shown as written.
const QRegularExpression kSources(QStringLiteral("used: 3 campaign report(s|\\(s\\)), the brand kit, audience statistics"));

void finishEditing(QLineEdit *edit, const QString &text)
{
    edit->setText(text);
    QMetaObject::invokeMethod(edit, "editingFinished");
}

// Seeds what the tools read (three sent campaigns, the brand kit, a few contacts), opens the session,
// points the assistant at the fake and saves its key in the keychain.
bool setUp(test::SessionFixture &f, const fakes::FakeOpenAI &fake, bool withKey = true)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (!f.data.addBrandKit())
        return false;
    for (const char *email : {"ada@example.com", "grace@example.com", "alan@example.com"})
        if (!f.data.addContact(QLatin1String(email)))
            return false;
    for (int i = 0; i < 3; ++i)
        if (!f.data.addCampaign(QStringLiteral("Spring sale %1").arg(i + 1), QStringLiteral("sent"), now - (i + 1) * 86'400'000LL,
                                QStringLiteral("Spring is here")))
            return false;
    if (!f.setDatabaseSetting(Settings::Key::OpenAiBaseUrl, fake.baseUrl().toString()))
        return false;
    if (!f.setDatabaseSetting(Settings::Key::OpenAiModel, QStringLiteral("gpt-4o")))
        return false;
    if (!f.openSession())
        return false;
    if (!withKey)
        return true;
    bool done = false;
    bool ok = false;
    QCoro::connect(f.session.secrets().write(Secret::OpenAiApiKey, fake.apiKey()), &f.session, [&](const Status &s) {
        ok = bool(s);
        done = true;
    });
    return QTest::qWaitFor([&] { return done; }, 20000) && ok;
}

QString transcriptText(ui::AssistantPanel &panel)
{
    return panel.transcript()->toPlainText();
}

// A nicely written answer (for the screenshot), after the tools it reads.
QJsonArray scriptedTurn(int split)
{
    const QJsonArray calls{
        QJsonObject{{QStringLiteral("name"), QStringLiteral("campaign_results")}, {QStringLiteral("arguments"), QStringLiteral("{\"limit\":5}")}},
        QJsonObject{{QStringLiteral("name"), QStringLiteral("brand_kit")}, {QStringLiteral("arguments"), QStringLiteral("{}")}},
        QJsonObject{{QStringLiteral("name"), QStringLiteral("audience_stats")},
                    {QStringLiteral("arguments"), QStringLiteral("{\"group_by\":\"status\"}")}}};
    const QString answer = QStringLiteral(
        "Your last **3 campaigns** all went to the same list, with the same subject line, *Spring is here*.\n\n"
        "- Opens fell from the first to the third send: people saw the same subject three times.\n"
        "- Nobody unsubscribed, so the list is not tired of you, only of the subject.\n\n"
        "For the next one, try a subject that names what is new, in your brand kit's voice, and send it to "
        "the contacts who opened none of the three.");
    return QJsonArray{QJsonObject{{QStringLiteral("tool_calls"), calls}},
                      QJsonObject{{QStringLiteral("content"), answer}, {QStringLiteral("split"), split}}};
}

} // namespace

class TestAssistantPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init() { g_questions.clear(); }
    void askStreamsAndStores();
    void defaultModelUsesTools();
    void stopKeepsWhatCame();
    void quotaSaysSoPlainly();
    void notSetUp();
    void conversationsPerTopic();
    void settingsTab();
};

void TestAssistantPanel::initTestCase()
{
    lux::installTranslations(QStringLiteral("en"));
    ui::Theme::apply(QStringLiteral("dark"));
    ui::Dialogs::setMessageHook([](const ui::Dialogs::Message &m) {
        g_questions << m.title;
        return QMessageBox::Yes;
    });
}

// A scripted answer streams in (several repaints while answering), the transcript shows it and the
// sources line, and the database has the question, the tool calls, their results and the answer.
void TestAssistantPanel::askStreamsAndStores()
{
    fakes::FakeOpenAI fake;
    QVERIFY(fake.listen());
    test::SessionFixture f;
    QVERIFY(setUp(f, fake));
    QMainWindow window;
    window.resize(1100, 760);
    auto *panel = new ui::AssistantPanel(f.session, &window);
    window.addDockWidget(Qt::RightDockWidgetArea, panel);
    window.setCentralWidget(new QWidget(&window));
    panel->setTopic(QStringLiteral("campaigns"), QStringLiteral("Campaigns"));
    window.show();
    QTRY_VERIFY_WITH_TIMEOUT(panel->isReady(), 20000);
    QVERIFY(panel->sentLine()->text().contains(QStringLiteral("127.0.0.1")));
    QVERIFY(panel->sentLine()->text().contains(QStringLiteral("no contact's personal data")));

    fake.addScript(scriptedTurn(6));
    int streamedRepaints = 0;
    QString partial;
    connect(panel->transcript()->document(), &QTextDocument::contentsChanged, panel, [&] {
        if (panel->isAnswering()) {
            ++streamedRepaints;
            const QString text = transcriptText(*panel);
            if (text.contains(QStringLiteral("Your last")) && partial.isEmpty())
                partial = text;
        }
    });
    QSignalSpy stored(panel, &ui::AssistantPanel::turnStored);
    panel->input()->setPlainText(QStringLiteral("Why did my last campaigns do worse?"));
    QVERIFY(panel->sendButton()->isEnabled());
    QTest::keyClick(panel->input(), Qt::Key_Return, Qt::ControlModifier); // Ctrl+Enter sends
    QVERIFY(panel->isAnswering());
    QVERIFY(panel->stopButton()->isEnabled());
    QVERIFY(panel->input()->toPlainText().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(stored.count(), 1, 30000);
    QVERIFY(!panel->isAnswering());

    // Streamed: the answer was on screen in part before it was whole.
    QVERIFY2(streamedRepaints >= 3, qPrintable(QString::number(streamedRepaints)));
    QVERIFY(!partial.isEmpty());
    QVERIFY(!partial.contains(QStringLiteral("send it to the contacts who opened none")));
    const QString text = transcriptText(*panel);
    QVERIFY2(text.contains(QStringLiteral("Why did my last campaigns do worse?")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Spring is here")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("send it to the contacts who opened none of the three")));
    QVERIFY2(text.contains(kSources), qPrintable(text));
    QVERIFY(!text.contains(QStringLiteral("**"))); // Markdown shown, not its marks

    // The conversation, titled by its question, with the tool messages in order.
    const qint64 id = stored.first().first().toLongLong();
    QVERIFY(id > 0);
    QCOMPARE(panel->conversationId(), id);
    QCOMPARE(panel->conversationCombo()->currentText(), QStringLiteral("Why did my last campaigns do worse?"));
    QSqlQuery q(f.db());
    QVERIFY(q.exec(QStringLiteral("SELECT topic, title, personal_data FROM ai_conversations WHERE id = %1").arg(id)));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("campaigns"));
    QCOMPARE(q.value(2).toInt(), 0);
    QVERIFY(q.exec(QStringLiteral("SELECT role, tool_calls, tool_call_id, sources, status FROM ai_messages WHERE conversation_id = %1 "
                                  "ORDER BY id")
                       .arg(id)));
    QStringList roles;
    QString lastSources;
    while (q.next()) {
        roles << q.value(0).toString();
        lastSources = q.value(3).toString();
        QCOMPARE(q.value(4).toString(), QStringLiteral("complete"));
        if (roles.size() == 2)
            QVERIFY(q.value(1).toString().contains(QStringLiteral("campaign_results")));
        if (roles.last() == u"tool")
            QVERIFY(!q.value(2).toString().isEmpty());
    }
    QCOMPARE(roles, (QStringList{QStringLiteral("user"), QStringLiteral("assistant"), QStringLiteral("tool"), QStringLiteral("tool"),
                                 QStringLiteral("tool"), QStringLiteral("assistant")}));
    QVERIFY2(lastSources.contains(QStringLiteral("campaign_results")), qPrintable(lastSources));

    // Every request is in the usage ledger, with the conversation.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            QSqlQuery u(f.db());
            return u.exec(QStringLiteral("SELECT count(*) FROM ai_usage")) && u.next() && u.value(0).toInt() == 2;
        }(),
        10000);

    // Read back from the database as it was shown.
    QSignalSpy loaded(panel, &ui::AssistantPanel::conversationLoaded);
    panel->newConversation();
    QVERIFY(!transcriptText(*panel).contains(QStringLiteral("Spring is here")));
    QCOMPARE(panel->conversationCombo()->currentText(), QStringLiteral("New conversation"));
    panel->openConversation(id);
    QCOMPARE(panel->conversationCombo()->currentText(), QStringLiteral("Why did my last campaigns do worse?"));
    QTRY_VERIFY(loaded.count() >= 2);
    QTRY_VERIFY(transcriptText(*panel).contains(kSources));

    if (const QString dir = qEnvironmentVariable("LUX_SCREENSHOT_DIR"); !dir.isEmpty()) {
        panel->input()->setPlainText(QStringLiteral("Write a subject line for the next one"));
        QTest::qWait(50);
        QVERIFY(panel->grab().save(dir + QStringLiteral("/assistant-panel.png")));
    }
}

// The fake's own model calls every tool offered and quotes their answers: the turn goes through all of
// them, and a second question carries the first turn's history.
void TestAssistantPanel::defaultModelUsesTools()
{
    fakes::FakeOpenAI fake;
    QVERIFY(fake.listen());
    test::SessionFixture f;
    QVERIFY(setUp(f, fake));
    ui::AssistantPanel panel(f.session);
    panel.setTopic(QStringLiteral("contacts"), QStringLiteral("Contacts"));
    panel.show();
    QTRY_VERIFY_WITH_TIMEOUT(panel.isReady(), 20000);
    QSignalSpy stored(&panel, &ui::AssistantPanel::turnStored);
    panel.input()->setPlainText(QStringLiteral("How many contacts do I have?"));
    panel.sendButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(stored.count(), 1, 30000);
    QVERIFY2(transcriptText(panel).contains(QStringLiteral("From the tool audience_stats")), qPrintable(transcriptText(panel)));
    QVERIFY(transcriptText(panel).contains(QStringLiteral("used: ")));
    // No personal-data tool without permission.
    QVERIFY(!QJsonDocument(fake.requests().first().body.toObject()).toJson().contains("find_contacts"));

    panel.input()->setPlainText(QStringLiteral("And last month?"));
    panel.sendButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(stored.count(), 2, 30000);
    const QJsonArray messages = fake.requests().last().body.toObject().value(QStringLiteral("messages")).toArray();
    QVERIFY(QJsonDocument(messages).toJson().contains("How many contacts do I have?"));

    // Personal data asks first, is kept with the conversation, and the tool is offered then.
    panel.personalDataBox()->setChecked(true);
    QCOMPARE(g_questions, QStringList{QStringLiteral("Let LUX Read Personal Data")});
    QVERIFY(panel.sentLine()->text().contains(QStringLiteral("personal data")));
    QTRY_VERIFY([&] {
        QSqlQuery q(f.db());
        return q.exec(QStringLiteral("SELECT personal_data FROM ai_conversations WHERE id = %1").arg(panel.conversationId())) && q.next()
               && q.value(0).toInt() == 1;
    }());
    fake.clearRequests();
    fake.addScript(QJsonArray{QJsonObject{{QStringLiteral("content"), QStringLiteral("Noted.")}}});
    panel.input()->setPlainText(QStringLiteral("Who is Ada?"));
    panel.sendButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(stored.count(), 3, 30000);
    QVERIFY(QJsonDocument(fake.requests().first().body.toObject()).toJson().contains("find_contacts"));
}

// Stop in the middle of a slow stream: the part that came stays, marked interrupted, in the
// transcript and in the database; the next question goes through.
void TestAssistantPanel::stopKeepsWhatCame()
{
    fakes::FakeOpenAI fake;
    QVERIFY(fake.listen());
    test::SessionFixture f;
    QVERIFY(setUp(f, fake));
    ui::AssistantPanel panel(f.session);
    panel.setTopic(QStringLiteral("templates"), QStringLiteral("Templates"));
    panel.show();
    QTRY_VERIFY_WITH_TIMEOUT(panel.isReady(), 20000);
    QString longAnswer = QStringLiteral("Here are ideas. ");
    for (int i = 0; i < 400; ++i)
        longAnswer += QStringLiteral("Idea %1 is a good one. ").arg(i);
    fake.addScript(QJsonArray{QJsonObject{{QStringLiteral("content"), longAnswer}, {QStringLiteral("split"), 1}}});
    QSignalSpy stored(&panel, &ui::AssistantPanel::turnStored);
    panel.input()->setPlainText(QStringLiteral("Give me ideas"));
    panel.sendButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(transcriptText(panel).contains(QStringLiteral("Here are ideas")), 20000);
    QVERIFY(panel.isAnswering());
    panel.stopButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(stored.count(), 1, 20000);
    const QString text = transcriptText(panel);
    QVERIFY2(text.contains(QStringLiteral("Interrupted: you stopped it.")), qPrintable(text.right(300)));
    QVERIFY(!text.contains(QStringLiteral("Idea 399")));
    QSqlQuery q(f.db());
    QVERIFY(q.exec(QStringLiteral("SELECT role, status, content FROM ai_messages ORDER BY id")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("user"));
    QVERIFY(q.next());
    QCOMPARE(q.value(1).toString(), QStringLiteral("interrupted"));
    QVERIFY(q.value(2).toString().startsWith(QStringLiteral("Here are ideas")));
    QVERIFY(!q.next());

    // Read back: still marked.
    const qint64 id = panel.conversationId();
    panel.newConversation();
    panel.openConversation(id);
    QTRY_VERIFY(transcriptText(panel).contains(QStringLiteral("Interrupted.")));

    fake.addScript(QJsonArray{QJsonObject{{QStringLiteral("content"), QStringLiteral("Fine.")}}});
    panel.input()->setPlainText(QStringLiteral("Shorter, please"));
    panel.sendButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(stored.count(), 2, 30000);
    QVERIFY(transcriptText(panel).endsWith(QStringLiteral("Fine.")));
}

// insufficient_quota: no retry, and the message says what it is.
void TestAssistantPanel::quotaSaysSoPlainly()
{
    fakes::FakeOpenAI fake;
    QVERIFY(fake.listen());
    test::SessionFixture f;
    QVERIFY(setUp(f, fake));
    ui::AssistantPanel panel(f.session);
    panel.show();
    QTRY_VERIFY_WITH_TIMEOUT(panel.isReady(), 20000);
    fake.failNext(429, QStringLiteral("quota"), 1);
    QSignalSpy stored(&panel, &ui::AssistantPanel::turnStored);
    panel.input()->setPlainText(QStringLiteral("Hello"));
    panel.sendButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(stored.count(), 1, 30000);
    QCOMPARE(fake.requests().size(), 1);
    const QString text = transcriptText(panel);
    QVERIFY2(text.contains(QStringLiteral("quota"), Qt::CaseInsensitive) || text.contains(QStringLiteral("credit")), qPrintable(text));
    QSqlQuery q(f.db());
    QVERIFY(q.exec(QStringLiteral("SELECT status FROM ai_messages WHERE role = 'assistant'")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("error"));
    QVERIFY(panel.sendButton()->isEnabled() || panel.input()->toPlainText().isEmpty());
}

// Without a key for a server on the internet the panel says why and offers the settings.
void TestAssistantPanel::notSetUp()
{
    test::SessionFixture f;
    QVERIFY(f.setDatabaseSetting(Settings::Key::OpenAiBaseUrl, QStringLiteral("https://api.openai.example/v1")));
    QVERIFY(f.openSession());
    bool removed = false;
    QCoro::connect(f.session.secrets().remove(Secret::OpenAiApiKey), &f.session, [&](const Status &) { removed = true; });
    QTRY_VERIFY_WITH_TIMEOUT(removed, 20000);
    ui::AssistantPanel panel(f.session);
    QSignalSpy checked(&panel, &ui::AssistantPanel::setupChecked);
    panel.checkSetup();
    QTRY_VERIFY_WITH_TIMEOUT(!checked.isEmpty(), 20000);
    QVERIFY(!panel.isReady());
    panel.show();
    QTRY_VERIFY(panel.setupMessage()->isVisible());
    QVERIFY2(panel.setupMessage()->text().contains(QStringLiteral("API key")), qPrintable(panel.setupMessage()->text()));
    QVERIFY(!panel.input()->isVisible());
    QSignalSpy settings(&panel, &ui::AssistantPanel::settingsRequested);
    panel.findChild<QPushButton *>(QStringLiteral("assistantOpenSettings"))->click();
    QCOMPARE(settings.count(), 1);

    // askAbout still fills the box, for when it is set up.
    panel.askAbout(QStringLiteral("Is this subject line too long?"));
    QCOMPARE(panel.input()->toPlainText(), QStringLiteral("Is this subject line too long?"));
}

// Each section has its own conversations; rename and delete (confirmed) land in the database.
void TestAssistantPanel::conversationsPerTopic()
{
    fakes::FakeOpenAI fake;
    QVERIFY(fake.listen());
    test::SessionFixture f;
    QVERIFY(setUp(f, fake));
    ui::AssistantPanel panel(f.session);
    panel.show();
    panel.setTopic(QStringLiteral("campaigns"), QStringLiteral("Campaigns"));
    QTRY_VERIFY_WITH_TIMEOUT(panel.isReady(), 20000);
    QSignalSpy stored(&panel, &ui::AssistantPanel::turnStored);
    fake.addScript(QJsonArray{QJsonObject{{QStringLiteral("content"), QStringLiteral("One.")}}});
    panel.input()->setPlainText(QStringLiteral("First about campaigns"));
    panel.sendButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(stored.count(), 1, 30000);
    const qint64 campaigns = panel.conversationId();

    QSignalSpy listed(&panel, &ui::AssistantPanel::conversationsLoaded);
    panel.setTopic(QStringLiteral("templates"), QStringLiteral("Templates"));
    QTRY_VERIFY(!listed.isEmpty());
    QCOMPARE(panel.conversationId(), 0);
    QVERIFY(panel.conversations().isEmpty());
    QVERIFY(panel.windowTitle().contains(QStringLiteral("Templates")));

    listed.clear();
    panel.setTopic(QStringLiteral("campaigns"), QStringLiteral("Campaigns"));
    QTRY_VERIFY(!listed.isEmpty());
    QTRY_COMPARE(panel.conversationId(), campaigns); // the newest opens
    QTRY_VERIFY(transcriptText(panel).contains(QStringLiteral("One.")));

    listed.clear();
    panel.renameConversation(QStringLiteral("Campaign ideas"));
    QTRY_VERIFY(!listed.isEmpty());
    QCOMPARE(panel.conversationCombo()->currentText(), QStringLiteral("Campaign ideas"));

    listed.clear();
    panel.deleteConversation();
    QCOMPARE(g_questions, QStringList{QStringLiteral("Delete Conversation")});
    QTRY_VERIFY(!listed.isEmpty());
    QCOMPARE(panel.conversationId(), 0);
    QSqlQuery q(f.db());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM ai_conversations")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 0);
}

// Settings → Assistant: the address (a preset too), the models, the key in the keychain, Test
// Connection with the models listed, and the month's usage after a request.
void TestAssistantPanel::settingsTab()
{
    fakes::FakeOpenAI fake;
    QVERIFY(fake.listen());
    test::SessionFixture f;
    QVERIFY(f.openSession());
    bool removed = false;
    QCoro::connect(f.session.secrets().remove(Secret::OpenAiApiKey), &f.session, [&](const Status &) { removed = true; });
    QTRY_VERIFY_WITH_TIMEOUT(removed, 20000);
    ui::AssistantSettings page(f.session);
    page.resize(760, 900);
    page.show();
    QTRY_VERIFY(page.usageLabel()->text().contains(QStringLiteral("No requests")));
    QCOMPARE(page.presetCombo()->currentText(), QStringLiteral("OpenAI"));

    // A preset fills the address and saves it.
    page.presetCombo()->setCurrentIndex(page.presetCombo()->findText(QStringLiteral("Ollama")));
    Q_EMIT page.presetCombo()->activated(page.presetCombo()->currentIndex());
    QCOMPARE(f.session.settings().openAiBaseUrl(), QUrl(QStringLiteral("http://localhost:11434/v1")));
    QVERIFY(page.findChild<QLabel *>(QStringLiteral("assistantLocalNote"))->text().contains(QStringLiteral("need no key")));
    // Plain http on the internet is refused.
    finishEditing(page.baseUrlEdit(), QStringLiteral("http://ai.example.com/v1"));
    QVERIFY(page.baseUrlError()->isVisibleTo(&page));
    QCOMPARE(f.session.settings().openAiBaseUrl(), QUrl(QStringLiteral("http://localhost:11434/v1")));

    finishEditing(page.baseUrlEdit(), fake.baseUrl().toString());
    QVERIFY(!page.baseUrlError()->isVisibleTo(&page));
    QCOMPARE(page.presetCombo()->currentText(), QStringLiteral("Custom"));
    finishEditing(page.modelEdit(), QStringLiteral(" gpt-4.1-mini "));
    finishEditing(page.imageModelEdit(), QStringLiteral("dall-e-3"));
    QCOMPARE(f.session.settings().openAiBaseUrl(), fake.baseUrl());
    QCOMPARE(f.session.settings().openAiModel(), QStringLiteral("gpt-4.1-mini"));
    QCOMPARE(f.session.settings().openAiImageModel(), QStringLiteral("dall-e-3"));
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            QSqlQuery q(f.db());
            q.prepare(QStringLiteral("SELECT value FROM db_settings WHERE key = ?"));
            q.addBindValue(Settings::cliName(Settings::Key::OpenAiModel));
            return q.exec() && q.next() && q.value(0).toString() == u"gpt-4.1-mini";
        }(),
        10000);

    // Without the key the fake refuses: the message is shown as the server gave it.
    page.testConnection();
    QTRY_VERIFY_WITH_TIMEOUT(!page.isTesting(), 20000);
    QVERIFY2(page.connectionStatus()->text().contains(QStringLiteral("API key")), qPrintable(page.connectionStatus()->text()));

    page.keyEdit()->setText(fake.apiKey());
    page.saveKey(page.keyEdit()->text());
    QTRY_VERIFY_WITH_TIMEOUT(page.keyStatus()->text().contains(QStringLiteral("saved in the keychain")), 20000);
    QVERIFY(page.keyEdit()->text().isEmpty()); // never shown back
    QVERIFY(page.removeKeyButton()->isVisibleTo(&page));
    page.testConnection();
    QTRY_VERIFY_WITH_TIMEOUT(!page.isTesting(), 20000);
    const QString status = page.connectionStatus()->text();
    QVERIFY2(status.contains(QStringLiteral("“gpt-4.1-mini” is among them")), qPrintable(status));
    QVERIFY(status.contains(QRegularExpression(QStringLiteral("10 model(s|\\(s\\)):"))));

    finishEditing(page.modelEdit(), QStringLiteral("llama-9"));
    page.testConnection();
    QTRY_VERIFY_WITH_TIMEOUT(!page.isTesting(), 20000);
    QVERIFY(page.connectionStatus()->text().contains(QStringLiteral("“llama-9” is not among them")));
    finishEditing(page.modelEdit(), QStringLiteral("gpt-4o"));

    // A request, then the month's usage counts it.
    ui::AssistantPanel panel(f.session);
    panel.show();
    QTRY_VERIFY_WITH_TIMEOUT(panel.isReady(), 20000);
    QSignalSpy stored(&panel, &ui::AssistantPanel::turnStored);
    fake.addScript(QJsonArray{QJsonObject{
        {QStringLiteral("content"), QStringLiteral("Hello.")},
        {QStringLiteral("usage"), QJsonObject{{QStringLiteral("prompt_tokens"), 1200},
                                              {QStringLiteral("completion_tokens"), 34},
                                              {QStringLiteral("total_tokens"), 1234},
                                              {QStringLiteral("prompt_tokens_details"), QJsonObject{{QStringLiteral("cached_tokens"), 1024}}}}}}});
    panel.input()->setPlainText(QStringLiteral("Hello"));
    panel.sendButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(stored.count(), 1, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            QSqlQuery u(f.db());
            return u.exec(QStringLiteral("SELECT count(*) FROM ai_usage")) && u.next() && u.value(0).toInt() == 1;
        }(),
        10000);
    QSignalSpy usage(&page, &ui::AssistantSettings::usageLoaded);
    page.refreshUsage();
    QTRY_VERIFY(!usage.isEmpty());
    const QString totals = page.usageLabel()->text();
    QVERIFY2(totals.contains(QStringLiteral("Requests")) && totals.contains(QLocale().toString(1200))
                 && totals.contains(QLocale().toString(1024)) && totals.contains(QStringLiteral(">34<")),
             qPrintable(totals));

    QVERIFY(!page.connectionStatus()->isVisibleTo(&page)); // it was about llama-9
    page.testConnection();
    QTRY_VERIFY_WITH_TIMEOUT(!page.isTesting(), 20000);
    QVERIFY(page.connectionStatus()->text().contains(QStringLiteral("“gpt-4o” is among them")));
    if (const QString dir = qEnvironmentVariable("LUX_SCREENSHOT_DIR"); !dir.isEmpty()) {
        page.keyEdit()->clear();
        QTest::qWait(50);
        QVERIFY(page.grab().save(dir + QStringLiteral("/assistant-settings.png")));
    }

    // Remove asks first, then the keychain has no key.
    page.removeKeyButton()->click();
    QCOMPARE(g_questions, QStringList{QStringLiteral("Remove API Key")});
    QTRY_VERIFY_WITH_TIMEOUT(page.keyStatus()->text().contains(QStringLiteral("No API key saved")), 20000);
}

LUX_GUI_TEST_MAIN(TestAssistantPanel)
#include "tst_assistantpanel.moc"

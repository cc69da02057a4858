// SPDX-License-Identifier: GPL-3.0-or-later
#include "assistantpanel.h"
#include "assistant/assistantsession.h"

#include "assistant/assistant.h"
#include "assistant/assistantsetup.h"
#include "channels/httpclient.h"
#include "channels/openai/openaiclient.h"
#include "common/dbtask.h"
#include "common/dialogs.h"
#include "session/appsession.h"
#include "settings/settings.h"
#include "storage/sqlitefile.h"
#include "theme/theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoroTask>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QStackedWidget>
#include <QStyle>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace lux::ui {

using assistant::Assistant;
using assistant::AssistantSetup;
using assistant::Conversation;
using assistant::ConversationStore;
using assistant::StoredMessage;
using channels::Cancellation;
using channels::openai::ChatMessage;

// One turn's assistant session (its requests go to the usage ledger) and Stop button. Not the panel's
// child: the answer's coroutine holds it until the server has answered (or the request was aborted),
// and deletes it then.
class AssistantRun : public QObject
{
public:
    AssistantRun(const AssistantSetup::Setup &setup, const QString &databasePath, qint64 conversationId)
        : session(databasePath, setup), cancel(new Cancellation(this))
    {
        session.setConversation(conversationId);
    }

    assistant::AssistantSession session;
    Cancellation *cancel;
};

namespace {

QCoro::Task<Result<Assistant::Turn>> runTurn(AssistantRun *run, QList<ChatMessage> messages, Assistant::Options options,
                                             Assistant::TextSink onText)
{
    QCoro::Task<Result<Assistant::Turn>> asking = run->session.assistant().ask(std::move(messages), options, std::move(onText), run->cancel);
    Result<Assistant::Turn> turn = co_await std::move(asking);
    run->deleteLater();
    co_return turn;
}

// A conversation's title from its first question: its first line, shortened.
QString titleFor(const QString &question)
{
    QString line = question.section(QLatin1Char('\n'), 0, 0).simplified();
    if (line.size() > 60)
        line = line.left(57).trimmed() + QStringLiteral("…");
    return line;
}

constexpr auto kMarkdown = QTextDocument::MarkdownFeatures(QTextDocument::MarkdownDialectGitHub | QTextDocument::MarkdownNoHTML);

} // namespace

AssistantPanel::AssistantPanel(AppSession &session, QWidget *parent) : QDockWidget(parent), m_session(session)
{
    setObjectName(QStringLiteral("assistantDock"));
    setWindowTitle(QStringLiteral("LUX"));
    setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);
    setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);

    auto *body = new QWidget(this);
    body->setObjectName(QStringLiteral("assistantPanel"));
    body->setMinimumWidth(320);
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(8, 6, 8, 8);
    layout->setSpacing(6);

    // --- This topic's conversations
    auto *top = new QHBoxLayout;
    m_list = new QComboBox(body);
    m_list->setObjectName(QStringLiteral("assistantConversations"));
    m_list->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_list->setMinimumContentsLength(12);
    m_list->setToolTip(tr("This section's conversations with LUX, newest first"));
    auto *newButton = new QToolButton(body);
    newButton->setObjectName(QStringLiteral("assistantNew"));
    newButton->setIcon(Theme::icon(QStringLiteral("new")));
    newButton->setToolTip(tr("New conversation"));
    newButton->setAutoRaise(true);
    m_menuButton = new QToolButton(body);
    m_menuButton->setObjectName(QStringLiteral("assistantMenu"));
    m_menuButton->setIcon(Theme::icon(QStringLiteral("edit")));
    m_menuButton->setToolTip(tr("Rename or delete this conversation"));
    m_menuButton->setAutoRaise(true);
    m_menuButton->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(m_menuButton);
    QAction *rename = menu->addAction(Theme::icon(QStringLiteral("edit")), tr("&Rename…"));
    QAction *remove = menu->addAction(Theme::icon(QStringLiteral("trash")), tr("&Delete…"));
    m_menuButton->setMenu(menu);
    top->addWidget(m_list, 1);
    top->addWidget(newButton);
    top->addWidget(m_menuButton);
    layout->addLayout(top);
    connect(m_list, &QComboBox::currentIndexChanged, this, [this] {
        if (m_fillingList)
            return;
        const qint64 id = m_list->currentData().toLongLong();
        if (id != m_conversation.id)
            openConversation(id);
    });
    connect(newButton, &QToolButton::clicked, this, &AssistantPanel::newConversation);
    connect(rename, &QAction::triggered, this, [this] {
        const QString title = Dialogs::askText(this, tr("Rename Conversation"), tr("Title:"), {m_conversation.title});
        if (!title.isEmpty())
            renameConversation(title);
    });
    connect(remove, &QAction::triggered, this, &AssistantPanel::deleteConversation);

    // --- The transcript
    m_transcript = new QTextBrowser(body);
    m_transcript->setObjectName(QStringLiteral("assistantTranscript"));
    m_transcript->setReadOnly(true);
    m_transcript->setOpenExternalLinks(true);
    m_transcript->document()->setDocumentMargin(10);
    layout->addWidget(m_transcript, 1);

    // --- The input, or why there is none
    m_bottom = new QStackedWidget(body);
    auto *askPage = new QWidget(m_bottom);
    auto *ask = new QVBoxLayout(askPage);
    ask->setContentsMargins(0, 0, 0, 0);
    ask->setSpacing(6);
    m_input = new QPlainTextEdit(askPage);
    m_input->setObjectName(QStringLiteral("assistantInput"));
    m_input->setPlaceholderText(tr("Ask LUX… (Ctrl+Enter sends)"));
    m_input->setTabChangesFocus(true);
    m_input->setFixedHeight(m_input->fontMetrics().lineSpacing() * 4 + 14);
    m_input->installEventFilter(this);
    ask->addWidget(m_input);
    m_personal = new QCheckBox(tr("Let LUX read contacts' personal data in this conversation"), askPage);
    m_personal->setObjectName(QStringLiteral("assistantPersonalData"));
    ask->addWidget(m_personal);
    connect(m_personal, &QCheckBox::toggled, this, &AssistantPanel::personalDataToggled);
    m_sentLine = new QLabel(askPage);
    m_sentLine->setObjectName(QStringLiteral("assistantSentLine"));
    m_sentLine->setWordWrap(true);
    m_sentLine->setProperty("role", QStringLiteral("muted"));
    ask->addWidget(m_sentLine);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    m_stop = new QPushButton(Theme::icon(QStringLiteral("x")), tr("Stop"), askPage);
    m_stop->setObjectName(QStringLiteral("assistantStop"));
    m_send = new QPushButton(Theme::icon(QStringLiteral("send")), tr("Send"), askPage);
    m_send->setObjectName(QStringLiteral("assistantSend"));
    m_send->setDefault(true);
    m_send->setToolTip(tr("Send (Ctrl+Enter)"));
    buttons->addWidget(m_stop);
    buttons->addWidget(m_send);
    ask->addLayout(buttons);
    connect(m_send, &QPushButton::clicked, this, &AssistantPanel::send);
    connect(m_stop, &QPushButton::clicked, this, &AssistantPanel::stop);
    connect(m_input, &QPlainTextEdit::textChanged, this, &AssistantPanel::updateControls);
    m_bottom->addWidget(askPage);

    auto *setupPage = new QWidget(m_bottom);
    auto *setup = new QVBoxLayout(setupPage);
    setup->setContentsMargins(0, 0, 0, 0);
    m_setupMessage = new QLabel(setupPage);
    m_setupMessage->setObjectName(QStringLiteral("assistantSetupMessage"));
    m_setupMessage->setWordWrap(true);
    m_setupMessage->setProperty("role", QStringLiteral("warning"));
    m_setupMessage->setTextInteractionFlags(Qt::TextSelectableByMouse);
    setup->addWidget(m_setupMessage);
    auto *openSettings = new QPushButton(Theme::icon(QStringLiteral("settings")), tr("Open Settings → Assistant"), setupPage);
    openSettings->setObjectName(QStringLiteral("assistantOpenSettings"));
    auto *settingsRow = new QHBoxLayout;
    settingsRow->addWidget(openSettings);
    settingsRow->addStretch(1);
    setup->addLayout(settingsRow);
    connect(openSettings, &QPushButton::clicked, this, &AssistantPanel::settingsRequested);
    m_bottom->addWidget(setupPage);
    layout->addWidget(m_bottom);
    setWidget(body);

    m_repaint = new QTimer(this);
    m_repaint->setSingleShot(true);
    m_repaint->setInterval(40); // the streamed text is drawn at most 25 times a second
    connect(m_repaint, &QTimer::timeout, this, &AssistantPanel::renderLast);

    connect(&m_session, &AppSession::databaseChanged, this, [this] {
        stop();
        m_conversation = {};
        loadConversations();
        checkSetup();
    });
    connect(&m_session, &AppSession::userChanged, this, [this] {
        stop();
        m_conversation = {};
        m_entries.clear();
        loadConversations();
        checkSetup();
    });
    connect(&m_session, &AppSession::assistantSetupChanged, this, &AssistantPanel::checkSetup);
    connect(&m_session.settings(), &Settings::changed, this, [this](Settings::Key key) {
        if (key == Settings::Key::OpenAiBaseUrl || key == Settings::Key::OpenAiModel)
            checkSetup();
    });
    render();
    updateControls();
    checkSetup();
}

AssistantPanel::~AssistantPanel()
{
    if (m_run)
        m_run->cancel->cancel(); // the request ends; its coroutine deletes the run
}

QString AssistantPanel::databasePath() const
{
    return m_session.hasDatabase() ? m_session.database()->path() : QString();
}

void AssistantPanel::showEvent(QShowEvent *event)
{
    QDockWidget::showEvent(event);
    if (!m_answering)
        checkSetup(); // a key saved, or a server started, since
}

bool AssistantPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_input && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && (key->modifiers() & Qt::ControlModifier)) {
            send();
            return true;
        }
    }
    return QDockWidget::eventFilter(watched, event);
}

// ---- Setup

void AssistantPanel::checkSetup()
{
    const int run = ++m_setupRun;
    if (!m_session.hasDatabase() || !m_session.isSignedIn()) {
        m_ready = false;
        m_setupError = tr("Open a database and sign in to ask LUX.");
        updateControls();
        Q_EMIT setupChecked(false);
        return;
    }
    if (m_session.database()->isReadOnly()) {
        m_ready = false;
        m_setupError = tr("This database is open read-only, so conversations with LUX cannot be kept in it.");
        updateControls();
        Q_EMIT setupChecked(false);
        return;
    }
    QCoro::connect(AssistantSetup::load(m_session.settings(), m_session.secrets()), this,
                   [this, run](const Result<AssistantSetup::Setup> &setup) {
                       if (run != m_setupRun)
                           return;
                       m_ready = bool(setup);
                       m_setupError = setup ? QString() : setup.error().message;
                       if (setup)
                           m_server = setup->client.baseUrl;
                       updateSentLine();
                       updateControls();
                       Q_EMIT setupChecked(m_ready);
                   });
}

void AssistantPanel::updateControls()
{
    const bool answering = m_answering;
    m_bottom->setCurrentIndex(m_ready || answering ? 0 : 1);
    m_setupMessage->setText(m_setupError);
    m_send->setEnabled(!answering && m_ready && !m_input->toPlainText().trimmed().isEmpty());
    m_stop->setEnabled(answering);
    m_list->setEnabled(!answering && m_session.hasDatabase());
    m_menuButton->setEnabled(!answering && m_conversation.id != 0);
    if (auto *newButton = findChild<QToolButton *>(QStringLiteral("assistantNew")))
        newButton->setEnabled(!answering && m_session.hasDatabase());
    m_personal->setEnabled(!answering);
}

void AssistantPanel::updateSentLine()
{
    const QString host = m_server.host().isEmpty() ? tr("the assistant's server") : m_server.host();
    const QString where = AssistantSetup::isLocalServer(m_server) ? tr("%1 (on your computer or network)").arg(host) : host;
    m_sentLine->setText(m_conversation.personalData
                            ? tr("Sent to %1: your questions, aggregates of your data and, when LUX asks for them, contacts' "
                                 "personal data.")
                                  .arg(where)
                            : tr("Sent to %1: your questions and aggregates of your data (counts, results, the brand kit, "
                                 "products); no contact's personal data.")
                                  .arg(where));
}

// ---- Conversations

void AssistantPanel::setTopic(const QString &topic, const QString &title)
{
    if (m_answering) {
        m_pendingTopic = topic;
        m_pendingTopicTitle = title;
        return;
    }
    m_pendingTopic.clear();
    const bool changed = topic != m_topic;
    m_topic = topic;
    m_topicTitle = title;
    setWindowTitle(title.isEmpty() ? QStringLiteral("LUX") : tr("LUX · %1").arg(title));
    if (changed) {
        m_conversation = {};
        m_entries.clear();
        loadConversations();
    }
}

void AssistantPanel::loadConversations(qint64 select)
{
    if (!m_session.hasDatabase() || !m_session.isSignedIn()) {
        m_conversations.clear();
        m_conversation = {};
        m_stored.clear();
        m_entries.clear();
        render();
        return;
    }
    const QString topic = m_topic;
    const int run = ++m_loadRun;
    runOnDatabase<Result<QList<Conversation>>>(
        this, databasePath(), storage::ScopedConnection::Mode::ReadOnly,
        [topic](QSqlDatabase &db) -> Result<QList<Conversation>> { return ConversationStore(db).list(topic); },
        [this, run, select](const Result<QList<Conversation>> &list) {
            if (run != m_loadRun || m_answering)
                return;
            m_conversations = list ? *list : QList<Conversation>{};
            // The one asked for, else the one open, else the newest.
            qint64 want = select ? select : m_conversation.id;
            if (want == 0 && !m_conversations.isEmpty() && select == 0 && m_entries.isEmpty())
                want = m_conversations.first().id;
            Conversation shown;
            for (const Conversation &c : std::as_const(m_conversations))
                if (c.id == want)
                    shown = c;
            {
                m_fillingList = true;
                m_list->clear();
                if (shown.id == 0)
                    m_list->addItem(tr("New conversation"), qint64(0));
                for (const Conversation &c : std::as_const(m_conversations))
                    m_list->addItem(c.title, c.id);
                m_list->setCurrentIndex(std::max(0, m_list->findData(shown.id)));
                m_fillingList = false;
            }
            if (shown.id != m_conversation.id || shown.id == 0 || m_entries.isEmpty())
                showConversation(shown);
            else
                m_conversation = shown; // a new title
            updateControls();
            Q_EMIT conversationsLoaded();
        });
}

void AssistantPanel::openConversation(qint64 id)
{
    if (m_answering)
        return;
    Conversation shown;
    for (const Conversation &c : std::as_const(m_conversations))
        if (c.id == id)
            shown = c;
    showConversation(shown);
}

void AssistantPanel::showConversation(const Conversation &conversation)
{
    m_conversation = conversation;
    if (conversation.id != 0 && m_list->currentData().toLongLong() != conversation.id) {
        m_fillingList = true;
        if (const int placeholder = m_list->findData(qint64(0)); placeholder >= 0)
            m_list->removeItem(placeholder);
        m_list->setCurrentIndex(std::max(0, m_list->findData(conversation.id)));
        m_fillingList = false;
    }
    m_stored.clear();
    m_entries.clear();
    {
        const QSignalBlocker block(m_personal);
        m_personal->setChecked(conversation.personalData);
    }
    updateSentLine();
    updateControls();
    if (conversation.id == 0) {
        render();
        Q_EMIT conversationLoaded();
        return;
    }
    const qint64 id = conversation.id;
    const int run = ++m_loadRun;
    runOnDatabase<Result<QList<StoredMessage>>>(
        this, databasePath(), storage::ScopedConnection::Mode::ReadOnly,
        [id](QSqlDatabase &db) -> Result<QList<StoredMessage>> { return ConversationStore(db).messages(id); },
        [this, run, id](const Result<QList<StoredMessage>> &messages) {
            if (run != m_loadRun || id != m_conversation.id || m_answering)
                return;
            m_stored = messages ? *messages : QList<StoredMessage>{};
            m_entries.clear();
            if (!messages)
                m_entries << Entry{Entry::Failure, messages.error().message, {}, false, {}, false};
            for (const StoredMessage &m : std::as_const(m_stored)) {
                if (m.role == u"user") {
                    m_entries << Entry{Entry::User, m.content, {}, false, {}, false};
                } else if (m.role == u"assistant" && m.status == u"error") {
                    m_entries << Entry{Entry::Failure, m.content, {}, false, {}, false};
                } else if (m.role == u"assistant" && m.toolCalls.isEmpty()) {
                    m_entries << Entry{Entry::Answer, m.content, ConversationStore::sourcesLine(m.sources),
                                       m.status == u"interrupted", {}, false};
                }
            }
            render();
            Q_EMIT conversationLoaded();
        });
}

void AssistantPanel::newConversation()
{
    if (m_answering)
        return;
    showConversation({});
    {
        m_fillingList = true;
        if (m_list->findData(qint64(0)) < 0)
            m_list->insertItem(0, tr("New conversation"), qint64(0));
        m_list->setCurrentIndex(m_list->findData(qint64(0)));
        m_fillingList = false;
    }
    m_input->setFocus();
}

void AssistantPanel::renameConversation(const QString &title)
{
    const qint64 id = m_conversation.id;
    if (id == 0 || m_answering || title.trimmed().isEmpty())
        return;
    runOnDatabase<Status>(
        this, databasePath(), storage::ScopedConnection::Mode::ReadWrite,
        [id, title](QSqlDatabase &db) -> Status { return ConversationStore(db).rename(id, title); },
        [this, id](const Status &s) {
            if (!s)
                Dialogs::warning(this, tr("Rename Conversation"), s.error().message);
            loadConversations(id);
        });
}

void AssistantPanel::deleteConversation()
{
    const qint64 id = m_conversation.id;
    if (id == 0 || m_answering)
        return;
    if (Dialogs::question(this, tr("Delete Conversation"),
                          tr("Delete the conversation “%1” and everything in it? This cannot be undone.").arg(m_conversation.title),
                          QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
        != QMessageBox::Yes)
        return;
    runOnDatabase<Status>(
        this, databasePath(), storage::ScopedConnection::Mode::ReadWrite,
        [id](QSqlDatabase &db) -> Status { return ConversationStore(db).remove(id); },
        [this](const Status &s) {
            if (!s)
                Dialogs::warning(this, tr("Delete Conversation"), s.error().message);
            m_conversation = {};
            m_entries.clear();
            loadConversations();
        });
}

void AssistantPanel::personalDataToggled(bool on)
{
    if (on) {
        const QString host = m_server.host().isEmpty() ? tr("the assistant's server") : m_server.host();
        if (Dialogs::question(this, tr("Let LUX Read Personal Data"),
                              tr("In this conversation LUX may look up contacts and send their names, email addresses and "
                                 "other details to %1 when it needs them to answer. Other conversations are not affected. "
                                 "Allow it?")
                                  .arg(host),
                              QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
            != QMessageBox::Yes) {
            const QSignalBlocker block(m_personal);
            m_personal->setChecked(false);
            return;
        }
    }
    m_conversation.personalData = on;
    updateSentLine();
    const qint64 id = m_conversation.id;
    if (id == 0)
        return; // kept when the conversation is made
    runOnDatabase<Status>(
        this, databasePath(), storage::ScopedConnection::Mode::ReadWrite,
        [id, on](QSqlDatabase &db) -> Status { return ConversationStore(db).setPersonalData(id, on); },
        [this](const Status &s) {
            if (!s)
                Dialogs::warning(this, tr("Personal Data"), s.error().message);
        });
}

// ---- Asking

void AssistantPanel::askAbout(const QString &prefilledQuestion)
{
    show();
    raise();
    m_input->setPlainText(prefilledQuestion);
    QTextCursor end = m_input->textCursor();
    end.movePosition(QTextCursor::End);
    m_input->setTextCursor(end);
    m_input->setFocus();
}

void AssistantPanel::send()
{
    const QString question = m_input->toPlainText().trimmed();
    if (question.isEmpty() || m_answering || !m_session.hasDatabase() || !m_session.isSignedIn())
        return;
    m_answering = true;
    m_stopRequested = false;
    m_turnPath = databasePath();
    m_input->clear();
    m_entries << Entry{Entry::User, question, {}, false, {}, false} << Entry{Entry::Answer, {}, {}, false, {}, true};
    render();
    updateControls();
    // The setup as it is now: a key saved or a server changed a moment ago counts.
    const int run = ++m_setupRun;
    QCoro::connect(AssistantSetup::load(m_session.settings(), m_session.secrets()), this,
                   [this, run, question](const Result<AssistantSetup::Setup> &setup) {
                       if (run == m_setupRun) {
                           m_ready = bool(setup);
                           m_setupError = setup ? QString() : setup.error().message;
                       }
                       if (!setup || m_stopRequested) {
                           // Nothing was sent nor kept: the question goes back in the box.
                           m_entries.removeLast();
                           m_entries.removeLast();
                           m_answering = false;
                           m_input->setPlainText(question);
                           render();
                           updateControls();
                           Q_EMIT setupChecked(m_ready);
                           return;
                       }
                       m_server = setup->client.baseUrl;
                       m_setup = *setup;
                       updateSentLine();
                       startTurn(question);
                   });
}

void AssistantPanel::startTurn(const QString &question)
{
    // The conversation first (made with this question), then the question, then the server is asked.
    const QString path = m_turnPath;
    const Conversation conversation = m_conversation;
    const QString title = titleFor(question);
    const QString topic = m_topic;
    const std::optional<qint64> byUser = m_session.isSignedIn() ? std::optional<qint64>(m_session.user().id) : std::nullopt;
    const bool personal = m_personal->isChecked();
    struct Stored
    {
        Conversation conversation;
        StoredMessage question;
    };
    runOnDatabase<Result<Stored>>(
        this, path, storage::ScopedConnection::Mode::ReadWrite,
        [conversation, title, topic, byUser, personal, question](QSqlDatabase &db) -> Result<Stored> {
            ConversationStore store(db);
            Stored out{conversation, {}};
            if (out.conversation.id == 0) {
                Result<Conversation> made = store.create(title, topic, byUser);
                if (!made)
                    return made.error();
                out.conversation = *made;
                if (personal) {
                    if (Status s = store.setPersonalData(out.conversation.id, true); !s)
                        return s.error();
                    out.conversation.personalData = true;
                }
            }
            out.question.role = QStringLiteral("user");
            out.question.content = question;
            Result<qint64> id = store.append(out.conversation.id, out.question);
            if (!id)
                return id.error();
            out.question.id = *id;
            return out;
        },
        [this, question](const Result<Stored> &stored) {
            if (!stored) {
                finishTurn({}, stored.error());
                return;
            }
            const bool made = m_conversation.id == 0;
            m_conversation = stored->conversation;
            m_stored << stored->question;
            if (made) {
                // The new conversation in the list, selected, without reloading the transcript.
                m_conversations.prepend(m_conversation);
                m_fillingList = true;
                const int placeholder = m_list->findData(qint64(0));
                if (placeholder >= 0)
                    m_list->removeItem(placeholder);
                m_list->insertItem(0, m_conversation.title, m_conversation.id);
                m_list->setCurrentIndex(0);
                m_fillingList = false;
            }
            if (m_stopRequested) {
                finishTurn({}, Error(QStringLiteral("openai.cancelled"), QString()));
                return;
            }
            askServer();
        });
}

void AssistantPanel::askServer()
{
    auto *turnRun = new AssistantRun(m_setup, m_turnPath, m_conversation.id);
    // What earlier turns learned of this server (no tools, no json_schema) is not asked again.
    if (m_capabilitiesFor == m_setup.client.baseUrl)
        turnRun->session.client().assumeCapabilities(m_serverTools, m_serverSchema);
    m_run = turnRun;
    Assistant::Options options;
    options.personalData = m_conversation.personalData;
    const QPointer<AssistantPanel> self(this);
    Assistant::TextSink sink = [self](const QString &delta) {
        if (!self || self->m_entries.isEmpty())
            return;
        self->m_entries.last().text += delta;
        if (!self->m_repaint->isActive())
            self->m_repaint->start();
    };
    const QPointer<AssistantRun> learned(turnRun);
    QCoro::connect(runTurn(turnRun, ConversationStore::toChat(m_stored), options, std::move(sink)), this,
                   [this, learned](const Result<Assistant::Turn> &turn) {
                       m_run = nullptr;
                       if (learned) { // deleted later, not yet
                           m_capabilitiesFor = m_setup.client.baseUrl;
                           m_serverTools = learned->session.client().supportsTools();
                           m_serverSchema = learned->session.client().supportsJsonSchema();
                       }
                       if (!turn) {
                           finishTurn({}, turn.error());
                           return;
                       }
                       QList<StoredMessage> added;
                       for (const ChatMessage &m : turn->added) {
                           StoredMessage s;
                           s.role = m.role;
                           s.content = m.content;
                           s.toolCalls = m.toolCalls;
                           s.toolCallId = m.toolCallId;
                           added << s;
                       }
                       if (!added.isEmpty())
                           added.last().sources = turn->sources;
                       Entry &answer = m_entries.last();
                       answer.text = turn->text;
                       answer.sources = ConversationStore::sourcesLine(turn->sources);
                       finishTurn(added, Error());
                   });
}

// Ends a turn: `added` when it was answered, else what went wrong (the streamed part is kept,
// marked interrupted; without any, the error is the answer).
void AssistantPanel::finishTurn(const QList<StoredMessage> &added, const Error &failure)
{
    m_repaint->stop();
    QList<StoredMessage> toStore;
    Entry &answer = m_entries.last();
    answer.streaming = false;
    if (failure.code.isEmpty()) {
        toStore = added;
    } else {
        const bool stopped = m_stopRequested || failure.code == u"openai.cancelled";
        StoredMessage m;
        m.role = QStringLiteral("assistant");
        if (!answer.text.trimmed().isEmpty()) {
            answer.interrupted = true;
            answer.note = stopped ? tr("you stopped it.") : failure.message;
            m.content = answer.text;
            m.status = QStringLiteral("interrupted");
        } else {
            answer.kind = Entry::Failure;
            answer.text = stopped ? tr("Stopped before LUX answered.") : failure.message;
            m.content = answer.text;
            m.status = QStringLiteral("error");
        }
        toStore << m;
        if (failure.code == u"openai.key") {
            // The key was refused: ask for it again.
            m_ready = false;
            m_setupError = failure.message;
        }
    }
    render();
    if (m_conversation.id == 0 || m_turnPath != databasePath()) {
        // Nothing to store it with: the conversation could not be made, or another database is open now.
        m_answering = false;
        updateControls();
        Q_EMIT turnStored(0);
        return;
    }
    storeTurn(toStore);
}

void AssistantPanel::storeTurn(const QList<StoredMessage> &messages)
{
    const qint64 id = m_conversation.id;
    m_stored << messages;
    runOnDatabase<Status>(
        this, m_turnPath, storage::ScopedConnection::Mode::ReadWrite,
        [id, messages](QSqlDatabase &db) -> Status {
            ConversationStore store(db);
            for (const StoredMessage &m : messages)
                if (Result<qint64> stored = store.append(id, m); !stored)
                    return stored.error();
            return {};
        },
        [this, id](const Status &s) {
            m_answering = false;
            if (!s) {
                m_entries << Entry{Entry::Failure, tr("The answer could not be kept in the database: %1").arg(s.error().message), {},
                                   false, {}, false};
                render();
            }
            updateControls();
            Q_EMIT turnStored(id);
            if (!m_pendingTopic.isEmpty() && m_pendingTopic != m_topic)
                setTopic(m_pendingTopic, m_pendingTopicTitle);
        });
}

void AssistantPanel::stop()
{
    if (!m_answering)
        return;
    m_stopRequested = true;
    if (m_run)
        m_run->cancel->cancel();
}

// ---- The transcript

void AssistantPanel::render()
{
    m_repaint->stop();
    QTextDocument *doc = m_transcript->document();
    doc->clear();
    m_streamStart = -1;
    QTextCursor cursor(doc);
    if (m_entries.isEmpty()) {
        QTextCharFormat muted;
        muted.setForeground(Theme::color("muted"));
        cursor.insertText(m_topicTitle.isEmpty()
                              ? tr("Ask LUX about your contacts, campaigns, templates and products. Answers use your own data "
                                   "and say which, under each answer.")
                              : tr("Ask LUX about %1, or anything else in this database. Answers use your own data and say "
                                   "which, under each answer.")
                                    .arg(m_topicTitle.toLower()),
                          muted);
        return;
    }
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (i == m_entries.size() - 1 && m_entries.at(i).streaming)
            m_streamStart = cursor.position();
        insertEntry(m_entries.at(i));
    }
    m_transcript->verticalScrollBar()->setValue(m_transcript->verticalScrollBar()->maximum());
}

void AssistantPanel::renderLast()
{
    if (m_streamStart < 0 || m_entries.isEmpty()) {
        render();
        return;
    }
    QScrollBar *bar = m_transcript->verticalScrollBar();
    const bool atEnd = bar->value() >= bar->maximum() - 4;
    QTextCursor cursor(m_transcript->document());
    cursor.setPosition(m_streamStart);
    cursor.movePosition(QTextCursor::End, QTextCursor::KeepAnchor);
    cursor.removeSelectedText();
    insertEntry(m_entries.last());
    if (atEnd)
        bar->setValue(bar->maximum());
}

void AssistantPanel::insertEntry(const Entry &entry)
{
    QTextDocument *doc = m_transcript->document();
    QTextCursor c(doc);
    c.movePosition(QTextCursor::End);
    const bool first = doc->isEmpty();
    const QColor muted = Theme::color("muted");

    QTextBlockFormat head;
    head.setTopMargin(first ? 0 : 16);
    head.setBottomMargin(2);
    QTextCharFormat who;
    who.setFontWeight(QFont::Bold);
    who.setForeground(entry.kind == Entry::User ? muted : Theme::color("accent"));
    if (first)
        c.setBlockFormat(head);
    else
        c.insertBlock(head);
    c.insertText(entry.kind == Entry::User ? tr("You") : QStringLiteral("LUX"), who);

    QTextBlockFormat text;
    text.setTopMargin(2);
    c.insertBlock(text, QTextCharFormat());
    switch (entry.kind) {
    case Entry::User:
        c.insertText(entry.text, QTextCharFormat());
        break;
    case Entry::Answer:
        if (entry.text.isEmpty() && entry.streaming) {
            QTextCharFormat thinking;
            thinking.setForeground(muted);
            thinking.setFontItalic(true);
            c.insertText(tr("LUX is thinking…"), thinking);
        } else {
            c.insertMarkdown(entry.text, kMarkdown);
            c.movePosition(QTextCursor::End);
        }
        break;
    case Entry::Failure: {
        QTextCharFormat danger;
        danger.setForeground(Theme::color("danger"));
        c.insertText(entry.text, danger);
        break;
    }
    }

    QTextCharFormat small;
    small.setForeground(muted);
    small.setFontItalic(true);
    small.setFontPointSize(std::max(7.0, m_transcript->font().pointSizeF() * 0.9));
    QTextBlockFormat note;
    note.setTopMargin(4);
    if (entry.interrupted) {
        c.insertBlock(note, QTextCharFormat());
        QTextCharFormat warning = small;
        warning.setForeground(Theme::color("warning"));
        c.insertText(entry.note.isEmpty() ? tr("Interrupted.") : tr("Interrupted: %1").arg(entry.note), warning);
    }
    if (!entry.sources.isEmpty()) {
        c.insertBlock(note, QTextCharFormat());
        c.insertText(entry.sources, small);
    }
}

} // namespace lux::ui

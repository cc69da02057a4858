// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "assistant/assistantsetup.h"
#include "assistant/conversations.h"
#include "common/result.h"

#include <QDockWidget>
#include <QPointer>
#include <QUrl>

class QCheckBox;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTextBrowser;
class QTimer;
class QToolButton;

namespace lux::ui {

class AppSession;
class AssistantRun;

// LUX, the assistant, beside every section: a dock with the conversations of the current topic (the
// section it is opened beside), kept in the database through ConversationStore; the transcript, where
// answers stream in as the server writes them, each with the data it used under it; an input box
// (Ctrl+Enter sends), Send and Stop; whether contacts' own data may be sent in this conversation; and
// what is sent, and where. When the assistant is not set up, it says why and offers Settings → Assistant.
// Database work runs on a worker; the answer is a coroutine that outlives the panel if need be (Stop
// is pressed for it when the panel goes).
class AssistantPanel : public QDockWidget
{
    Q_OBJECT
public:
    explicit AssistantPanel(AppSession &session, QWidget *parent = nullptr);
    ~AssistantPanel() override;

    // The conversations shown are this topic's ("campaigns", "templates"…); `title` is the section's
    // name as shown. While an answer streams, the change waits until it ends.
    void setTopic(const QString &topic, const QString &title);
    QString topic() const { return m_topic; }

    // Opens the panel with `question` in the input box, ready to edit and send (the template editor's
    // "Ask LUX about this").
    void askAbout(const QString &prefilledQuestion);
    // Sends what is in the input box (a new conversation when none is open).
    void send();
    // Stops the answer at once; what has come so far is kept, marked interrupted.
    void stop();
    bool isAnswering() const { return m_answering; }

    void newConversation();
    void openConversation(qint64 id);
    void renameConversation(const QString &title);
    // Asks for confirmation first.
    void deleteConversation();
    qint64 conversationId() const { return m_conversation.id; }
    const QList<assistant::Conversation> &conversations() const { return m_conversations; }

    // Reads the server's setup again (settings and keychain); setupChecked() when known.
    void checkSetup();
    bool isReady() const { return m_ready; }

    QTextBrowser *transcript() const { return m_transcript; }
    QPlainTextEdit *input() const { return m_input; }
    QPushButton *sendButton() const { return m_send; }
    QPushButton *stopButton() const { return m_stop; }
    QCheckBox *personalDataBox() const { return m_personal; }
    QComboBox *conversationCombo() const { return m_list; }
    QLabel *sentLine() const { return m_sentLine; }
    QLabel *setupMessage() const { return m_setupMessage; }

Q_SIGNALS:
    void settingsRequested(); // Settings → Assistant
    void setupChecked(bool ready);
    void conversationsLoaded();
    void conversationLoaded(); // the transcript shows the open conversation
    // A turn ended (answered, interrupted or failed) and what it added is in the database.
    void turnStored(qint64 conversationId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    struct Entry
    {
        enum Kind { User, Answer, Failure } kind = Answer;
        QString text;
        QString sources;     // "used: …", under an answer
        bool interrupted = false;
        QString note;        // why it was interrupted, when known
        bool streaming = false;
    };

    void loadConversations(qint64 select = 0);
    void showConversation(const assistant::Conversation &conversation);
    void render();             // the whole transcript
    void renderLast();         // the entry being streamed only
    void insertEntry(const Entry &entry);
    void updateControls();
    void updateSentLine();
    void personalDataToggled(bool on);
    void startTurn(const QString &question);
    void askServer();
    void finishTurn(const QList<assistant::StoredMessage> &added, const Error &failure);
    void storeTurn(const QList<assistant::StoredMessage> &messages);
    QString databasePath() const;

    AppSession &m_session;
    QString m_topic;
    QString m_topicTitle;
    QString m_pendingTopic;
    QString m_pendingTopicTitle;

    QComboBox *m_list = nullptr;
    QToolButton *m_menuButton = nullptr;
    QTextBrowser *m_transcript = nullptr;
    QStackedWidget *m_bottom = nullptr;
    QPlainTextEdit *m_input = nullptr;
    QPushButton *m_send = nullptr;
    QPushButton *m_stop = nullptr;
    QCheckBox *m_personal = nullptr;
    QLabel *m_sentLine = nullptr;
    QLabel *m_setupMessage = nullptr;
    QTimer *m_repaint = nullptr;

    QList<assistant::Conversation> m_conversations;
    assistant::Conversation m_conversation;       // id 0: none yet (made with the first question)
    QList<assistant::StoredMessage> m_stored;      // the open conversation's messages
    QList<Entry> m_entries;
    int m_streamStart = -1;                        // where the streamed entry starts in the transcript

    bool m_ready = false;
    QString m_setupError;
    QUrl m_server;
    assistant::AssistantSetup::Setup m_setup; // as read when the question was sent
    // What the server was found to lack (tools, json_schema), kept across turns for that server.
    QUrl m_capabilitiesFor;
    bool m_serverTools = true;
    bool m_serverSchema = true;
    QString m_turnPath;                       // the database the turn is kept in
    bool m_answering = false;
    bool m_stopRequested = false;
    QPointer<AssistantRun> m_run;
    int m_setupRun = 0;
    int m_loadRun = 0;
    bool m_fillingList = false;
    bool m_settingPersonal = false;
};

} // namespace lux::ui

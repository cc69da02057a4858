// SPDX-License-Identifier: GPL-3.0-or-later
#include "assistantsettings.h"

#include "assistant/assistantsetup.h"
#include "assistant/usageledger.h"
#include "channels/httpclient.h"
#include "channels/openai/openaiclient.h"
#include "common/dbtask.h"
#include "common/dialogs.h"
#include "common/errorcodes.h"
#include "common/scrollpage.h"
#include "session/appsession.h"
#include "settings/settings.h"
#include "theme/theme.h"

#include <QComboBox>
#include <QCompleter>
#include <QCoroTask>
#include <QDate>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QRegularExpression>
#include <QStringListModel>
#include <QStyle>
#include <QUrl>
#include <QVBoxLayout>

namespace lux::ui {

namespace {

using channels::Cancellation;
using channels::openai::OpenAiClient;

QLabel *noteLabel(const QString &text, QWidget *parent)
{
    auto *l = new QLabel(text, parent);
    l->setWordWrap(true);
    l->setProperty("role", QStringLiteral("muted"));
    return l;
}

QLabel *statusLabel(QWidget *parent, const char *name)
{
    auto *l = new QLabel(parent);
    l->setObjectName(QString::fromLatin1(name));
    l->setWordWrap(true);
    l->setProperty("role", QStringLiteral("muted"));
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
}

// An http(s) address with a host, or nothing.
bool isWebAddress(const QString &text)
{
    const QUrl parsed(text, QUrl::StrictMode);
    return parsed.isValid() && !parsed.host().isEmpty()
           && (parsed.scheme() == QLatin1String("https") || parsed.scheme() == QLatin1String("http"));
}

// The server's models. The network manager and the cancellation are the request's own, deleted once
// the answer is in: the page may close, or the test be cancelled, while the server is still asked.
QCoro::Task<Result<QStringList>> askModels(OpenAiClient::Config config, Cancellation *cancel)
{
    auto *network = new QNetworkAccessManager;
    OpenAiClient client(network, std::move(config));
    QCoro::Task<Result<QStringList>> asking = client.models(cancel);
    Result<QStringList> models = co_await std::move(asking);
    network->deleteLater();
    cancel->deleteLater();
    co_return models;
}

} // namespace

QList<QPair<QString, QString>> AssistantSettings::presets()
{
    return {{QStringLiteral("OpenAI"), QStringLiteral("https://api.openai.com/v1")},
            {QStringLiteral("Ollama"), QStringLiteral("http://localhost:11434/v1")},
            {QStringLiteral("LM Studio"), QStringLiteral("http://localhost:1234/v1")},
            {QStringLiteral("llama.cpp"), QStringLiteral("http://localhost:8080/v1")}};
}

AssistantSettings::AssistantSettings(AppSession &session, QWidget *parent) : QWidget(parent), m_session(session)
{
    setObjectName(QStringLiteral("assistantSettings"));
    const ScrollPage page = makeScrollPage(this);
    QWidget *content = page.content;
    QVBoxLayout *layout = page.layout;

    // --- The server
    auto *server = new QGroupBox(tr("Server"), content);
    auto *serverForm = new QFormLayout(server);
    serverForm->addRow(noteLabel(tr("LUX, the assistant, talks to a server that speaks OpenAI's API: OpenAI itself, a company "
                                    "gateway, or a model running on your computer or network (Ollama, LM Studio, llama.cpp's "
                                    "server). The address and the models are saved in this database."),
                                 server));
    m_preset = new QComboBox(server);
    m_preset->setObjectName(QStringLiteral("assistantPreset"));
    m_preset->addItem(tr("Custom"), QString());
    for (const auto &[name, url] : presets())
        m_preset->addItem(name, url);
    serverForm->addRow(tr("Server:"), m_preset);
    m_baseUrl = new QLineEdit(server);
    m_baseUrl->setObjectName(QStringLiteral("assistantBaseUrl"));
    m_baseUrl->setPlaceholderText(Settings::defaultValue(Settings::Key::OpenAiBaseUrl).toString());
    serverForm->addRow(tr("Address:"), m_baseUrl);
    m_baseUrlError = statusLabel(server, "assistantBaseUrlError");
    m_baseUrlError->setProperty("role", QStringLiteral("error"));
    m_baseUrlError->hide();
    serverForm->addRow(QString(), m_baseUrlError);
    connect(m_preset, &QComboBox::activated, this, [this] {
        const QString url = m_preset->currentData().toString();
        if (url.isEmpty()) {
            m_baseUrl->setFocus();
            return;
        }
        m_baseUrl->setText(url);
        saveBaseUrl();
    });
    connect(m_baseUrl, &QLineEdit::editingFinished, this, &AssistantSettings::saveBaseUrl);
    connect(m_baseUrl, &QLineEdit::textChanged, this, [this] {
        followPreset();
        updateLocalNote();
    });

    m_model = new QLineEdit(server);
    m_model->setObjectName(QStringLiteral("assistantModel"));
    m_model->setPlaceholderText(tr("gpt-4o, or llama3.1 on Ollama"));
    serverForm->addRow(tr("Chat model:"), m_model);
    m_imageModel = new QLineEdit(server);
    m_imageModel->setObjectName(QStringLiteral("assistantImageModel"));
    m_imageModel->setPlaceholderText(tr("gpt-image-1 or dall-e-3"));
    serverForm->addRow(tr("Image model:"), m_imageModel);
    m_models = new QStringListModel(this);
    for (QLineEdit *edit : {m_model, m_imageModel}) {
        auto *completer = new QCompleter(m_models, edit);
        completer->setCaseSensitivity(Qt::CaseInsensitive);
        completer->setFilterMode(Qt::MatchContains);
        edit->setCompleter(completer);
    }
    connect(m_model, &QLineEdit::editingFinished, this, [this] { saveModel(m_model, int(Settings::Key::OpenAiModel)); });
    connect(m_imageModel, &QLineEdit::editingFinished, this,
            [this] { saveModel(m_imageModel, int(Settings::Key::OpenAiImageModel)); });
    layout->addWidget(server);

    // --- The API key
    auto *keyBox = new QGroupBox(tr("API key"), content);
    auto *keyLayout = new QVBoxLayout(keyBox);
    keyLayout->setSpacing(6);
    auto *keyRow = new QHBoxLayout;
    m_key = new QLineEdit(keyBox);
    m_key->setObjectName(QStringLiteral("assistantKey"));
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setPlaceholderText(tr("Paste the API key"));
    m_saveKey = new QPushButton(Theme::icon(QStringLiteral("key")), tr("Save in Keychain"), keyBox);
    m_saveKey->setObjectName(QStringLiteral("assistantSaveKey"));
    m_removeKey = new QPushButton(Theme::icon(QStringLiteral("trash")), tr("Remove"), keyBox);
    m_removeKey->setObjectName(QStringLiteral("assistantRemoveKey"));
    m_removeKey->setToolTip(tr("Removes the API key from the keychain."));
    m_removeKey->hide();
    keyRow->addWidget(new QLabel(tr("API key:"), keyBox));
    keyRow->addWidget(m_key, 1);
    keyRow->addWidget(m_saveKey);
    keyRow->addWidget(m_removeKey);
    keyLayout->addLayout(keyRow);
    m_keyStatus = statusLabel(keyBox, "assistantKeyStatus");
    keyLayout->addWidget(m_keyStatus);
    m_localNote = noteLabel(QString(), keyBox);
    m_localNote->setObjectName(QStringLiteral("assistantLocalNote"));
    keyLayout->addWidget(m_localNote);
    connect(m_saveKey, &QPushButton::clicked, this, [this] { saveKey(m_key->text()); });
    connect(m_key, &QLineEdit::returnPressed, this, [this] { saveKey(m_key->text()); });
    connect(m_removeKey, &QPushButton::clicked, this, [this] {
        if (Dialogs::question(this, tr("Remove API Key"),
                              tr("Remove the assistant's API key from the keychain? LUX cannot ask a server that needs one "
                                 "until another is saved."),
                              QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
            == QMessageBox::Yes)
            removeKey();
    });

    auto *testRow = new QHBoxLayout;
    m_test = new QPushButton(Theme::icon(QStringLiteral("play")), tr("Test Connection"), keyBox);
    m_test->setObjectName(QStringLiteral("assistantTest"));
    m_cancelTest = new QPushButton(tr("Cancel"), keyBox);
    m_cancelTest->setObjectName(QStringLiteral("assistantCancelTest"));
    m_cancelTest->hide();
    testRow->addWidget(m_test);
    testRow->addWidget(m_cancelTest);
    testRow->addStretch(1);
    keyLayout->addSpacing(4);
    keyLayout->addLayout(testRow);
    m_connectionStatus = statusLabel(keyBox, "assistantConnectionStatus");
    m_connectionStatus->hide();
    keyLayout->addWidget(m_connectionStatus);
    connect(m_test, &QPushButton::clicked, this, &AssistantSettings::testConnection);
    connect(m_cancelTest, &QPushButton::clicked, this, &AssistantSettings::cancelTest);
    layout->addWidget(keyBox);

    // --- Usage
    auto *usageBox = new QGroupBox(tr("This month"), content);
    auto *usageLayout = new QVBoxLayout(usageBox);
    m_usage = statusLabel(usageBox, "assistantUsage");
    m_usage->setTextFormat(Qt::RichText);
    usageLayout->addWidget(m_usage);
    usageLayout->addWidget(noteLabel(tr("Counted from the server's own figures for each request in this database. A request "
                                        "whose usage the server did not give (a stopped answer, some local servers) is counted "
                                        "as unknown, never as zero."),
                                     usageBox));
    layout->addWidget(usageBox);

    // --- What leaves the computer
    auto *privacy = new QGroupBox(tr("What is sent"), content);
    auto *privacyLayout = new QVBoxLayout(privacy);
    QLabel *sent = noteLabel(tr("The server receives your questions and aggregates of your data (counts, campaign results, "
                                "the brand kit, templates, products); contacts' own data only in a conversation where you "
                                "allow it."),
                             privacy);
    sent->setObjectName(QStringLiteral("assistantWhatIsSent"));
    sent->setProperty("role", QVariant());
    privacyLayout->addWidget(sent);
    layout->addWidget(privacy);
    layout->addStretch(1);

    refresh();
    connect(&m_session, &AppSession::databaseChanged, this, &AssistantSettings::refresh);
}

AssistantSettings::~AssistantSettings()
{
    if (m_testCancel)
        m_testCancel->cancel();
}

void AssistantSettings::refresh()
{
    const Settings &settings = m_session.settings();
    m_loading = true;
    const QString base = settings.value(Settings::Key::OpenAiBaseUrl).toString();
    m_baseUrl->setText(base);
    m_baseUrlError->hide();
    m_model->setText(settings.openAiModel());
    m_imageModel->setText(settings.openAiImageModel());
    m_loading = false;
    followPreset();
    updateLocalNote();
    m_connectionStatus->hide();
    const bool writable = m_session.hasDatabase() && !m_session.database()->isReadOnly();
    for (QWidget *w : {static_cast<QWidget *>(m_preset), static_cast<QWidget *>(m_baseUrl), static_cast<QWidget *>(m_model),
                       static_cast<QWidget *>(m_imageModel)})
        w->setEnabled(writable);
    checkKey();
    refreshUsage();
}

void AssistantSettings::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refreshUsage(); // requests made since the page was built
}

void AssistantSettings::setStatus(QLabel *label, const QString &role, const QString &text)
{
    label->setProperty("role", role);
    label->setText(text);
    label->setVisible(!text.isEmpty());
    label->style()->unpolish(label);
    label->style()->polish(label);
    Q_EMIT checked();
}

void AssistantSettings::followPreset()
{
    const QString text = m_baseUrl->text().trimmed();
    int index = 0;
    for (int i = 1; i < m_preset->count(); ++i)
        if (m_preset->itemData(i).toString() == text)
            index = i;
    m_preset->setCurrentIndex(index);
}

void AssistantSettings::updateLocalNote()
{
    const QUrl url(m_baseUrl->text().trimmed());
    m_localNote->setText(assistant::AssistantSetup::isLocalServer(url)
                             ? tr("This server is on your computer or network: local servers (Ollama, LM Studio, llama.cpp) "
                                  "need no key.")
                             : tr("The key stays in your keychain, never in the database. Local servers (Ollama, LM Studio, "
                                  "llama.cpp) need none."));
}

void AssistantSettings::saveBaseUrl()
{
    if (m_loading)
        return;
    const QString text = m_baseUrl->text().trimmed();
    if (text.isEmpty()) {
        m_baseUrlError->hide();
        m_session.settings().reset(Settings::Key::OpenAiBaseUrl);
        m_loading = true;
        m_baseUrl->setText(m_session.settings().value(Settings::Key::OpenAiBaseUrl).toString());
        m_loading = false;
        return;
    }
    if (!isWebAddress(text)) {
        setStatus(m_baseUrlError, QStringLiteral("error"),
                  tr("Not a web address: it starts with https:// (or http:// for a server on your computer or network) "
                     "and ends with the API's version, like /v1. Nothing was saved."));
        return;
    }
    const QUrl url(text);
    if (url.scheme() == QLatin1String("http") && !assistant::AssistantSetup::isLocalServer(url)) {
        setStatus(m_baseUrlError, QStringLiteral("error"),
                  tr("A server on the internet needs https://: the API key and your data would travel in the clear. "
                     "Nothing was saved."));
        return;
    }
    m_baseUrlError->hide();
    if (m_session.settings().value(Settings::Key::OpenAiBaseUrl).toString() != text) {
        m_connectionStatus->hide(); // about another server
        m_session.settings().setValue(Settings::Key::OpenAiBaseUrl, text);
        Q_EMIT m_session.assistantSetupChanged();
    }
}

void AssistantSettings::saveModel(QLineEdit *edit, int key)
{
    if (m_loading)
        return;
    const auto which = Settings::Key(key);
    const QString text = edit->text().trimmed();
    edit->setText(text);
    if (text.isEmpty()) {
        m_session.settings().reset(which);
        edit->setText(m_session.settings().value(which).toString());
    } else if (m_session.settings().value(which).toString() != text) {
        if (which == Settings::Key::OpenAiModel)
            m_connectionStatus->hide(); // it said whether another model was there
        m_session.settings().setValue(which, text);
    } else {
        return;
    }
    Q_EMIT m_session.assistantSetupChanged();
}

// ---- The key

void AssistantSettings::saveKey(const QString &key)
{
    const QString value = key.trimmed();
    if (value.isEmpty())
        return;
    if (value.contains(QRegularExpression(QStringLiteral("\\s")))) {
        setStatus(m_keyStatus, QStringLiteral("error"), tr("An API key has no spaces: copy it whole. Nothing was saved."));
        return;
    }
    setStatus(m_keyStatus, QStringLiteral("muted"), tr("Saving…"));
    QCoro::connect(m_session.secrets().write(Secret::OpenAiApiKey, value), this, [this](const Status &s) {
        if (!s) {
            setStatus(m_keyStatus, QStringLiteral("error"), tr("The API key was not saved: %1").arg(s.error().message));
            return;
        }
        m_key->clear();
        m_key->setPlaceholderText(tr("Saved; paste to replace"));
        m_removeKey->show();
        setStatus(m_keyStatus, QStringLiteral("success"), tr("The API key is saved in the keychain."));
        Q_EMIT m_session.assistantSetupChanged();
    });
}

void AssistantSettings::removeKey()
{
    QCoro::connect(m_session.secrets().remove(Secret::OpenAiApiKey), this, [this](const Status &s) {
        if (!s && s.error().code != errc::secretsNotFound) {
            setStatus(m_keyStatus, QStringLiteral("error"), tr("The API key was not removed: %1").arg(s.error().message));
            return;
        }
        Q_EMIT m_session.assistantSetupChanged();
        checkKey();
    });
}

void AssistantSettings::checkKey()
{
    setStatus(m_keyStatus, QStringLiteral("muted"), tr("Looking in the keychain…"));
    QCoro::connect(m_session.secrets().read(Secret::OpenAiApiKey), this, [this](const Result<QString> &key) {
        m_removeKey->setVisible(bool(key));
        if (key) {
            m_key->setPlaceholderText(tr("Saved; paste to replace"));
            setStatus(m_keyStatus, QStringLiteral("success"), tr("The API key is saved in the keychain."));
        } else if (key.error().code == errc::secretsNotFound) {
            m_key->setPlaceholderText(tr("Paste the API key"));
            setStatus(m_keyStatus, QStringLiteral("muted"), tr("No API key saved."));
        } else {
            setStatus(m_keyStatus, QStringLiteral("warning"), tr("The keychain cannot be read: %1").arg(key.error().message));
        }
    });
}

// ---- Test Connection

void AssistantSettings::setTesting(bool on)
{
    m_testing = on;
    m_test->setEnabled(!on);
    m_test->setText(on ? tr("Testing…") : tr("Test Connection"));
    m_cancelTest->setVisible(on);
}

void AssistantSettings::testConnection()
{
    if (m_testing)
        return;
    const QString base = m_baseUrl->text().trimmed();
    if (!isWebAddress(base)) {
        setStatus(m_connectionStatus, QStringLiteral("error"), tr("Enter the server's address first."));
        return;
    }
    OpenAiClient::Config config;
    config.baseUrl = QUrl(base);
    config.timeoutMs = 20'000;
    config.maxRetries = 0;
    const QString model = m_model->text().trimmed();
    const int run = ++m_testRun;
    setTesting(true);
    setStatus(m_connectionStatus, QStringLiteral("muted"), tr("Asking %1…").arg(config.baseUrl.host()));

    const auto ask = [this, run, model](OpenAiClient::Config withKey) {
        auto *cancel = new Cancellation;
        m_testCancel = cancel;
        QCoro::connect(askModels(std::move(withKey), cancel), this, [this, run, model](const Result<QStringList> &models) {
            if (run != m_testRun)
                return; // cancelled, or a newer test runs
            setTesting(false);
            if (!models) {
                setStatus(m_connectionStatus, QStringLiteral("error"), models.error().message);
                return;
            }
            QStringList sorted = *models;
            sorted.sort(Qt::CaseInsensitive);
            m_models->setStringList(sorted);
            const QLocale locale;
            QString listed = sorted.mid(0, 12).join(QStringLiteral(", "));
            if (sorted.size() > 12)
                listed += tr(" and %n more", nullptr, int(sorted.size() - 12));
            QString text = tr("Connected: the server offers %n model(s): %1.", nullptr, int(sorted.size())).arg(listed);
            const bool found = sorted.contains(model);
            if (!model.isEmpty())
                text += QLatin1Char(' ')
                        + (found ? tr("“%1” is among them.").arg(model)
                                 : tr("“%1” is not among them: choose one of these as the chat model.").arg(model));
            setStatus(m_connectionStatus, (found || model.isEmpty()) ? QStringLiteral("success") : QStringLiteral("warning"), text);
        });
    };
    // What was typed and not saved yet is what the user means to check; else the keychain's.
    const QString typed = m_key->text().trimmed();
    if (!typed.isEmpty()) {
        config.apiKey = typed.toUtf8();
        ask(config);
        return;
    }
    QCoro::connect(m_session.secrets().read(Secret::OpenAiApiKey), this, [this, run, config, ask](const Result<QString> &key) {
        if (run != m_testRun)
            return;
        OpenAiClient::Config withKey = config;
        if (key)
            withKey.apiKey = key->trimmed().toUtf8();
        else if (key.error().code != errc::secretsNotFound) {
            setTesting(false);
            setStatus(m_connectionStatus, QStringLiteral("error"), tr("The keychain cannot be read: %1").arg(key.error().message));
            return;
        }
        ask(withKey);
    });
}

void AssistantSettings::cancelTest()
{
    if (!m_testing)
        return;
    ++m_testRun;
    if (m_testCancel)
        m_testCancel->cancel();
    setTesting(false);
    setStatus(m_connectionStatus, QStringLiteral("muted"), tr("Test cancelled."));
}

// ---- Usage

void AssistantSettings::refreshUsage()
{
    if (!m_session.hasDatabase())
        return;
    const int run = ++m_usageRun;
    const QDate today = QDate::currentDate();
    runOnDatabase<Result<assistant::UsageLedger::Totals>>(
        this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadOnly,
        [today](QSqlDatabase &db) -> Result<assistant::UsageLedger::Totals> { return assistant::UsageLedger(db).month(today); },
        [this, run, today](const Result<assistant::UsageLedger::Totals> &totals) {
            if (run != m_usageRun)
                return;
            if (!totals) {
                setStatus(m_usage, QStringLiteral("warning"), tr("The usage cannot be read: %1").arg(totals.error().message));
                Q_EMIT usageLoaded();
                return;
            }
            const QLocale locale;
            const assistant::UsageLedger::Totals &t = *totals;
            const QString month = locale.standaloneMonthName(today.month()) + QLatin1Char(' ') + QString::number(today.year());
            QString html;
            if (t.requests == 0) {
                html = tr("No requests to the assistant's server in %1 yet.").arg(month).toHtmlEscaped();
            } else {
                const auto row = [](const QString &label, const QString &value) -> QString {
                    return QStringLiteral("<tr><td style=\"padding-right:14px\">%1</td><td align=\"right\">%2</td></tr>")
                        .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
                };
                html = QStringLiteral("<p>%1</p><table>").arg(tr("In %1:").arg(month).toHtmlEscaped());
                html += row(tr("Requests"), t.failed ? tr("%1 (%2 failed)").arg(locale.toString(t.requests), locale.toString(t.failed))
                                                     : locale.toString(t.requests));
                html += row(tr("Prompt tokens"), locale.toString(t.promptTokens));
                html += row(tr("of which cached"), locale.toString(t.cachedTokens));
                html += row(tr("Completion tokens"), locale.toString(t.completionTokens));
                html += row(tr("Images"), locale.toString(t.images));
                html += row(tr("Requests with unknown usage"), locale.toString(t.unknownUsage));
                html += QStringLiteral("</table>");
            }
            setStatus(m_usage, QStringLiteral("muted"), html);
            m_usage->setProperty("role", QVariant());
            m_usage->style()->unpolish(m_usage);
            m_usage->style()->polish(m_usage);
            Q_EMIT usageLoaded();
        });
}

} // namespace lux::ui

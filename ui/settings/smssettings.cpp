// SPDX-License-Identifier: GPL-3.0-or-later
#include "smssettings.h"
#include "common/scrollpage.h"
#include "analytics/smsestimate.h"

#include "common/errorcodes.h"

#include "channels/twilio/twilioclient.h"
#include "common/dbtask.h"
#include "common/dialogs.h"
#include "session/appsession.h"
#include "settings/settings.h"
#include "sms/segments.h"
#include "theme/theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoroTask>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QScrollArea>
#include <QSet>
#include <QSpinBox>
#include <QSqlError>
#include <QSqlQuery>
#include <QStyle>
#include <QTableWidget>
#include <QTimeEdit>
#include <QTimer>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>
#include <functional>
#include <initializer_list>

namespace lux::ui {

namespace {

const QRegularExpression &accountSidPattern()
{
    static const QRegularExpression re(QStringLiteral("^AC[0-9a-fA-F]{32}$"));
    return re;
}

const QRegularExpression &apiKeySidPattern()
{
    static const QRegularExpression re(QStringLiteral("^SK[0-9a-fA-F]{32}$"));
    return re;
}

// A price a segment: digits with at most one decimal point (or the locale's comma), up to six decimals.
const QRegularExpression &pricePattern()
{
    static const QRegularExpression re(QStringLiteral("^\\d{1,4}([.,]\\d{1,6})?$"));
    return re;
}

struct Region
{
    QString code; // ISO 3166 alpha-2
    QString name;
};

// Every ISO 3166 region Qt's locale data names, by name.
const QList<Region> &regions()
{
    static const QList<Region> list = [] {
        QList<Region> out;
        QSet<QString> seen;
        for (int t = 1; t <= int(QLocale::LastTerritory); ++t) {
            const auto territory = QLocale::Territory(t);
            const QString code = QLocale::territoryToCode(territory);
            if (code.size() != 2 || !code.at(0).isLetter() || !code.at(1).isLetter() || seen.contains(code))
                continue;
            seen.insert(code);
            out.append({code, QLocale::territoryToString(territory)});
        }
        std::sort(out.begin(), out.end(), [](const Region &a, const Region &b) { return a.name.localeAwareCompare(b.name) < 0; });
        return out;
    }();
    return list;
}

QString regionLabel(const QString &code)
{
    for (const Region &r : regions())
        if (r.code == code)
            return QStringLiteral("%1 (%2)").arg(r.name, code);
    return code;
}

QString kindLabel(const QString &kind)
{
    if (kind == QLatin1String("toll-free"))
        return SmsSettings::tr("Toll-free");
    if (kind == QLatin1String("short-code"))
        return SmsSettings::tr("Short code");
    if (kind == QLatin1String("service"))
        return SmsSettings::tr("Messaging Service");
    return SmsSettings::tr("Long code");
}

// What is typed, without the spaces, dashes, dots and brackets people write numbers with.
QString compactAddress(const QString &text)
{
    QString out;
    for (const QChar c : text.trimmed())
        if (!c.isSpace() && c != u'-' && c != u'.' && c != u'(' && c != u')')
            out += c;
    return out;
}

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
    return l;
}

// A field with what is said about it right under it, closer to it than the next field is.
QWidget *stacked(QWidget *parent, std::initializer_list<QObject *> parts)
{
    auto *box = new QWidget(parent);
    auto *v = new QVBoxLayout(box);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(4);
    for (QObject *part : parts) {
        if (auto *w = qobject_cast<QWidget *>(part))
            v->addWidget(w);
        else if (auto *l = qobject_cast<QLayout *>(part))
            v->addLayout(l);
    }
    v->addStretch(1); // any height the form gives beyond what the parts need goes below them
    return box;
}

using Price = analytics::SmsPrices::Row;

// Twilio's answer for the account. The network manager is the request's own, deleted once the answer
// is in: the page may close, or the test be cancelled, while Twilio is still being asked.
QCoro::Task<Result<QString>> askAccountName(channels::twilio::TwilioConfig config)
{
    auto *network = new QNetworkAccessManager;
    channels::twilio::TwilioClient client(network, std::move(config));
    QCoro::Task<Result<QString>> asking = client.accountName();
    Result<QString> name = co_await std::move(asking);
    network->deleteLater();
    co_return name;
}

QString priceForDisplay(const QString &stored)
{
    QString shown = stored;
    return shown.replace(u'.', QLocale().decimalPoint());
}

} // namespace

// ---------------------------------------------------------------------------------------------
// SmsSenderDialog

SmsSenderDialog::SmsSenderDialog(AppSession &session, const campaigns::SenderMailbox *existing, QWidget *parent)
    : QDialog(parent), m_session(session)
{
    setObjectName(QStringLiteral("smsSenderDialog"));
    setWindowTitle(existing ? tr("Change Sending Number") : tr("Add Sending Number"));
    setMinimumWidth(460);
    auto *form = new QFormLayout(this);
    m_address = new QLineEdit(this);
    m_address->setObjectName(QStringLiteral("smsSenderAddress"));
    m_address->setPlaceholderText(tr("+15551234567, a short code, or MG… for a Messaging Service"));
    form->addRow(tr("Number or service:"), m_address);
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("smsSenderKind"));
    for (const char *kind : {"long-code", "toll-free", "short-code", "service"})
        m_kind->addItem(kindLabel(QLatin1String(kind)), QLatin1String(kind));
    form->addRow(tr("Kind:"), m_kind);
    const auto spin = [this](const char *name, int max, int value) {
        auto *s = new QSpinBox(this);
        s->setObjectName(QLatin1String(name));
        s->setRange(1, max);
        s->setValue(value);
        s->setGroupSeparatorShown(true);
        return s;
    };
    const campaigns::SenderPacer::Limits defaults;
    m_perSecond = spin("smsSenderPerSecond", 1000, campaigns::SenderStore::smsPerSecond(QStringLiteral("long-code")));
    m_perDay = spin("smsSenderPerDay", 10'000'000, defaults.perDay);
    m_concurrency = spin("smsSenderConcurrency", 32, defaults.concurrency);
    form->addRow(tr("Messages a second:"), m_perSecond);
    form->addRow(tr("Messages a day:"), m_perDay);
    form->addRow(tr("Requests at once:"), m_concurrency);
    form->addRow(noteLabel(tr("Twilio sends 1 message a second from a long code, 3 from a toll-free number and 100 from a short "
                              "code; a Messaging Service as many as its numbers together. Faster than your number allows, "
                              "texts wait in Twilio's queue and may expire."),
                           this));
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("smsSenderError"));
    m_error->setWordWrap(true);
    m_error->setProperty("role", QStringLiteral("error"));
    m_error->hide();
    form->addRow(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_save = buttons->button(QDialogButtonBox::Save);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &SmsSenderDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    if (existing) {
        m_setting = true;
        m_address->setText(existing->address);
        m_address->setReadOnly(true);
        m_kind->setCurrentIndex(std::max(0, m_kind->findData(existing->kind)));
        m_perSecond->setValue(std::max(1, existing->limits.perSecond));
        m_perDay->setValue(existing->limits.perDay);
        m_concurrency->setValue(existing->limits.concurrency);
        m_setting = false;
        m_kindChosen = m_perSecondChosen = true;
    }
    connect(m_address, &QLineEdit::textEdited, this, &SmsSenderDialog::followAddress);
    connect(m_kind, &QComboBox::activated, this, [this] {
        m_kindChosen = true;
        followKind();
    });
    connect(m_perSecond, &QSpinBox::valueChanged, this, [this] {
        if (!m_setting)
            m_perSecondChosen = true;
    });
}

void SmsSenderDialog::followAddress()
{
    m_error->hide();
    if (m_kindChosen)
        return;
    const QString kind = campaigns::SenderStore::smsKind(compactAddress(m_address->text()));
    m_setting = true;
    m_kind->setCurrentIndex(std::max(0, m_kind->findData(kind)));
    m_setting = false;
    followKind();
}

void SmsSenderDialog::followKind()
{
    if (m_perSecondChosen)
        return;
    m_setting = true;
    m_perSecond->setValue(campaigns::SenderStore::smsPerSecond(m_kind->currentData().toString()));
    m_setting = false;
}

void SmsSenderDialog::save()
{
    if (!m_session.hasDatabase())
        return;
    const QString address = compactAddress(m_address->text());
    const QString kind = m_kind->currentData().toString();
    const int perSecond = m_perSecond->value();
    const campaigns::SenderPacer::Limits limits(m_concurrency->value(), perSecond * 60, m_perDay->value(), perSecond);
    m_save->setEnabled(false);
    runOnDatabase<Result<campaigns::SenderMailbox>>(
        this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadWrite,
        [address, limits, kind](QSqlDatabase &db) { return campaigns::SenderStore(db, QStringLiteral("sms")).save(address, limits, kind); },
        [this](const Result<campaigns::SenderMailbox> &saved) {
            m_save->setEnabled(true);
            if (!saved) {
                m_error->setText(saved.error().message);
                m_error->show();
                adjustSize(); // room for the reason
                Q_EMIT refused();
                return;
            }
            accept();
        });
}

// ---------------------------------------------------------------------------------------------
// SmsSettings

SmsSettings::SmsSettings(AppSession &session, QWidget *parent) : QWidget(parent), m_session(session)
{
    setObjectName(QStringLiteral("smsSettings"));
    const ScrollPage page = makeScrollPage(this);
    QWidget *content = page.content;
    QVBoxLayout *layout = page.layout;
    Settings &settings = m_session.settings();

    // --- Twilio account
    auto *account = new QGroupBox(tr("Twilio account"), content);
    auto *accountForm = new QFormLayout(account);
    accountForm->addRow(noteLabel(tr("Texts go out through your Twilio account. The Account SID and the API key SID are saved in "
                                     "this database, so a teammate who opens it has them; the Auth Token or the key's secret "
                                     "stays in your keychain."),
                                  account));
    m_accountSid = new QLineEdit(account);
    m_accountSid->setObjectName(QStringLiteral("twilioAccountSid"));
    m_accountSid->setPlaceholderText(tr("AC followed by 32 letters and digits, from the Twilio Console"));
    m_accountSid->setMaxLength(64);
    accountForm->addRow(tr("Account SID:"), m_accountSid);
    m_accountSidError = statusLabel(account, "twilioAccountSidError");
    m_accountSidError->setProperty("role", QStringLiteral("error"));
    m_accountSidError->hide();
    accountForm->addRow(QString(), m_accountSidError);
    connect(m_accountSid, &QLineEdit::editingFinished, this, &SmsSettings::saveAccountSid);
    connect(m_accountSid, &QLineEdit::textEdited, this, [this] {
        // The message goes as soon as what is typed is right; it comes back only when editing ends.
        if (m_accountSidError->isVisible() && accountSidPattern().match(m_accountSid->text().trimmed()).hasMatch())
            m_accountSidError->hide();
    });

    m_apiKeySid = new QLineEdit(account);
    m_apiKeySid->setObjectName(QStringLiteral("twilioApiKeySid"));
    m_apiKeySid->setPlaceholderText(tr("Optional: SK…, an API key of this account"));
    m_apiKeySid->setMaxLength(64);
    accountForm->addRow(tr("API key SID:"), m_apiKeySid);
    m_apiKeySidError = statusLabel(account, "twilioApiKeySidError");
    m_apiKeySidError->setProperty("role", QStringLiteral("error"));
    m_apiKeySidError->hide();
    accountForm->addRow(QString(), m_apiKeySidError);
    connect(m_apiKeySid, &QLineEdit::editingFinished, this, &SmsSettings::saveApiKeySid);

    auto *secretRow = new QHBoxLayout;
    m_secret = new QLineEdit(account);
    m_secret->setObjectName(QStringLiteral("twilioSecret"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_saveSecret = new QPushButton(Theme::icon(QStringLiteral("key")), tr("Save in Keychain"), account);
    m_saveSecret->setObjectName(QStringLiteral("twilioSaveSecret"));
    m_removeSecret = new QPushButton(Theme::icon(QStringLiteral("trash")), tr("Remove"), account);
    m_removeSecret->setObjectName(QStringLiteral("twilioRemoveSecret"));
    m_removeSecret->setToolTip(tr("Removes the secret from the keychain: no text can go out until another is saved."));
    m_removeSecret->hide();
    secretRow->addWidget(m_secret, 1);
    secretRow->addWidget(m_saveSecret);
    secretRow->addWidget(m_removeSecret);
    m_secretLabel = new QLabel(account);
    accountForm->addRow(m_secretLabel, secretRow);
    m_secretStatus = statusLabel(account, "twilioSecretStatus");
    accountForm->addRow(QString(), m_secretStatus);
    connect(m_saveSecret, &QPushButton::clicked, this, [this] { saveSecret(m_secret->text()); });
    connect(m_secret, &QLineEdit::returnPressed, this, [this] { saveSecret(m_secret->text()); });
    connect(m_removeSecret, &QPushButton::clicked, this, [this] {
        if (Dialogs::question(this, tr("Remove Secret"),
                              tr("Remove the saved secret from the keychain? Texts cannot go out until another one is saved."),
                              QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
            == QMessageBox::Yes)
            removeSecret();
    });

    // The API's address: for tests, proxies and Twilio's regional edges, so it stays folded away.
    m_advanced = new QToolButton(account);
    m_advanced->setObjectName(QStringLiteral("twilioAdvanced"));
    m_advanced->setText(tr("Advanced"));
    m_advanced->setCheckable(true);
    m_advanced->setArrowType(Qt::RightArrow);
    m_advanced->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_advanced->setAutoRaise(true);
    accountForm->addRow(m_advanced);
    m_baseUrl = new QLineEdit(account);
    m_baseUrl->setObjectName(QStringLiteral("twilioBaseUrl"));
    m_baseUrl->setPlaceholderText(Settings::defaultValue(Settings::Key::TwilioBaseUrl).toString());
    accountForm->addRow(tr("API address:"), m_baseUrl);
    accountForm->setRowVisible(m_baseUrl, false);
    connect(m_advanced, &QToolButton::toggled, this, [this, accountForm](bool open) {
        m_advanced->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
        accountForm->setRowVisible(m_baseUrl, open);
    });
    connect(m_baseUrl, &QLineEdit::editingFinished, this, [this] {
        const QString text = m_baseUrl->text().trimmed();
        const QUrl parsed(text, QUrl::StrictMode);
        if (!text.isEmpty()
            && (!parsed.isValid() || parsed.host().isEmpty()
                || (parsed.scheme() != QLatin1String("https") && parsed.scheme() != QLatin1String("http")))) {
            m_baseUrl->setStyleSheet(QStringLiteral("border-color: %1").arg(Theme::color("danger").name()));
            m_baseUrl->setToolTip(tr("Not a web address: it must start with https://"));
            return;
        }
        m_baseUrl->setStyleSheet({});
        m_baseUrl->setToolTip({});
        if (text.isEmpty())
            m_session.settings().reset(Settings::Key::TwilioBaseUrl);
        else if (m_session.settings().value(Settings::Key::TwilioBaseUrl).toString() != text)
            m_session.settings().setValue(Settings::Key::TwilioBaseUrl, text);
    });

    auto *testRow = new QHBoxLayout;
    m_test = new QPushButton(Theme::icon(QStringLiteral("play")), tr("Test Connection"), account);
    m_test->setObjectName(QStringLiteral("twilioTest"));
    m_cancelTest = new QPushButton(tr("Cancel"), account);
    m_cancelTest->setObjectName(QStringLiteral("twilioCancelTest"));
    m_cancelTest->hide();
    testRow->addWidget(m_test);
    testRow->addWidget(m_cancelTest);
    testRow->addStretch(1);
    accountForm->addRow(QString(), testRow);
    m_connectionStatus = statusLabel(account, "twilioConnectionStatus");
    m_connectionStatus->hide();
    accountForm->addRow(QString(), m_connectionStatus);
    connect(m_test, &QPushButton::clicked, this, &SmsSettings::testConnection);
    connect(m_cancelTest, &QPushButton::clicked, this, &SmsSettings::cancelTest);
    layout->addWidget(account);

    // --- Sending numbers
    auto *senders = new QGroupBox(tr("Sending numbers"), content);
    auto *sendersLayout = new QVBoxLayout(senders);
    m_senders = new QTableWidget(0, 5, senders);
    m_senders->setObjectName(QStringLiteral("smsSendersTable"));
    m_senders->setHorizontalHeaderLabels({tr("Number or service"), tr("Kind"), tr("A second"), tr("A day"), tr("At once")});
    m_senders->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int c = 1; c < 5; ++c)
        m_senders->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_senders->verticalHeader()->hide();
    m_senders->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_senders->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_senders->setSelectionMode(QAbstractItemView::SingleSelection);
    m_senders->setMinimumHeight(120);
    sendersLayout->addWidget(m_senders);
    auto *sendersRow = new QHBoxLayout;
    auto *addSender = new QPushButton(Theme::icon(QStringLiteral("new")), tr("Add…"), senders);
    addSender->setObjectName(QStringLiteral("smsAddSender"));
    m_editSender = new QPushButton(Theme::icon(QStringLiteral("edit")), tr("Edit…"), senders);
    m_editSender->setObjectName(QStringLiteral("smsEditSender"));
    m_removeSender = new QPushButton(Theme::icon(QStringLiteral("trash")), tr("Remove"), senders);
    m_removeSender->setObjectName(QStringLiteral("smsRemoveSender"));
    sendersRow->addWidget(addSender);
    sendersRow->addWidget(m_editSender);
    sendersRow->addWidget(m_removeSender);
    sendersRow->addStretch(1);
    sendersLayout->addLayout(sendersRow);
    sendersLayout->addWidget(noteLabel(tr("A campaign texts from one of these: a number of your Twilio account, a short code, or a "
                                          "Messaging Service (MG…) that picks a number from its pool. Each keeps to its own pace."),
                                       senders));
    m_writers << addSender;
    layout->addWidget(senders);
    connect(addSender, &QPushButton::clicked, this, [this] { openSenderDialog(false); });
    connect(m_editSender, &QPushButton::clicked, this, [this] { openSenderDialog(true); });
    connect(m_senders, &QTableWidget::cellDoubleClicked, this, [this] {
        if (writable())
            openSenderDialog(true);
    });
    connect(m_removeSender, &QPushButton::clicked, this, [this] {
        const int row = m_senders->currentRow();
        if (row < 0 || row >= m_senderRows.size())
            return;
        if (Dialogs::question(this, tr("Remove Sending Number"),
                              tr("Remove %1 from the sending numbers? Nothing changes at Twilio.").arg(m_senderRows.at(row).address),
                              QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
            == QMessageBox::Yes)
            removeSelectedSender();
    });
    const auto senderButtons = [this] {
        const bool selected = m_senders->currentRow() >= 0 && !m_senders->selectedItems().isEmpty();
        m_editSender->setEnabled(selected && writable());
        m_removeSender->setEnabled(selected && writable());
    };
    connect(m_senders, &QTableWidget::itemSelectionChanged, this, senderButtons);
    connect(this, &SmsSettings::sendersLoaded, this, senderButtons);
    senderButtons();

    // --- Quiet hours
    auto *quiet = new QGroupBox(tr("Quiet hours"), content);
    auto *quietLayout = new QVBoxLayout(quiet);
    quietLayout->setSpacing(6);
    auto *windowRow = new QHBoxLayout;
    m_quietStart = new QTimeEdit(quiet);
    m_quietStart->setObjectName(QStringLiteral("smsQuietStart"));
    m_quietEnd = new QTimeEdit(quiet);
    m_quietEnd->setObjectName(QStringLiteral("smsQuietEnd"));
    for (QTimeEdit *edit : {m_quietStart, m_quietEnd}) {
        edit->setDisplayFormat(QStringLiteral("HH:mm"));
        edit->setMinimumWidth(90);
        m_writers << edit;
    }
    windowRow->addWidget(new QLabel(tr("Texts go out from"), quiet));
    windowRow->addWidget(m_quietStart);
    windowRow->addWidget(new QLabel(tr("to"), quiet));
    windowRow->addWidget(m_quietEnd);
    windowRow->addStretch(1);
    m_quietStatus = statusLabel(quiet, "smsQuietStatus");
    m_quietStatus->hide();
    QLabel *windowNote = noteLabel(tr("No marketing text ever goes outside this window in the recipient's local time: the time "
                                      "zone of their contact, else of their number (the narrowest window where an area code spans "
                                      "several). Texts due outside it wait until it opens. US law (TCPA) allows 08:00 to 21:00."),
                                   quiet);
    quietLayout->addLayout(windowRow);
    quietLayout->addWidget(m_quietStatus);
    quietLayout->addWidget(windowNote);
    quietLayout->addSpacing(6);
    connect(m_quietStart, &QTimeEdit::timeChanged, this, &SmsSettings::saveQuietHours);
    connect(m_quietEnd, &QTimeEdit::timeChanged, this, &SmsSettings::saveQuietHours);
    m_stateRules = new QCheckBox(tr("Apply the stricter state windows"), quiet);
    m_stateRules->setObjectName(QStringLiteral("smsStateRules"));
    const QString stateNote = tr("Some US states allow fewer hours (Florida, Oklahoma and Maryland: 08:00 to 20:00) or no texts "
                                 "on Sundays and holidays (Alabama, Louisiana, Mississippi). docs/sms.md lists every rule with "
                                 "its source.");
    m_stateRules->setToolTip(stateNote);
    quietLayout->addWidget(m_stateRules);
    quietLayout->addWidget(noteLabel(stateNote, quiet));
    m_writers << m_stateRules;
    connect(m_stateRules, &QCheckBox::toggled, this, [this](bool on) {
        if (!m_loading)
            m_session.settings().setValue(Settings::Key::SmsStateRules, on);
    });
    layout->addWidget(quiet);

    // --- What every text says
    auto *texts = new QGroupBox(tr("Texts"), content);
    auto *textsForm = new QFormLayout(texts);
    m_senderName = new QLineEdit(texts);
    m_senderName->setObjectName(QStringLiteral("smsSenderName"));
    m_senderName->setPlaceholderText(tr("Acme Coffee"));
    m_senderName->setMaxLength(40);
    textsForm->addRow(tr("Sender's name:"), stacked(texts, {m_senderName, noteLabel(tr("Every marketing text starts with it, as the "
                                                                                       "carriers' rules (CTIA) ask: “Acme Coffee: 20% "
                                                                                       "off this weekend…”."),
                                                                                    texts)}));
    connect(m_senderName, &QLineEdit::editingFinished, this, [this] {
        const QString text = m_senderName->text().trimmed();
        if (!m_loading && text != m_session.settings().smsSenderName())
            m_session.settings().setValue(Settings::Key::SmsSenderName, text);
    });
    m_helpText = new QPlainTextEdit(texts);
    m_helpText->setObjectName(QStringLiteral("smsHelpText"));
    m_helpText->setPlaceholderText(tr("Acme Coffee: questions? help@acme.example or +1 555 010 0100. Msg & data rates may apply. "
                                      "Reply STOP to opt out."));
    m_helpText->setTabChangesFocus(true);
    m_helpText->setFixedHeight(m_helpText->fontMetrics().lineSpacing() * 3 + 16);
    m_helpCount = statusLabel(texts, "smsHelpCount");
    QLabel *helpNote = noteLabel(tr("lux-tracker answers HELP and INFO with it, from a copy of its own: give it the same text in "
                                    "its sms_help_text setting, only if Twilio's own HELP reply is off, or people get two "
                                    "(docs/tracker.md)."),
                                 texts);
    textsForm->addRow(tr("HELP answer:"), stacked(texts, {m_helpText, m_helpCount, helpNote}));
    m_helpSave = new QTimer(this);
    m_helpSave->setSingleShot(true);
    m_helpSave->setInterval(600);
    connect(m_helpSave, &QTimer::timeout, this, &SmsSettings::saveHelpText);
    connect(m_helpText, &QPlainTextEdit::textChanged, this, [this] {
        const sms::SegmentCount count = sms::Segments::count(m_helpText->toPlainText().trimmed());
        m_helpCount->setText(count.segments == 0 ? QString()
                                                 : tr("Characters: %1 · Parts: %2 · %3")
                                                       .arg(QLocale().toString(count.characters))
                                                       .arg(count.segments)
                                                       .arg(count.encodingName()));
        if (!m_loading)
            m_helpSave->start();
    });
    m_region = new QComboBox(texts);
    m_region->setObjectName(QStringLiteral("smsDefaultRegion"));
    for (const Region &r : regions())
        m_region->addItem(QStringLiteral("%1 (%2)").arg(r.name, r.code), r.code);
    m_region->setMaxVisibleItems(16);
    textsForm->addRow(tr("Default country:"), stacked(texts, {m_region, noteLabel(tr("The country a number is read in when it is "
                                                                                     "written without + and a country code, in "
                                                                                     "imports and the contact editor."),
                                                                                  texts)}));
    connect(m_region, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_loading)
            m_session.settings().setValue(Settings::Key::SmsDefaultRegion, m_region->currentData());
    });
    m_writers << m_senderName << m_helpText << m_region;
    layout->addWidget(texts);

    // --- Prices
    auto *prices = new QGroupBox(tr("Prices"), content);
    auto *pricesLayout = new QVBoxLayout(prices);
    pricesLayout->addWidget(noteLabel(tr("What one segment costs, by the destination country: estimates for the campaign wizard's "
                                         "cost estimate, not what Twilio bills. Change them to your account's prices."),
                                      prices));
    m_prices = new QTableWidget(0, 3, prices);
    m_prices->setObjectName(QStringLiteral("smsPricesTable"));
    m_prices->setHorizontalHeaderLabels({tr("Country"), tr("A segment"), tr("Currency")});
    m_prices->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_prices->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_prices->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_prices->verticalHeader()->hide();
    m_prices->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_prices->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed | QAbstractItemView::AnyKeyPressed);
    m_prices->setMinimumHeight(180);
    m_prices->setToolTip(tr("Double-click a price or a currency to change it."));
    pricesLayout->addWidget(m_prices);
    auto *pricesRow = new QHBoxLayout;
    auto *addPriceButton = new QPushButton(Theme::icon(QStringLiteral("new")), tr("Add Country…"), prices);
    addPriceButton->setObjectName(QStringLiteral("smsAddPrice"));
    m_removePrice = new QPushButton(Theme::icon(QStringLiteral("trash")), tr("Remove"), prices);
    m_removePrice->setObjectName(QStringLiteral("smsRemovePrice"));
    m_removePrice->setEnabled(false);
    pricesRow->addWidget(addPriceButton);
    pricesRow->addWidget(m_removePrice);
    pricesRow->addStretch(1);
    pricesLayout->addLayout(pricesRow);
    m_pricesStatus = statusLabel(prices, "smsPricesStatus");
    m_pricesStatus->hide();
    pricesLayout->addWidget(m_pricesStatus);
    m_writers << addPriceButton;
    connect(addPriceButton, &QPushButton::clicked, this, &SmsSettings::openPriceDialog);
    connect(m_removePrice, &QPushButton::clicked, this, &SmsSettings::removeSelectedPrices);
    connect(m_prices, &QTableWidget::itemSelectionChanged, this,
            [this] { m_removePrice->setEnabled(writable() && !m_prices->selectedItems().isEmpty()); });
    connect(m_prices, &QTableWidget::cellChanged, this, &SmsSettings::priceEdited);
    layout->addWidget(prices);
    layout->addStretch(1);

    refresh();
    connect(&m_session, &AppSession::databaseChanged, this, &SmsSettings::refresh);
    connect(&settings, &Settings::saveFailed, this, [this](Settings::Key key, const Error &error) {
        if (key == Settings::Key::TwilioAccountSid) {
            setStatus(m_accountSidError, QStringLiteral("error"), error.message);
            m_accountSidError->show();
        }
    });
}

SmsSettings::~SmsSettings()
{
    // Typed just before the dialog closed: kept all the same.
    if (m_helpSave->isActive())
        saveHelpText();
}

bool SmsSettings::writable() const
{
    return m_session.hasDatabase() && !m_session.database()->isReadOnly();
}

void SmsSettings::refresh()
{
    const Settings &settings = m_session.settings();
    ++m_database;
    m_loading = true;
    m_accountSid->setText(settings.twilioAccountSid());
    m_accountSidError->hide();
    m_apiKeySid->setText(settings.twilioApiKeySid());
    m_apiKeySidError->hide();
    const QString base = settings.value(Settings::Key::TwilioBaseUrl).toString();
    m_baseUrl->setText(base == Settings::defaultValue(Settings::Key::TwilioBaseUrl).toString() ? QString() : base);
    m_baseUrl->setStyleSheet({});
    // A changed address is worth seeing: the page opens with it unfolded.
    m_advanced->setChecked(!m_baseUrl->text().isEmpty());
    m_quietStart->setTime(QTime(0, 0).addSecs(settings.smsQuietStartMinutes() * 60));
    m_quietEnd->setTime(QTime(0, 0).addSecs(settings.smsQuietEndMinutes() * 60));
    m_quietStatus->hide();
    m_stateRules->setChecked(settings.smsStateRules());
    m_senderName->setText(settings.smsSenderName());
    m_helpText->setPlainText(settings.smsHelpText());
    const int region = m_region->findData(settings.smsDefaultRegion());
    m_region->setCurrentIndex(region >= 0 ? region : m_region->findData(QStringLiteral("US")));
    m_loading = false;
    m_helpSave->stop();
    m_connectionStatus->hide();
    const bool canWrite = writable();
    for (QWidget *w : std::as_const(m_writers))
        w->setEnabled(canWrite);
    m_prices->setEditTriggers(canWrite
                                  ? QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed | QAbstractItemView::AnyKeyPressed
                                  : QAbstractItemView::EditTriggers(QAbstractItemView::NoEditTriggers));
    showSecretMode();
    checkSecret();
    loadSenders();
    loadPrices();
}

void SmsSettings::setStatus(QLabel *label, const QString &role, const QString &text)
{
    label->setProperty("role", role);
    label->setText(text);
    label->setVisible(!text.isEmpty());
    label->style()->unpolish(label);
    label->style()->polish(label);
    Q_EMIT checked();
}

// ---- Account and secret

void SmsSettings::saveAccountSid()
{
    const QString text = m_accountSid->text().trimmed();
    if (!text.isEmpty() && !accountSidPattern().match(text).hasMatch()) {
        setStatus(m_accountSidError, QStringLiteral("error"),
                  text.startsWith(QLatin1String("SK"), Qt::CaseInsensitive)
                      ? tr("That is an API key SID: it goes in the field below. The Account SID starts with AC.")
                      : tr("An Account SID is AC followed by 32 letters a–f and digits (34 characters); it is on the Twilio "
                           "Console's home page. Nothing was saved."));
        return;
    }
    m_accountSidError->hide();
    m_accountSid->setText(text);
    if (text != m_session.settings().twilioAccountSid())
        m_session.settings().setValue(Settings::Key::TwilioAccountSid, text);
}

void SmsSettings::saveApiKeySid()
{
    const QString text = m_apiKeySid->text().trimmed();
    if (!text.isEmpty() && !apiKeySidPattern().match(text).hasMatch()) {
        setStatus(m_apiKeySidError, QStringLiteral("error"),
                  tr("An API key SID is SK followed by 32 letters a–f and digits (34 characters). Leave it empty to use the "
                     "Auth Token. Nothing was saved."));
        return;
    }
    m_apiKeySidError->hide();
    m_apiKeySid->setText(text);
    if (text == m_session.settings().twilioApiKeySid())
        return;
    m_session.settings().setValue(Settings::Key::TwilioApiKeySid, text);
    // The other secret is the one that counts now.
    showSecretMode();
    checkSecret();
    m_session.restartScheduler();
}

void SmsSettings::showSecretMode()
{
    const bool apiKey = !m_session.settings().twilioApiKeySid().isEmpty();
    m_secretLabel->setText(apiKey ? tr("API key secret:") : tr("Auth Token:"));
    m_secret->setPlaceholderText(apiKey ? tr("Paste the API key's secret") : tr("Paste the Auth Token from the Twilio Console"));
}

void SmsSettings::saveSecret(const QString &secret)
{
    const QString value = secret.trimmed();
    if (value.isEmpty())
        return;
    const bool apiKey = !m_session.settings().twilioApiKeySid().isEmpty();
    static const QRegularExpression token(QStringLiteral("^[0-9a-fA-F]{32}$"));
    static const QRegularExpression keySecret(QStringLiteral("^[0-9A-Za-z]{32}$"));
    if (!(apiKey ? keySecret : token).match(value).hasMatch()) {
        setStatus(m_secretStatus, QStringLiteral("error"),
                  apiKey ? tr("An API key's secret is 32 letters and digits, shown once when the key is made. Nothing was saved.")
                         : tr("An Auth Token is 32 letters a–f and digits: copy it whole from the Twilio Console. Nothing was "
                              "saved."));
        return;
    }
    setStatus(m_secretStatus, QStringLiteral("muted"), tr("Saving…"));
    const Secret which = apiKey ? Secret::TwilioApiKeySecret : Secret::TwilioAuthToken;
    QCoro::connect(m_session.secrets().write(which, value), this, [this, apiKey](const Status &s) {
        if (!s) {
            setStatus(m_secretStatus, QStringLiteral("error"), tr("The secret was not saved: %1").arg(s.error().message));
            return;
        }
        m_secret->clear();
        m_session.restartScheduler(); // it reads the new secret
        setStatus(m_secretStatus, QStringLiteral("success"),
                  apiKey ? tr("The API key's secret is saved in the keychain.") : tr("The Auth Token is saved in the keychain."));
        m_removeSecret->show();
        m_secret->setPlaceholderText(tr("Saved; paste to replace"));
    });
}

void SmsSettings::removeSecret()
{
    const Secret which = m_session.settings().twilioApiKeySid().isEmpty() ? Secret::TwilioAuthToken : Secret::TwilioApiKeySecret;
    QCoro::connect(m_session.secrets().remove(which), this, [this](const Status &s) {
        if (!s && s.error().code != errc::secretsNotFound) {
            setStatus(m_secretStatus, QStringLiteral("error"), tr("The secret was not removed: %1").arg(s.error().message));
            return;
        }
        m_session.restartScheduler();
        checkSecret();
    });
}

void SmsSettings::checkSecret()
{
    const bool apiKey = !m_session.settings().twilioApiKeySid().isEmpty();
    const Secret which = apiKey ? Secret::TwilioApiKeySecret : Secret::TwilioAuthToken;
    setStatus(m_secretStatus, QStringLiteral("muted"), tr("Looking in the keychain…"));
    QCoro::connect(m_session.secrets().read(which), this, [this, apiKey](const Result<QString> &secret) {
        // The API key SID changed while the keychain was read: the newer look decides.
        if (apiKey != !m_session.settings().twilioApiKeySid().isEmpty())
            return;
        m_removeSecret->setVisible(bool(secret) && writable());
        showSecretMode();
        if (secret) {
            m_secret->setPlaceholderText(tr("Saved; paste to replace"));
            setStatus(m_secretStatus, QStringLiteral("success"),
                      apiKey ? tr("The API key's secret is saved in the keychain.") : tr("The Auth Token is saved in the keychain."));
        } else if (secret.error().code == errc::secretsNotFound) {
            setStatus(m_secretStatus, QStringLiteral("warning"),
                      apiKey ? tr("No secret for this API key saved yet: texts cannot go out.")
                             : tr("No Auth Token saved yet: texts cannot go out."));
        } else {
            setStatus(m_secretStatus, QStringLiteral("warning"), tr("The keychain cannot be read: %1").arg(secret.error().message));
        }
    });
}

// ---- Test Connection

void SmsSettings::setTesting(bool on)
{
    m_testing = on;
    m_test->setEnabled(!on);
    m_test->setText(on ? tr("Testing…") : tr("Test Connection"));
    m_cancelTest->setVisible(on);
}

void SmsSettings::testConnection()
{
    if (m_testing)
        return;
    const QString sid = m_accountSid->text().trimmed();
    if (!accountSidPattern().match(sid).hasMatch()) {
        setStatus(m_connectionStatus, QStringLiteral("error"), tr("Enter the Account SID (AC…) first."));
        return;
    }
    channels::twilio::TwilioConfig config;
    config.accountSid = sid;
    const QString keySid = m_apiKeySid->text().trimmed();
    if (apiKeySidPattern().match(keySid).hasMatch())
        config.apiKeySid = keySid;
    const QString base = m_baseUrl->text().trimmed();
    config.baseUrl = base.isEmpty() ? m_session.settings().twilioBaseUrl() : QUrl(base);
    config.timeoutMs = 20'000;
    const int run = ++m_testRun;
    setTesting(true);
    setStatus(m_connectionStatus, QStringLiteral("muted"), tr("Asking Twilio…"));

    const auto ask = [this, run](channels::twilio::TwilioConfig withSecret) {
        QCoro::connect(askAccountName(std::move(withSecret)), this, [this, run](const Result<QString> &name) {
            if (run != m_testRun)
                return; // cancelled, or a newer test runs
            setTesting(false);
            if (!name)
                setStatus(m_connectionStatus, QStringLiteral("error"), name.error().message);
            else if (name->isEmpty())
                setStatus(m_connectionStatus, QStringLiteral("success"), tr("Twilio accepts the account and its secret."));
            else
                setStatus(m_connectionStatus, QStringLiteral("success"), tr("Connected to the Twilio account “%1”.").arg(*name));
        });
    };
    // What was typed and not saved yet is what the user means to check; else the keychain's.
    const QString typed = m_secret->text().trimmed();
    if (!typed.isEmpty()) {
        config.secret = typed;
        ask(config);
        return;
    }
    const Secret which = config.apiKeySid.isEmpty() ? Secret::TwilioAuthToken : Secret::TwilioApiKeySecret;
    QCoro::connect(m_session.secrets().read(which), this, [this, run, config, ask](const Result<QString> &secret) {
        if (run != m_testRun)
            return;
        if (!secret) {
            setTesting(false);
            setStatus(m_connectionStatus, QStringLiteral("error"),
                      secret.error().code == errc::secretsNotFound
                          ? (config.apiKeySid.isEmpty() ? tr("No Auth Token in the keychain: paste it above first.")
                                                        : tr("No secret for the API key in the keychain: paste it above first."))
                          : tr("The keychain cannot be read: %1").arg(secret.error().message));
            return;
        }
        channels::twilio::TwilioConfig withSecret = config;
        withSecret.secret = *secret;
        ask(withSecret);
    });
}

void SmsSettings::cancelTest()
{
    if (!m_testing)
        return;
    ++m_testRun; // the answer, when it comes, is dropped
    setTesting(false);
    setStatus(m_connectionStatus, QStringLiteral("muted"), tr("Test cancelled."));
}

// ---- Sending numbers

void SmsSettings::loadSenders()
{
    if (!m_session.hasDatabase())
        return;
    runOnDatabase<Result<QList<campaigns::SenderMailbox>>>(
        this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadOnly,
        [](QSqlDatabase &db) -> Result<QList<campaigns::SenderMailbox>> {
            return campaigns::SenderStore(db, QStringLiteral("sms")).list();
        },
        [this, database = m_database](const Result<QList<campaigns::SenderMailbox>> &list) {
            if (!list || database != m_database)
                return;
            const QString selected = m_senders->currentRow() >= 0 && m_senders->currentRow() < m_senderRows.size()
                                         ? m_senderRows.at(m_senders->currentRow()).address
                                         : QString();
            m_senderRows = *list;
            const QLocale locale;
            m_senders->clearSelection();
            m_senders->setRowCount(int(m_senderRows.size()));
            for (int r = 0; r < m_senderRows.size(); ++r) {
                const campaigns::SenderMailbox &s = m_senderRows.at(r);
                m_senders->setItem(r, 0, new QTableWidgetItem(s.address));
                m_senders->setItem(r, 1, new QTableWidgetItem(kindLabel(s.kind)));
                const int values[] = {s.limits.perSecond, s.limits.perDay, s.limits.concurrency};
                for (int c = 0; c < 3; ++c) {
                    auto *item = new QTableWidgetItem(locale.toString(values[c]));
                    item->setData(Qt::UserRole, values[c]);
                    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                    m_senders->setItem(r, c + 2, item);
                }
                if (s.address == selected)
                    m_senders->selectRow(r);
            }
            Q_EMIT sendersLoaded();
        });
}

SmsSenderDialog *SmsSettings::openSenderDialog(bool changeSelected)
{
    if (!writable())
        return nullptr;
    const int row = m_senders->currentRow();
    const campaigns::SenderMailbox *existing = changeSelected && row >= 0 && row < m_senderRows.size() ? &m_senderRows.at(row) : nullptr;
    if (changeSelected && !existing)
        return nullptr;
    auto *dialog = new SmsSenderDialog(m_session, existing, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, &SmsSettings::loadSenders);
    dialog->open();
    return dialog;
}

void SmsSettings::removeSelectedSender()
{
    const int row = m_senders->currentRow();
    if (row < 0 || row >= m_senderRows.size() || !writable())
        return;
    const QString address = m_senderRows.at(row).address;
    runOnDatabase<Status>(
        this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadWrite,
        [address](QSqlDatabase &db) { return campaigns::SenderStore(db, QStringLiteral("sms")).remove(address); },
        [this](const Status &s) {
            if (!s)
                Dialogs::warning(this, tr("Remove Sending Number"), s.error().message);
            loadSenders();
        });
}

// ---- Quiet hours and texts

void SmsSettings::saveQuietHours()
{
    if (m_loading)
        return;
    const QTime start = m_quietStart->time();
    const QTime end = m_quietEnd->time();
    if (end <= start) {
        setStatus(m_quietStatus, QStringLiteral("error"), tr("The window must end after it starts. Nothing was saved."));
        return;
    }
    if (start < QTime(8, 0) || end > QTime(21, 0))
        setStatus(m_quietStatus, QStringLiteral("warning"),
                  tr("Wider than 08:00 to 21:00: US law does not allow marketing texts outside that window."));
    else
        setStatus(m_quietStatus, QStringLiteral("muted"), QString());
    Settings &settings = m_session.settings();
    const QString startText = start.toString(QStringLiteral("HH:mm"));
    const QString endText = end.toString(QStringLiteral("HH:mm"));
    if (settings.value(Settings::Key::SmsQuietStart).toString() != startText)
        settings.setValue(Settings::Key::SmsQuietStart, startText);
    if (settings.value(Settings::Key::SmsQuietEnd).toString() != endText)
        settings.setValue(Settings::Key::SmsQuietEnd, endText);
}

void SmsSettings::saveHelpText()
{
    m_helpSave->stop();
    const QString text = m_helpText->toPlainText().trimmed();
    if (text != m_session.settings().smsHelpText())
        m_session.settings().setValue(Settings::Key::SmsHelpText, text);
}

// ---- Prices

void SmsSettings::loadPrices()
{
    if (!m_session.hasDatabase())
        return;
    runOnDatabase<Result<QList<Price>>>(
        this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadOnly, [](QSqlDatabase &db) { return analytics::SmsPrices::rows(db); },
        [this, database = m_database](const Result<QList<Price>> &list) {
            if (database != m_database)
                return;
            if (!list) {
                setStatus(m_pricesStatus, QStringLiteral("error"), list.error().message);
                return;
            }
            m_fillingPrices = true;
            m_prices->setRowCount(0);
            for (const Price &p : *list) {
                const int row = m_prices->rowCount();
                m_prices->insertRow(row);
                auto *country = new QTableWidgetItem(regionLabel(p.country));
                country->setData(Qt::UserRole, p.country);
                country->setFlags(country->flags() & ~Qt::ItemIsEditable);
                m_prices->setItem(row, 0, country);
                auto *price = new QTableWidgetItem(priceForDisplay(p.perSegment));
                price->setData(Qt::UserRole, p.perSegment);
                price->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                m_prices->setItem(row, 1, price);
                auto *currency = new QTableWidgetItem(p.currency);
                currency->setData(Qt::UserRole, p.currency);
                m_prices->setItem(row, 2, currency);
            }
            m_prices->sortItems(0);
            m_fillingPrices = false;
            Q_EMIT pricesLoaded();
        });
}

void SmsSettings::priceEdited(int row, int column)
{
    if (m_fillingPrices || column == 0)
        return;
    QTableWidgetItem *item = m_prices->item(row, column);
    if (!item)
        return;
    const QString typed = item->text().trimmed();
    const QString before = item->data(Qt::UserRole).toString();
    QString value;
    QString problem;
    if (column == 1) {
        if (!pricePattern().match(typed).hasMatch())
            problem = tr("“%1” is not a price: write it like %2.").arg(typed, priceForDisplay(QStringLiteral("0.0083")));
        else
            value = QString(typed).replace(u',', u'.');
    } else {
        static const QRegularExpression currency(QStringLiteral("^[A-Za-z]{3}$"));
        if (!currency.match(typed).hasMatch())
            problem = tr("“%1” is not a currency: three letters, like USD or EUR.").arg(typed);
        else
            value = typed.toUpper();
    }
    m_fillingPrices = true;
    if (!problem.isEmpty()) {
        item->setText(column == 1 ? priceForDisplay(before) : before);
        m_fillingPrices = false;
        setStatus(m_pricesStatus, QStringLiteral("error"), problem);
        return;
    }
    item->setData(Qt::UserRole, value);
    item->setText(column == 1 ? priceForDisplay(value) : value);
    m_fillingPrices = false;
    if (value != before)
        savePrices();
}

bool SmsSettings::addPrice(const QString &country, const QString &perSegment, const QString &currency)
{
    const QString code = country.trimmed().toUpper();
    const QString price = perSegment.trimmed();
    const QString unit = currency.trimmed().toUpper();
    static const QRegularExpression currencyPattern(QStringLiteral("^[A-Z]{3}$"));
    QString problem;
    if (regionLabel(code) == code)
        problem = tr("“%1” is not a country code.").arg(country);
    else if (!pricePattern().match(price).hasMatch())
        problem = tr("“%1” is not a price: write it like %2.").arg(perSegment, priceForDisplay(QStringLiteral("0.0083")));
    else if (!currencyPattern.match(unit).hasMatch())
        problem = tr("“%1” is not a currency: three letters, like USD or EUR.").arg(currency);
    for (int r = 0; problem.isEmpty() && r < m_prices->rowCount(); ++r)
        if (m_prices->item(r, 0)->data(Qt::UserRole).toString() == code)
            problem = tr("%1 has a price already: double-click it to change it.").arg(regionLabel(code));
    if (!problem.isEmpty()) {
        setStatus(m_pricesStatus, QStringLiteral("error"), problem);
        return false;
    }
    const QString stored = QString(price).replace(u',', u'.');
    m_fillingPrices = true;
    const int row = m_prices->rowCount();
    m_prices->insertRow(row);
    auto *countryItem = new QTableWidgetItem(regionLabel(code));
    countryItem->setData(Qt::UserRole, code);
    countryItem->setFlags(countryItem->flags() & ~Qt::ItemIsEditable);
    m_prices->setItem(row, 0, countryItem);
    auto *priceItem = new QTableWidgetItem(priceForDisplay(stored));
    priceItem->setData(Qt::UserRole, stored);
    priceItem->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_prices->setItem(row, 1, priceItem);
    auto *currencyItem = new QTableWidgetItem(unit);
    currencyItem->setData(Qt::UserRole, unit);
    m_prices->setItem(row, 2, currencyItem);
    m_prices->sortItems(0);
    m_fillingPrices = false;
    m_prices->selectRow(countryItem->row());
    savePrices();
    return true;
}

void SmsSettings::removeSelectedPrices()
{
    QList<int> rows;
    for (const QModelIndex &index : m_prices->selectionModel()->selectedRows())
        rows << index.row();
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end(), std::greater<>());
    for (int row : std::as_const(rows))
        m_prices->removeRow(row);
    savePrices();
}

void SmsSettings::savePrices()
{
    if (!writable())
        return;
    // One write at a time, each with the whole table, so a slow one never lands after a newer one.
    if (m_savingPrices) {
        m_pricesPending = true;
        return;
    }
    QList<Price> prices;
    for (int r = 0; r < m_prices->rowCount(); ++r)
        prices.append({m_prices->item(r, 0)->data(Qt::UserRole).toString(), m_prices->item(r, 1)->data(Qt::UserRole).toString(),
                       m_prices->item(r, 2)->data(Qt::UserRole).toString()});
    m_savingPrices = true;
    m_pricesPending = false;
    runOnDatabase<Status>(
        this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadWrite,
        [prices](QSqlDatabase &db) { return analytics::SmsPrices::save(db, prices); },
        [this](const Status &s) {
            m_savingPrices = false;
            if (m_pricesPending) {
                savePrices();
                return;
            }
            if (!s)
                setStatus(m_pricesStatus, QStringLiteral("error"), tr("The prices were not saved: %1").arg(s.error().message));
            else
                setStatus(m_pricesStatus, QStringLiteral("success"), tr("Prices saved."));
            Q_EMIT pricesSaved();
        });
}

void SmsSettings::openPriceDialog()
{
    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("smsPriceDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Add a Country's Price"));
    auto *form = new QFormLayout(dialog);
    auto *country = new QComboBox(dialog);
    country->setObjectName(QStringLiteral("smsPriceCountry"));
    QSet<QString> priced;
    for (int r = 0; r < m_prices->rowCount(); ++r)
        priced.insert(m_prices->item(r, 0)->data(Qt::UserRole).toString());
    for (const Region &r : regions())
        if (!priced.contains(r.code))
            country->addItem(QStringLiteral("%1 (%2)").arg(r.name, r.code), r.code);
    country->setMaxVisibleItems(16);
    auto *price = new QLineEdit(dialog);
    price->setObjectName(QStringLiteral("smsPriceValue"));
    price->setPlaceholderText(priceForDisplay(QStringLiteral("0.0083")));
    price->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("\\d{0,4}([.,]\\d{0,6})?")), price));
    auto *currency = new QLineEdit(QStringLiteral("USD"), dialog);
    currency->setObjectName(QStringLiteral("smsPriceCurrency"));
    currency->setMaxLength(3);
    currency->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[A-Za-z]{0,3}")), currency));
    form->addRow(tr("Country:"), country);
    form->addRow(tr("A segment:"), price);
    form->addRow(tr("Currency:"), currency);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, dialog);
    form->addRow(buttons);
    const auto ready = [buttons, price, currency] {
        buttons->button(QDialogButtonBox::Save)
            ->setEnabled(pricePattern().match(price->text().trimmed()).hasMatch() && currency->text().trimmed().size() == 3);
    };
    ready();
    connect(price, &QLineEdit::textChanged, dialog, ready);
    connect(currency, &QLineEdit::textChanged, dialog, ready);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, dialog, [this, dialog, country, price, currency] {
        if (addPrice(country->currentData().toString(), price->text(), currency->text()))
            dialog->accept();
    });
    dialog->open();
}

} // namespace lux::ui

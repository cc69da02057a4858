// SPDX-License-Identifier: GPL-3.0-or-later
#include "campaignwizard.h"
#include "abtestpanel.h"
#include "common/assistantrunner.h"

#include "campaigns/abtest.h"
#include "campaigns/lifecycle.h"
#include "campaigns/senderstore.h"
#include "campaigns/sendsetup.h"
#include "smscomposer.h"
#include "common/dbtask.h"
#include "common/dialogs.h"
#include "common/errorcodes.h"
#include "contacts/addressing.h"
#include "contacts/contactrepository.h"
#include "contacts/fieldcatalog.h"
#include "contacts/phonenumbers.h"
#include "contacts/segment.h"
#include "session/appsession.h"
#include "settings/settings.h"
#include "storage/sqlvalues.h"
#include "content/templatestore.h"
#include "theme/theme.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QCoroTask>
#include <QInputDialog>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QTimeZone>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalBlocker>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace lux::ui {

using campaigns::Campaign;
using content::Finding;

namespace {

constexpr int kKindRole = Qt::UserRole + 1; // "tag" or "segment"
constexpr int kNameRole = Qt::UserRole + 2;

using TemplateChoice = AbTestPanel::TemplateChoice;

struct WizardData
{
    QList<TemplateChoice> templates;
    QStringList senders, smsSenders, tags, segments;
    QHash<QString, int> perMinute;
    std::optional<Campaign> campaign;
    std::optional<campaigns::AbTestConfig> test;
    std::optional<double> baseline;
};

// What the SMS preview is merged with: the audience's first contact (or none), as the channel merges.
struct SampleData
{
    content::MergeFields fields;
    QStringList values;
};

void fillAudienceList(QListWidget *list, const QStringList &tags, const QStringList &segments)
{
    list->clear();
    const auto add = [list](const QString &kind, const QString &name, const QString &label, const QString &icon) {
        auto *item = new QListWidgetItem(Theme::icon(icon), label, list);
        item->setData(kKindRole, kind);
        item->setData(kNameRole, name);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    };
    for (const QString &t : tags)
        add(QStringLiteral("tag"), t, CampaignWizard::tr("Tag: %1").arg(t), QStringLiteral("tag"));
    for (const QString &s : segments)
        add(QStringLiteral("segment"), s, CampaignWizard::tr("Segment: %1").arg(s), QStringLiteral("users"));
}

void checkAudience(QListWidget *list, const QStringList &tags, const QStringList &segments)
{
    for (int i = 0; i < list->count(); ++i) {
        QListWidgetItem *item = list->item(i);
        const QString name = item->data(kNameRole).toString();
        const bool on = item->data(kKindRole).toString() == QLatin1String("tag") ? tags.contains(name, Qt::CaseInsensitive)
                                                                                 : segments.contains(name);
        item->setCheckState(on ? Qt::Checked : Qt::Unchecked);
    }
}

void checkedAudience(const QListWidget *list, QStringList &tags, QStringList &segments)
{
    for (int i = 0; i < list->count(); ++i) {
        const QListWidgetItem *item = list->item(i);
        if (item->checkState() != Qt::Checked)
            continue;
        (item->data(kKindRole).toString() == QLatin1String("tag") ? tags : segments) << item->data(kNameRole).toString();
    }
}

QIcon findingIcon(Finding::Severity s)
{
    switch (s) {
    case Finding::Severity::Error: return Theme::icon(QStringLiteral("x"));
    case Finding::Severity::Warning: return Theme::icon(QStringLiteral("alert"));
    case Finding::Severity::Info: return Theme::icon(QStringLiteral("info"));
    }
    return {};
}

} // namespace

CampaignWizard::CampaignWizard(AppSession &session, qint64 campaignId, QWidget *parent)
    : QWizard(parent), m_session(session), m_id(campaignId)
{
    setObjectName(QStringLiteral("campaignWizard"));
    setWindowTitle(campaignId ? tr("Edit Campaign") : tr("New Campaign"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setOption(QWizard::HaveCustomButton1);
    setButtonText(QWizard::CustomButton1, tr("Save Draft"));
    setButtonText(QWizard::FinishButton, tr("Schedule"));
    setMinimumSize(760, 600);
    setPage(MessagePage, buildMessagePage());
    setPage(AudiencePage, buildAudiencePage());
    setPage(SchedulePage, buildSchedulePage());
    setPage(ReviewPage, buildReviewPage());
    connect(this, &QWizard::customButtonClicked, this, [this](int which) {
        if (which == QWizard::CustomButton1)
            saveDraft();
    });
    m_countDelay.setSingleShot(true);
    m_countDelay.setInterval(250);
    connect(&m_countDelay, &QTimer::timeout, this, &CampaignWizard::recount);
    m_estimateDelay.setSingleShot(true);
    m_estimateDelay.setInterval(600);
    connect(&m_estimateDelay, &QTimer::timeout, this, &CampaignWizard::reestimate);
    connect(&m_session.sendService(), &campaigns::SendService::testSent, this,
            [this](qint64 id, const QStringList &delivered, const QString &error) {
                if (id != m_id)
                    return;
                m_testButton->setEnabled(true);
                m_testStatus->setProperty("role", error.isEmpty() ? QStringLiteral("success") : QStringLiteral("error"));
                m_testStatus->setText(error.isEmpty() ? tr("Test sent to %1.").arg(delivered.join(QStringLiteral(", ")))
                                                      : tr("The test did not go: %1").arg(error));
                m_testStatus->style()->unpolish(m_testStatus);
                m_testStatus->style()->polish(m_testStatus);
                Q_EMIT testFinished(delivered, error);
            });
    load(campaignId);
}

CampaignWizard::~CampaignWizard()
{
    if (m_estimateCancel)
        *m_estimateCancel = true; // a worker still estimating stops at its next recipient
}

QWizardPage *CampaignWizard::buildMessagePage()
{
    auto *page = new QWizardPage(this);
    page->setTitle(tr("Message"));
    page->setSubTitle(tr("What the campaign sends and the mailbox it comes from."));
    auto *outer = new QVBoxLayout(page);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *top = new QFormLayout;
    top->setSpacing(10);
    outer->addLayout(top);
    // The channel first: the rest of the page is the channel's.
    auto *channels = new QHBoxLayout;
    m_channelGroup = new QButtonGroup(page);
    m_emailChoice = new QRadioButton(tr("&Email"), page);
    m_emailChoice->setObjectName(QStringLiteral("channelEmail"));
    m_smsChoice = new QRadioButton(tr("SMS (&text message)"), page);
    m_smsChoice->setObjectName(QStringLiteral("channelSms"));
    m_channelGroup->addButton(m_emailChoice, 0);
    m_channelGroup->addButton(m_smsChoice, 1);
    m_emailChoice->setChecked(true);
    m_smsChoice->setEnabled(false); // until the load says texts can go
    channels->addWidget(m_emailChoice);
    channels->addWidget(m_smsChoice);
    channels->addStretch(1);
    top->addRow(tr("Channel:"), channels);
    m_smsUnavailableLabel = new QLabel(page);
    m_smsUnavailableLabel->setObjectName(QStringLiteral("smsUnavailable"));
    m_smsUnavailableLabel->setProperty("role", QStringLiteral("muted"));
    m_smsUnavailableLabel->setWordWrap(true);
    m_smsUnavailableLabel->hide();
    top->addRow(QString(), m_smsUnavailableLabel);
    m_name = new QLineEdit(page);
    m_name->setObjectName(QStringLiteral("campaignName"));
    m_name->setPlaceholderText(tr("Spring sale announcement"));
    top->addRow(tr("&Name:"), m_name);
    m_channelStack = new QStackedWidget(page);
    outer->addWidget(m_channelStack, 1);
    auto *emailBox = new QWidget(m_channelStack);
    m_channelStack->addWidget(emailBox);
    auto *form = new QFormLayout(emailBox);
    form->setContentsMargins(0, 0, 0, 0);
    form->setSpacing(10);
    m_template = new QComboBox(page);
    m_template->setObjectName(QStringLiteral("campaignTemplate"));
    form->addRow(tr("&Template:"), m_template);
    m_subject = new QLineEdit(page);
    m_subject->setObjectName(QStringLiteral("campaignSubject"));
    m_subject->setPlaceholderText(tr("The template's subject"));
    form->addRow(tr("&Subject:"), m_subject);
    m_preheader = new QLineEdit(page);
    m_preheader->setPlaceholderText(tr("The template's preheader"));
    form->addRow(tr("&Preheader:"), m_preheader);
    connect(m_template, &QComboBox::currentIndexChanged, this, [this] {
        // The template's own subject and preheader until the user writes others.
        m_subject->setPlaceholderText(m_template->currentData(Qt::UserRole + 1).toString());
        m_preheader->setPlaceholderText(m_template->currentData(Qt::UserRole + 2).toString());
    });

    m_from = new QComboBox(page);
    m_from->setObjectName(QStringLiteral("campaignFrom"));
    form->addRow(tr("&From mailbox:"), m_from);
    m_noSenders = new QLabel(tr("No sender mailbox yet: add one under Settings → Sending."), page);
    m_noSenders->setProperty("role", QStringLiteral("warning"));
    m_noSenders->setWordWrap(true);
    m_noSenders->hide();
    form->addRow(QString(), m_noSenders);
    m_fromName = new QLineEdit(page);
    m_fromName->setPlaceholderText(tr("The brand kit's sender name"));
    form->addRow(tr("From n&ame:"), m_fromName);
    m_replyTo = new QLineEdit(page);
    m_replyTo->setPlaceholderText(tr("Replies go to the sending mailbox"));
    form->addRow(tr("&Reply to:"), m_replyTo);
    m_tracking = new QComboBox(page);
    m_tracking->setObjectName(QStringLiteral("campaignTracking"));
    m_tracking->addItem(tr("Each recipient's opens and clicks"), int(campaigns::TrackingMode::PerPerson));
    m_tracking->addItem(tr("Anonymous counts only"), int(campaigns::TrackingMode::Anonymous));
    m_tracking->addItem(tr("Off"), int(campaigns::TrackingMode::Off));
    m_tracking->setToolTip(tr("Tracking adds an invisible image and sends links through your lux-tracker. Anonymous counts "
                              "keep only how many opens and clicks each link had a day, not whose. Off: neither, and the "
                              "report shows only what was sent. The unsubscribe link is there either way."));
    form->addRow(tr("&Tracking:"), m_tracking);
    // Said before sending, where the choice is made: what a campaign gives up without a tracker.
    m_noTracker = new QLabel(page);
    m_noTracker->setObjectName(QStringLiteral("campaignNoTracker"));
    m_noTracker->setProperty("role", QStringLiteral("warning"));
    m_noTracker->setWordWrap(true);
    form->addRow(QString(), m_noTracker);
    const auto showNoTracker = [this] {
        const bool withTracker = !m_session.settings().trackerUrl().trimmed().isEmpty();
        m_noTracker->setVisible(!withTracker);
        m_noTracker->setText(withTracker ? QString()
                                         : campaigns::Lifecycle::noTrackerWarning(m_tracking->currentData().toInt()
                                                                                  != int(campaigns::TrackingMode::Off)));
    };
    connect(m_tracking, &QComboBox::currentIndexChanged, this, showNoTracker);
    showNoTracker();
    m_extraSenders = new QListWidget(page);
    m_extraSenders->setObjectName(QStringLiteral("campaignExtraSenders"));
    m_extraSenders->setMaximumHeight(90);
    m_extraSenders->setToolTip(tr("Each mailbox sends its share within its own limits, so the campaign goes out sooner."));
    form->addRow(tr("Also send &from:"), m_extraSenders);
    connect(m_from, &QComboBox::currentTextChanged, this, [this](const QString &from) {
        for (int i = 0; i < m_extraSenders->count(); ++i) {
            QListWidgetItem *item = m_extraSenders->item(i);
            const bool same = item->text().compare(from, Qt::CaseInsensitive) == 0;
            item->setHidden(same);
            if (same)
                item->setCheckState(Qt::Unchecked);
        }
    });

    // SMS: the number it goes from, the name it must start with, the text.
    auto *smsBox = new QWidget(m_channelStack);
    smsBox->setObjectName(QStringLiteral("smsMessage"));
    m_channelStack->addWidget(smsBox);
    auto *smsForm = new QFormLayout(smsBox);
    smsForm->setContentsMargins(0, 0, 0, 0);
    smsForm->setSpacing(10);
    m_smsFrom = new QComboBox(smsBox);
    m_smsFrom->setObjectName(QStringLiteral("campaignSmsFrom"));
    smsForm->addRow(tr("From n&umber:"), m_smsFrom);
    m_noSmsSenders = new QLabel(tr("No sending number yet: add one under Settings → SMS."), smsBox);
    m_noSmsSenders->setProperty("role", QStringLiteral("warning"));
    m_noSmsSenders->hide();
    smsForm->addRow(QString(), m_noSmsSenders);
    m_smsSenderName = new QLineEdit(smsBox);
    m_smsSenderName->setObjectName(QStringLiteral("campaignSmsSenderName"));
    m_smsSenderName->setText(m_session.settings().smsSenderName());
    m_smsSenderName->setToolTip(tr("Who is texting: carriers (CTIA) want every marketing text to start with it."));
    smsForm->addRow(tr("Sender's na&me:"), m_smsSenderName);
    m_composer = new SmsComposer(smsBox);
    m_composer->setObjectName(QStringLiteral("campaignSmsComposer"));
    m_composer->setSenderName(m_smsSenderName->text());
    m_composer->setOptOutLine(true, QLocale().name().left(2));
    smsForm->addRow(m_composer);
    auto *writeWithLux = new QPushButton(Theme::icon(QStringLiteral("sparkles")), tr("Write with LUX…"), smsBox);
    writeWithLux->setObjectName(QStringLiteral("campaignSmsLux"));
    writeWithLux->setToolTip(tr("LUX writes a text that fits the parts you choose, counted here; you edit it before sending"));
    smsForm->addRow(QString(), writeWithLux);
    m_lux = new AssistantRunner(m_session, this);
    connect(writeWithLux, &QPushButton::clicked, this, &CampaignWizard::writeSmsWithLux);
    m_estimate = new QLabel(smsBox);
    m_estimate->setObjectName(QStringLiteral("smsEstimate"));
    m_estimate->setWordWrap(true);
    m_estimate->setTextFormat(Qt::PlainText);
    m_estimate->setProperty("role", QStringLiteral("muted"));
    smsForm->addRow(m_estimate);
    connect(m_smsSenderName, &QLineEdit::textChanged, m_composer, &SmsComposer::setSenderName);
    connect(m_composer, &SmsComposer::textChanged, this, [this] { m_estimateDelay.start(); });
    connect(m_smsFrom, &QComboBox::currentTextChanged, this, [this] { m_estimateDelay.start(); });
    connect(m_channelGroup, &QButtonGroup::idClicked, this, [this] {
        showChannel();
        m_countDelay.start();
    });
    // Three forms on one page (the shared rows, then the channel's): one label column for all.
    const QList<QFormLayout *> forms{top, form, smsForm};
    int labelWidth = 0;
    for (QFormLayout *f : forms)
        for (int r = 0; r < f->rowCount(); ++r)
            if (QLayoutItem *item = f->itemAt(r, QFormLayout::LabelRole); item && item->widget())
                labelWidth = std::max(labelWidth, item->widget()->sizeHint().width());
    for (QFormLayout *f : forms)
        for (int r = 0; r < f->rowCount(); ++r)
            if (QLayoutItem *item = f->itemAt(r, QFormLayout::LabelRole); item && item->widget())
                item->widget()->setMinimumWidth(labelWidth);
    showChannel();
    return page;
}

QString CampaignWizard::channel() const
{
    return m_smsChoice->isChecked() ? QStringLiteral("sms") : QStringLiteral("email");
}

bool CampaignWizard::setChannel(const QString &channel)
{
    QRadioButton *choice = channel == QLatin1String("sms") ? m_smsChoice : m_emailChoice;
    if (!choice->isEnabled())
        return false;
    choice->setChecked(true);
    showChannel();
    m_countDelay.start();
    return true;
}

void CampaignWizard::showChannel()
{
    const bool sms = channel() == QLatin1String("sms");
    m_channelStack->setCurrentIndex(sms ? 1 : 0);
    if (QWizardPage *p = page(MessagePage))
        p->setSubTitle(sms ? tr("The text, the number it goes from and the name it starts with. Counts, preview and cost follow as you type.")
                           : tr("What the campaign sends and the mailbox it comes from."));
    if (QWizardPage *p = page(AudiencePage))
        p->setSubTitle(sms ? tr("Who gets it: everyone, or the contacts with any of the included tags or segments, less the excluded. "
                                "Only mobile numbers with SMS consent are texted; the SMS suppression list (STOP) is always left out.")
                           : tr("Who gets it: everyone, or the contacts with any of the included tags or segments, less the excluded. "
                                "The suppression list and unsubscribed, bounced or complained contacts are always left out."));
    if (m_abTest)
        m_abTest->setVisible(!sms); // A/B tests of texts come from the same code, but not in this version's wizard
    if (sms)
        m_estimateDelay.start();
}

QWizardPage *CampaignWizard::buildAudiencePage()
{
    auto *page = new QWizardPage(this);
    page->setTitle(tr("Audience"));
    page->setSubTitle(tr("Who gets it: everyone, or the contacts with any of the included tags or segments, less the excluded. "
                         "The suppression list and unsubscribed, bounced or complained contacts are always left out."));
    auto *grid = new QGridLayout(page);
    grid->addWidget(new QLabel(tr("Include:"), page), 0, 0);
    grid->addWidget(new QLabel(tr("Exclude:"), page), 0, 1);
    m_include = new QListWidget(page);
    m_include->setObjectName(QStringLiteral("audienceInclude"));
    m_exclude = new QListWidget(page);
    m_exclude->setObjectName(QStringLiteral("audienceExclude"));
    grid->addWidget(m_include, 1, 0);
    grid->addWidget(m_exclude, 1, 1);
    m_count = new QLabel(page);
    m_count->setObjectName(QStringLiteral("audienceCount"));
    m_count->setProperty("role", QStringLiteral("subtitle"));
    m_count->setWordWrap(true);
    grid->addWidget(m_count, 2, 0, 1, 2);
    for (QListWidget *list : {m_include, m_exclude})
        connect(list, &QListWidget::itemChanged, this, [this] { m_countDelay.start(); });
    m_abTest = new AbTestPanel(page);
    grid->addWidget(m_abTest, 3, 0, 1, 2);
    grid->setRowStretch(1, 1);
    for (QListWidget *list : {m_include, m_exclude})
        list->setMinimumHeight(90);
    connect(this, &CampaignWizard::countChanged, m_abTest, &AbTestPanel::setAudience);
    return page;
}

QWizardPage *CampaignWizard::buildSchedulePage()
{
    auto *page = new QWizardPage(this);
    page->setTitle(tr("Schedule"));
    page->setSubTitle(tr("When it goes. Sending keeps to each mailbox's limits, so a large audience takes a while."));
    auto *layout = new QVBoxLayout(page);
    m_whenGroup = new QButtonGroup(page);
    auto *now = new QRadioButton(tr("Send &now"), page);
    now->setObjectName(QStringLiteral("whenNow"));
    auto *at = new QRadioButton(tr("Send &at:"), page);
    at->setObjectName(QStringLiteral("whenAt"));
    auto *local = new QRadioButton(tr("Send at this time in &each recipient's time zone:"), page);
    local->setObjectName(QStringLiteral("whenLocal"));
    m_whenGroup->addButton(now, int(When::Now));
    m_whenGroup->addButton(at, int(When::At));
    m_whenGroup->addButton(local, int(When::LocalTime));
    now->setChecked(true);
    const QDateTime tomorrow = QDateTime(QDate::currentDate().addDays(1), QTime(9, 0));
    m_at = new QDateTimeEdit(tomorrow, page);
    m_at->setObjectName(QStringLiteral("whenAtEdit"));
    m_at->setCalendarPopup(true);
    m_localAt = new QDateTimeEdit(tomorrow, page);
    m_localAt->setCalendarPopup(true);
    auto *localNote = new QLabel(tr("Contacts without a time zone get it at this time on this computer's clock. "
                                    "Sending starts when the earliest zone reaches it."),
                                 page);
    localNote->setProperty("role", QStringLiteral("muted"));
    localNote->setWordWrap(true);
    layout->addWidget(now);
    layout->addSpacing(8);
    layout->addWidget(at);
    layout->addWidget(m_at);
    layout->addSpacing(8);
    layout->addWidget(local);
    layout->addWidget(m_localAt);
    layout->addWidget(localNote);
    layout->addStretch(1);
    const auto update = [this] {
        m_at->setEnabled(when() == When::At);
        m_localAt->setEnabled(when() == When::LocalTime);
    };
    connect(m_whenGroup, &QButtonGroup::idClicked, this, update);
    update();
    return page;
}

QWizardPage *CampaignWizard::buildReviewPage()
{
    auto *page = new QWizardPage(this);
    page->setTitle(tr("Review"));
    page->setSubTitle(tr("The pre-send checks must pass; warnings go only once you have read them."));
    auto *layout = new QVBoxLayout(page);
    m_summary = new QLabel(page);
    m_summary->setObjectName(QStringLiteral("campaignSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    layout->addWidget(m_summary);
    m_checks = new QListWidget(page);
    m_checks->setObjectName(QStringLiteral("campaignChecks"));
    m_checks->setWordWrap(true);
    layout->addWidget(m_checks, 1);
    m_acknowledge = new QCheckBox(tr("I have read the warnings and want to send it as it is"), page);
    m_acknowledge->setObjectName(QStringLiteral("acknowledgeWarnings"));
    layout->addWidget(m_acknowledge);
    connect(m_acknowledge, &QCheckBox::toggled, this, &CampaignWizard::updateReviewState);
    auto *testRow = new QHBoxLayout;
    m_testButton = new QPushButton(Theme::icon(QStringLiteral("send")), tr("Send &Test…"), page);
    m_testButton->setObjectName(QStringLiteral("campaignSendTest"));
    m_testStatus = new QLabel(page);
    m_testStatus->setWordWrap(true);
    testRow->addWidget(m_testButton);
    testRow->addWidget(m_testStatus, 1);
    layout->addLayout(testRow);
    connect(m_testButton, &QPushButton::clicked, this, [this] {
        const bool sms = channel() == QLatin1String("sms");
        const QString text = Dialogs::askText(this, tr("Send Test"),
                                              sms ? tr("Text a test to (up to five numbers, separated by commas):")
                                                  : tr("Send a test to (up to five addresses, separated by commas):"),
                                              sms ? QStringList() : QStringList{m_session.user().email});
        if (text.trimmed().isEmpty())
            return;
        QStringList addresses;
        for (const QString &a : text.split(u',', Qt::SkipEmptyParts))
            addresses << a.trimmed();
        sendTest(addresses);
    });
    return page;
}

void CampaignWizard::load(qint64 campaignId)
{
    ++m_loading;
    runOnDatabase<Result<WizardData>>(
        this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadOnly,
        [campaignId](QSqlDatabase &db) -> Result<WizardData> {
            WizardData data;
            for (const content::EmailTemplate &t : content::TemplateStore(db).list())
                data.templates << TemplateChoice{t.id, t.name, t.subject, t.preheader};
            for (const campaigns::SenderMailbox &m : campaigns::SenderStore(db).list()) {
                data.senders << m.address;
                data.perMinute.insert(m.address.toLower(), m.limits.perMinute);
            }
            campaigns::AbTests tests(db);
            if (auto baseline = tests.baselineClickRate())
                data.baseline = *baseline;
            for (const campaigns::SenderMailbox &m : campaigns::SenderStore(db, QStringLiteral("sms")).list())
                data.smsSenders << m.address;
            auto tags = contacts::FieldCatalog(db).tags();
            if (!tags)
                return tags.error();
            data.tags = *tags;
            for (const contacts::SavedSegment &s : contacts::SegmentRepository(db).list())
                data.segments << s.name;
            if (campaignId) {
                auto c = campaigns::CampaignStore(db).find(campaignId);
                if (!c)
                    return c.error();
                data.campaign = *c;
                auto test = tests.find(campaignId);
                if (!test)
                    return test.error();
                if (*test)
                    data.test = (*test)->config;
            }
            return data;
        },
        [this](const Result<WizardData> &data) {
            --m_loading;
            if (!data) {
                fail(tr("Campaign"), tr("The campaign cannot be loaded: %1").arg(data.error().message));
                return;
            }
            {
                const QSignalBlocker quiet(m_template);
                for (const TemplateChoice &t : data->templates) {
                    m_template->addItem(t.name, t.id);
                    m_template->setItemData(m_template->count() - 1, t.subject, Qt::UserRole + 1);
                    m_template->setItemData(m_template->count() - 1, t.preheader, Qt::UserRole + 2);
                }
            }
            m_subject->setPlaceholderText(m_template->currentData(Qt::UserRole + 1).toString());
            m_preheader->setPlaceholderText(m_template->currentData(Qt::UserRole + 2).toString());
            m_from->addItems(data->senders);
            m_perMinute = data->perMinute;
            m_abTest->setTemplates(data->templates);
            m_abTest->setBaseline(data->baseline);
            m_abTest->setMinimumPerVariant(m_session.settings().abMinPerVariant());
            m_abTest->setConfig(data->test);
            m_noSenders->setVisible(data->senders.isEmpty());
            m_smsFrom->addItems(data->smsSenders);
            m_noSmsSenders->setVisible(data->smsSenders.isEmpty());
            // Texts go through a Twilio account from one of its numbers: without both, SMS is greyed
            // out with the reason beside it.
            const bool twilio = !m_session.settings().twilioAccountSid().isEmpty();
            m_smsUnavailable = !twilio && data->smsSenders.isEmpty()
                                   ? tr("Texts need a Twilio account and a sending number: set them up under Settings → SMS.")
                               : !twilio ? tr("Texts need a Twilio account: set it up under Settings → SMS.")
                               : data->smsSenders.isEmpty() ? tr("Texts need a sending number: add one under Settings → SMS.")
                                                            : QString();
            for (const QString &s : data->senders) {
                auto *item = new QListWidgetItem(s, m_extraSenders);
                item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
                item->setCheckState(Qt::Unchecked);
            }
            fillAudienceList(m_include, data->tags, data->segments);
            fillAudienceList(m_exclude, data->tags, data->segments);
            m_smsChoice->setEnabled(m_smsUnavailable.isEmpty());
            m_smsChoice->setToolTip(m_smsUnavailable);
            m_smsUnavailableLabel->setText(m_smsUnavailable);
            m_smsUnavailableLabel->setVisible(!m_smsUnavailable.isEmpty());
            if (data->campaign) {
                const Campaign &c = *data->campaign;
                m_original = c;
                // A campaign keeps its channel: a text cannot become an email.
                (c.channel == QLatin1String("sms") ? m_smsChoice : m_emailChoice)->setChecked(true);
                m_emailChoice->setEnabled(c.channel != QLatin1String("sms"));
                m_smsChoice->setEnabled(c.channel == QLatin1String("sms"));
                m_smsUnavailableLabel->hide();
                if (c.channel == QLatin1String("sms")) {
                    if (m_smsFrom->findText(c.fromEmail) < 0)
                        m_smsFrom->addItem(c.fromEmail);
                    m_smsFrom->setCurrentText(c.fromEmail);
                    if (!c.fromName.isEmpty())
                        m_smsSenderName->setText(c.fromName);
                    m_composer->setBody(c.body);
                }
                showChannel();
                m_name->setText(c.name);
                m_template->setCurrentIndex(std::max(0, m_template->findData(c.templateId)));
                m_subject->setText(c.subject);
                m_preheader->setText(c.preheader);
                m_from->setCurrentText(c.fromEmail);
                m_fromName->setText(c.fromName);
                m_replyTo->setText(c.replyTo);
                m_tracking->setCurrentIndex(std::max(0, m_tracking->findData(int(c.tracking))));
                for (int i = 0; i < m_extraSenders->count(); ++i)
                    if (c.extraSenders.contains(m_extraSenders->item(i)->text(), Qt::CaseInsensitive))
                        m_extraSenders->item(i)->setCheckState(Qt::Checked);
                checkAudience(m_include, c.audience.includeTags, c.audience.includeSegments);
                checkAudience(m_exclude, c.audience.excludeTags, c.audience.excludeSegments);
                if (c.scheduledAt) {
                    if (c.localTime) {
                        const QDateTime wall = QDateTime::fromMSecsSinceEpoch(*c.scheduledAt, QTimeZone::utc());
                        m_localAt->setDateTime(QDateTime(wall.date(), wall.time()));
                        setWhen(When::LocalTime);
                    } else if (*c.scheduledAt > QDateTime::currentMSecsSinceEpoch()) {
                        m_at->setDateTime(QDateTime::fromMSecsSinceEpoch(*c.scheduledAt).toLocalTime());
                        setWhen(When::At);
                    }
                }
            } else {
                m_name->setText(tr("Campaign of %1").arg(QLocale().toString(QDate::currentDate(), QLocale::LongFormat)));
            }
            m_countDelay.start();
            Q_EMIT loaded();
        });
}

Campaign CampaignWizard::campaign() const
{
    Campaign c = m_original;
    c.id = m_id;
    c.name = m_name->text().trimmed();
    c.templateId = m_template->currentData().toLongLong();
    // Left empty, they are the template's: the campaign keeps its own copy, so a later edit of the
    // template does not change what a scheduled campaign says.
    c.subject = m_subject->text().trimmed().isEmpty() ? m_subject->placeholderText() : m_subject->text().trimmed();
    c.preheader = m_preheader->text().trimmed().isEmpty() ? m_preheader->placeholderText() : m_preheader->text().trimmed();
    c.fromEmail = m_from->currentText().trimmed();
    c.fromName = m_fromName->text().trimmed();
    c.replyTo = m_replyTo->text().trimmed();
    c.tracking = campaigns::TrackingMode(m_tracking->currentData().toInt());
    c.extraSenders.clear();
    for (int i = 0; i < m_extraSenders->count(); ++i)
        if (m_extraSenders->item(i)->checkState() == Qt::Checked && !m_extraSenders->item(i)->isHidden())
            c.extraSenders << m_extraSenders->item(i)->text();
    c.audience = {};
    checkedAudience(m_include, c.audience.includeTags, c.audience.includeSegments);
    checkedAudience(m_exclude, c.audience.excludeTags, c.audience.excludeSegments);
    c.channel = channel();
    if (c.channel == QLatin1String("sms")) {
        // A text has no template, subject or mailboxes: its number is in fromEmail's place.
        c.templateId = 0;
        c.subject.clear();
        c.preheader.clear();
        c.replyTo.clear();
        c.extraSenders.clear();
        c.fromEmail = m_smsFrom->currentText().trimmed();
        c.fromName = m_smsSenderName->text().trimmed();
        c.body = m_composer->body();
    }
    switch (when()) {
    case When::Now:
        c.scheduledAt.reset();
        c.localTime = false;
        break;
    case When::At:
        c.scheduledAt = m_at->dateTime().toMSecsSinceEpoch();
        c.localTime = false;
        break;
    case When::LocalTime:
        // The wall-clock time, written as if it were UTC; each recipient's zone places it.
        c.scheduledAt = QDateTime(m_localAt->date(), m_localAt->time(), QTimeZone::utc()).toMSecsSinceEpoch();
        c.localTime = true;
        break;
    }
    return c;
}

CampaignWizard::When CampaignWizard::when() const
{
    return static_cast<When>(std::max(0, m_whenGroup->checkedId()));
}

void CampaignWizard::setWhen(When when)
{
    m_whenGroup->button(int(when))->setChecked(true);
    m_at->setEnabled(when == When::At);
    m_localAt->setEnabled(when == When::LocalTime);
}

void CampaignWizard::recount()
{
    if (!m_session.database())
        return;
    const int generation = ++m_countGeneration;
    m_audienceCount = -1;
    m_count->setText(tr("Counting recipients…"));
    const campaigns::Audience audience = campaign().audience;
    if (channel() == QLatin1String("sms")) {
        m_breakdown.reset();
        runOnDatabase<Result<campaigns::CampaignStore::Breakdown>>(
            this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadOnly,
            [audience](QSqlDatabase &db) { return campaigns::CampaignStore(db).breakdown(audience, QStringLiteral("sms")); },
            [this, generation](const Result<campaigns::CampaignStore::Breakdown> &b) {
                if (generation != m_countGeneration)
                    return;
                if (!b) {
                    m_count->setText(tr("The audience cannot be counted: %1").arg(b.error().message));
                    return;
                }
                m_breakdown = *b;
                m_audienceCount = b->reachable;
                const QLocale locale;
                const auto n = [&locale](QString text, qint64 count) { return text.replace(QString::number(count), locale.toString(count)); };
                QString text = n(tr("%n contact(s) would receive this text now.", nullptr, int(std::min<qint64>(b->reachable, INT_MAX))), b->reachable);
                const qint64 left = b->noAddress + b->notTextable + b->noConsent + b->suppressed;
                if (left > 0) {
                    QStringList why;
                    if (b->noAddress)
                        why << n(tr("%n without a mobile number", nullptr, int(b->noAddress)), b->noAddress);
                    if (b->notTextable)
                        why << n(tr("%n with a number that cannot take texts (a landline)", nullptr, int(b->notTextable)), b->notTextable);
                    if (b->noConsent)
                        why << n(tr("%n without consent to texts", nullptr, int(b->noConsent)), b->noConsent);
                    if (b->suppressed)
                        why << n(tr("%n who said STOP or are on the suppression list", nullptr, int(b->suppressed)), b->suppressed);
                    text += u'\n' + n(tr("%n contact(s) left out: %1.", nullptr, int(std::min<qint64>(left, INT_MAX))), left).arg(why.join(QStringLiteral(", ")));
                }
                m_count->setText(text);
                Q_EMIT countChanged(b->reachable);
                m_estimateDelay.start();
            });
        return;
    }
    runOnDatabase<Result<qint64>>(
        this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadOnly,
        [audience](QSqlDatabase &db) { return campaigns::CampaignStore(db).countAudience(audience); },
        [this, generation](const Result<qint64> &count) {
            if (generation != m_countGeneration)
                return; // the choice changed meanwhile; a newer count follows
            if (!count) {
                m_count->setText(tr("The audience cannot be counted: %1").arg(count.error().message));
                return;
            }
            m_audienceCount = *count;
            m_count->setText(tr("%n contact(s) would receive this campaign now.", nullptr, int(std::min<qint64>(*count, INT_MAX)))
                                 .replace(QString::number(*count), QLocale().toString(*count)));
            Q_EMIT countChanged(*count);
        });
}

void CampaignWizard::reestimate()
{
    if (!m_session.database() || channel() != QLatin1String("sms") || m_loading)
        return;
    // The one before stops at its next recipient; its answer, if it comes, is ignored.
    if (m_estimateCancel)
        *m_estimateCancel = true;
    auto cancel = std::make_shared<std::atomic_bool>(false);
    m_estimateCancel = cancel;
    const int generation = ++m_estimateGeneration;
    m_lastEstimate.reset();
    Campaign c = campaign();
    // Texts are estimated as they would be merged at the scheduled moment (now when it goes now).
    const qint64 at = c.scheduledAt && !c.localTime ? *c.scheduledAt
                      : c.scheduledAt                ? campaigns::CampaignStore::firstDueAt(c)
                                                     : QDateTime::currentMSecsSinceEpoch();
    c.id = 0; // as a freeze would take the audience now, not the outbox of an earlier run
    const sms::QuietHoursPolicy policy = campaigns::SendSetup::fromSettings(m_session.settings()).quietHours();
    m_estimate->setText(tr("Estimating the parts and cost over the audience…"));
    struct Answer
    {
        analytics::SmsEstimate estimate;
        std::optional<SampleData> sample;
    };
    runOnDatabase<Result<Answer>>(
        this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadOnly,
        [c, at, policy, cancel](QSqlDatabase &db) -> Result<Answer> {
            Answer answer;
            // The preview's sample: the audience's first contact, merged as the channel merges.
            const auto recipients = campaigns::CampaignStore(db).recipients(c);
            if (!recipients)
                return recipients.error();
            const content::TemplateRenderer renderer(db);
            std::optional<contacts::Contact> sample;
            if (!recipients->isEmpty() && recipients->first().contactId)
                if (auto found = contacts::ContactRepository(db).find(recipients->first().contactId))
                    sample = std::move(*found);
            answer.sample = SampleData{renderer.fields(), renderer.valuesFor(sample ? &*sample : nullptr)};
            const auto estimate = analytics::SmsEstimator(db).estimate(c, at, policy, [cancel] { return cancel->load(); });
            if (!estimate)
                return estimate.error();
            answer.estimate = *estimate;
            return answer;
        },
        [this, generation](const Result<Answer> &answer) {
            if (generation != m_estimateGeneration)
                return;
            if (!answer) {
                m_estimate->setText(tr("No estimate: %1").arg(answer.error().message));
                return;
            }
            if (answer->estimate.cancelled)
                return;
            if (answer->sample) {
                m_sampleFields = answer->sample->fields;
                m_sampleValues = answer->sample->values;
                m_composer->setMergeExpander([this](QString text) -> QString {
                    const content::MergeTemplate t = content::MergeTemplate::compile(text, *m_sampleFields, content::MergeTemplate::Mode::Text);
                    return t.isValid() ? t.render(m_sampleValues) : text;
                });
            }
            m_lastEstimate = answer->estimate;
            m_estimate->setText(estimateText(answer->estimate));
            if (!m_summaryBase.isEmpty())
                m_summary->setText(m_summaryBase + u'\n' + m_estimate->text());
            Q_EMIT estimateReady();
        });
}

QString CampaignWizard::estimateText(const analytics::SmsEstimate &e) const
{
    const QLocale locale;
    if (e.recipients == 0)
        return tr("Estimate: nobody in the audience can be texted yet.");
    const QString parts = e.minParts == e.maxParts ? tr("%n part(s) a text", nullptr, e.maxParts)
                                                   : tr("%1 to %2 parts a text").arg(e.minParts).arg(e.maxParts);
    const QString cost = locale.toCurrencyString(e.cost, e.currency == QLatin1String("USD") ? QStringLiteral("$") : QString(e.currency + u' '), 2);
    QString text = tr("Estimate for %n recipient(s), merge tags filled in for each: %1, %2 in all, about %3.", nullptr,
                      int(std::min<qint64>(e.recipients, INT_MAX)))
                       .replace(QString::number(e.recipients), locale.toString(e.recipients))
                       .arg(parts, tr("%n segment(s)", nullptr, int(std::min<qint64>(e.segments, INT_MAX))).replace(QString::number(e.segments), locale.toString(e.segments)),
                            cost);
    if (e.unpriced > 0)
        text += u' ' + tr("%n recipient(s) in countries without a price in Settings → SMS are not counted in the cost.", nullptr, int(e.unpriced));
    if (e.tooLong > 0)
        text += u' ' + tr("%n text(s) go over 1,600 characters once merged: Twilio refuses them.", nullptr, int(e.tooLong));
    if (e.inQuietHours > 0)
        text += u' ' + tr("%n recipient(s) are in their quiet hours at that moment: their texts wait for their window, the last until %1.", nullptr,
                          int(e.inQuietHours))
                           .arg(locale.toString(QDateTime::fromMSecsSinceEpoch(e.quietUntil), QLocale::ShortFormat));
    else
        text += u' ' + tr("Nobody is in their quiet hours at that moment.");
    return text;
}

void CampaignWizard::initializePage(int id)
{
    QWizard::initializePage(id);
    if (id == AudiencePage) {
        // The planner's variant A and its pace: the campaign as the first step left it.
        const Campaign c = campaign();
        m_abTest->setCampaign(c);
        int perMinute = 0;
        for (const QString &mailbox : c.senders())
            perMinute += m_perMinute.value(mailbox.toLower(), 30);
        m_abTest->setPace(perMinute, int(c.senders().size()));
    }
    if (id == ReviewPage)
        runChecks();
}

bool CampaignWizard::validateCurrentPage()
{
    if (currentId() == MessagePage) {
        const Campaign c = campaign();
        QString problem;
        const bool sms = c.channel == QLatin1String("sms");
        if (c.name.isEmpty())
            problem = tr("Give the campaign a name.");
        else if (sms && c.fromEmail.isEmpty())
            problem = tr("Choose the number the texts go from (add one under Settings → SMS).");
        else if (sms && c.body.trimmed().isEmpty())
            problem = tr("Write the text the campaign sends.");
        else if (sms)
            problem.clear();
        else if (!c.templateId)
            problem = tr("Choose a template (create one under Templates first).");
        else if (c.fromEmail.isEmpty())
            problem = tr("Choose the mailbox the campaign sends from (add one under Settings → Sending).");
        else if (!c.replyTo.isEmpty() && !contacts::Addressing::parseEmail(c.replyTo))
            problem = tr("The reply-to address “%1” is not valid.").arg(c.replyTo);
        if (!problem.isEmpty()) {
            Dialogs::warning(this, tr("Campaign"), problem);
            return false;
        }
    }
    if (currentId() == AudiencePage && m_abTest->isVisible()) {
        if (const QString problem = m_abTest->problem(); !problem.isEmpty()) {
            Dialogs::warning(this, tr("A/B Test"), problem);
            return false;
        }
        if (const auto test = m_abTest->config())
            if (Status s = campaigns::AbTests::validateShape(campaign(), *test); !s) {
                Dialogs::warning(this, tr("A/B Test"), s.error().message);
                return false;
            }
    }
    if (currentId() == SchedulePage && when() == When::LocalTime && m_abTest->config() && channel() == QLatin1String("email")) {
        Dialogs::warning(this, tr("A/B Test"), tr("An A/B test sends at one time for everyone: choose now or a date and time."));
        return false;
    }
    if (currentId() == SchedulePage && when() == When::At && m_at->dateTime() < QDateTime::currentDateTime()) {
        Dialogs::warning(this, tr("Campaign"), tr("The chosen time has passed: choose a later one, or send now."));
        return false;
    }
    if (currentId() == SchedulePage)
        m_estimateDelay.start(); // quiet hours are of the moment it goes
    return QWizard::validateCurrentPage();
}

void CampaignWizard::runChecks()
{
    const int generation = ++m_checkGeneration;
    m_checked = false;
    m_findings.clear();
    m_checks->clear();
    m_checks->addItem(tr("Checking…"));
    m_acknowledge->setChecked(false);
    updateReviewState();
    const Campaign c = campaign();
    const bool sms = c.channel == QLatin1String("sms");
    const bool graphReady = sms || m_session.isGraphConfigured();
    const QString smsUnavailable = sms ? m_smsUnavailable : QString();
    const bool withTracker = !m_session.settings().trackerUrl().trimmed().isEmpty();
    const QString delegated = m_session.settings().graphDelegatedMailbox();
    runOnDatabase<Result<QList<Finding>>>(
        this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadOnly,
        [c, graphReady, withTracker, delegated, smsUnavailable](QSqlDatabase &db) -> Result<QList<Finding>> {
            QList<Finding> found = campaigns::Lifecycle(db).checks(c, withTracker);
            if (!smsUnavailable.isEmpty())
                found.prepend({Finding::Severity::Error, QStringLiteral("sms.config"), smsUnavailable});
            if (!delegated.isEmpty() && c.senders().contains(delegated) && c.senders().size() > 1)
                found.prepend({Finding::Severity::Error, QStringLiteral("graph.delegated"),
                               CampaignWizard::tr("%1 sends as you (signed in) and cannot share a campaign with other mailboxes.").arg(delegated)});
            if (!graphReady)
                found.prepend({Finding::Severity::Error, QStringLiteral("graph.config"),
                               CampaignWizard::tr("Sending is not set up: fill in Microsoft Graph under Settings → Sending.")});
            return found;
        },
        [this, generation, c](const Result<QList<Finding>> &found) {
            if (generation != m_checkGeneration)
                return;
            m_findings = found ? *found : QList<Finding>{};
            if (!found)
                m_findings << Finding{Finding::Severity::Error, QStringLiteral("checks.failed"), found.error().message};
            m_checked = true;
            const QLocale locale;
            QString when;
            switch (this->when()) {
            case When::Now: when = tr("as soon as it is scheduled"); break;
            case When::At: when = locale.toString(m_at->dateTime(), QLocale::LongFormat); break;
            case When::LocalTime: when = tr("%1 in each recipient's time zone").arg(locale.toString(m_localAt->dateTime(), QLocale::LongFormat)); break;
            }
            QStringList from{c.fromEmail};
            from << c.extraSenders;
            const QString to = m_audienceCount >= 0 ? tr("%n contact(s)", nullptr, int(m_audienceCount)) : tr("the audience");
            m_summaryBase.clear();
            if (c.channel == QLatin1String("sms")) {
                m_summaryBase = tr("A text from %1 (%2) to %3, %4.").arg(c.fromEmail, c.fromName, to, when);
                m_summary->setText(m_summaryBase + (m_lastEstimate ? u'\n' + estimateText(*m_lastEstimate) : QString()));
            } else
                m_summary->setText(tr("“%1” from %2 to %3, %4.").arg(c.subject, from.join(QStringLiteral(", ")), to, when));
            showChecks();
            Q_EMIT checksReady();
        });
}

void CampaignWizard::showChecks()
{
    m_checks->clear();
    for (const Finding &f : std::as_const(m_findings))
        if (f.severity != Finding::Severity::Info)
            new QListWidgetItem(findingIcon(f.severity), f.message, m_checks);
    for (const Finding &f : std::as_const(m_findings))
        if (f.severity == Finding::Severity::Info)
            new QListWidgetItem(findingIcon(f.severity), f.message, m_checks);
    if (m_findings.isEmpty())
        new QListWidgetItem(Theme::icon(QStringLiteral("check")), tr("Every check passes."), m_checks);
    updateReviewState();
}

void CampaignWizard::updateReviewState()
{
    const bool errors = campaigns::Lifecycle::hasErrors(m_findings);
    const bool warnings = campaigns::Lifecycle::hasWarnings(m_findings);
    m_acknowledge->setVisible(m_checked && warnings && !errors);
    if (QAbstractButton *finish = button(QWizard::FinishButton))
        finish->setEnabled(m_checked && !m_saving && !errors && (!warnings || m_acknowledge->isChecked()));
    if (QAbstractButton *draft = button(QWizard::CustomButton1))
        draft->setEnabled(!m_saving);
}

void CampaignWizard::save(std::function<void(qint64)> then)
{
    if (m_saving || m_loading)
        return;
    const Campaign c = campaign();
    if (c.channel == QLatin1String("sms") && (c.name.isEmpty() || c.fromEmail.isEmpty())) {
        Dialogs::warning(this, tr("Campaign"), tr("A text campaign needs a name and a sending number to be saved."));
        return;
    }
    if (c.channel != QLatin1String("sms") && (c.name.isEmpty() || !c.templateId || c.fromEmail.isEmpty())) {
        Dialogs::warning(this, tr("Campaign"), tr("A campaign needs a name, a template and a sender mailbox to be saved."));
        return;
    }
    m_saving = true;
    updateReviewState();
    const std::optional<qint64> user = m_session.isSignedIn() ? std::optional<qint64>(m_session.user().id) : std::nullopt;
    // The A/B test is saved with the campaign, in its transaction. The wizard tests email only; a text's
    // test (made with luxctl) is left as it is.
    const bool email = c.channel == QLatin1String("email");
    const std::optional<campaigns::AbTestConfig> test = email ? m_abTest->config() : std::nullopt;
    runOnDatabase<Result<Campaign>>(
        this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadWrite,
        [c, user, test, email](QSqlDatabase &db) -> Result<Campaign> {
            campaigns::CampaignStore store(db);
            const auto within = [&db, &test, email](qint64 id) -> Status {
                campaigns::AbTests tests(db);
                return test ? tests.save(id, *test) : email ? tests.remove(id) : Status();
            };
            return c.id ? store.update(c, user, within) : store.create(c, user, within);
        },
        [this, then = std::move(then)](const Result<Campaign> &saved) {
            m_saving = false;
            updateReviewState();
            if (!saved) {
                fail(tr("Campaign"), tr("The campaign was not saved: %1").arg(saved.error().message));
                return;
            }
            m_id = saved->id;
            m_original = *saved;
            Q_EMIT m_session.campaignsChanged();
            then(m_id);
        });
}

void CampaignWizard::saveDraft()
{
    save([this](qint64 id) {
        Q_EMIT campaignSaved(id, false);
        QDialog::accept();
    });
}

void CampaignWizard::sendTest(const QStringList &addresses)
{
    if (addresses.size() > 5) {
        Dialogs::warning(this, tr("Send Test"), tr("A test goes to five addresses at most."));
        return;
    }
    QStringList to;
    for (const QString &a : addresses) {
        if (channel() == QLatin1String("sms")) {
            const auto number = contacts::PhoneNumbers::parse(a, m_session.settings().smsDefaultRegion());
            if (!number || !number->canBeTexted()) {
                Dialogs::warning(this, tr("Send Test"), tr("“%1” is not a number that can take texts.").arg(a));
                return;
            }
            to << number->e164;
        } else if (!contacts::Addressing::parseEmail(a)) {
            Dialogs::warning(this, tr("Send Test"), tr("“%1” is not an email address.").arg(a));
            return;
        } else {
            to << a;
        }
    }
    m_testButton->setEnabled(false);
    m_testStatus->setProperty("role", QStringLiteral("muted"));
    m_testStatus->setText(tr("Sending the test…"));
    save([this, to](qint64 id) { m_session.sendService().sendTest(id, to); });
}

void CampaignWizard::accept()
{
    const bool acknowledged = m_acknowledge->isChecked();
    const std::optional<qint64> user = m_session.isSignedIn() ? std::optional<qint64>(m_session.user().id) : std::nullopt;
    save([this, acknowledged, user](qint64 id) {
        const Campaign c = campaign();
        m_saving = true;
        updateReviewState();
        runOnDatabase<Status>(
            this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadWrite,
            [id, at = c.scheduledAt, acknowledged, user](QSqlDatabase &db) {
                return campaigns::Lifecycle(db).schedule(id, at, acknowledged, user);
            },
            [this, id](const Status &s) {
                m_saving = false;
                updateReviewState();
                if (!s) {
                    fail(tr("Campaign"), tr("The campaign was saved as a draft but not scheduled: %1").arg(s.error().message));
                    return;
                }
                m_session.sendService().wake();
                Q_EMIT m_session.campaignsChanged();
                Q_EMIT campaignSaved(id, true);
                QDialog::accept();
            });
    });
}

void CampaignWizard::fail(const QString &title, const QString &message)
{
    Dialogs::warning(this, title, message);
}

void CampaignWizard::writeSmsWithLux()
{
    bool ok = false;
    const QString brief = QInputDialog::getText(this, tr("Write with LUX"), tr("What is the text for?"), QLineEdit::Normal, {}, &ok).trimmed();
    if (!ok || brief.isEmpty())
        return;
    const int parts = QInputDialog::getInt(this, tr("Write with LUX"), tr("In how many parts at most (each part is billed)?"), 1, 1, 4, 1, &ok);
    if (!ok)
        return;
    QString wanted = brief;
    if (const QString sender = m_smsSenderName->text().trimmed(); !sender.isEmpty())
        wanted += QStringLiteral("\nStart the text with the sender's name: ") + sender;
    assistant::Assistant::Options options;
    options.language = QLocale().name().left(2);
    m_lux->withSession([this, wanted, parts, options](const std::shared_ptr<assistant::AssistantSession> &lux) {
        const AssistantRunner::Busy busy = m_lux->busy(tr("LUX is writing the text…"));
        QCoro::connect(lux->drafts().sms(wanted, parts, options, busy.cancel), this, [this, lux, busy](const Result<QString> &text) {
            busy.finished();
            if (!text) {
                if (text.error().code != u"openai.cancelled")
                    Dialogs::warning(this, tr("LUX"), text.error().message);
                return;
            }
            m_composer->setBody(*text);
        });
    });
}

} // namespace lux::ui

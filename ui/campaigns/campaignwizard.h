// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analytics/smsestimate.h"
#include "campaigns/campaignstore.h"
#include "content/emailhtml.h"
#include "content/mergetemplate.h"

#include <atomic>
#include <memory>

#include <QHash>
#include <QTimer>
#include <QWizard>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QRadioButton;
class QStackedWidget;

namespace lux::ui {

class AbTestPanel;
class AppSession;
class AssistantRunner;
class SmsComposer;

// Creates or edits a draft campaign in four steps: the message (the channel first, email or SMS; then
// for email the name, template, subject, preheader and the mailboxes it comes from, for SMS the
// sending number, the sender's name and the text with its live count, preview and estimate), the audience (tags and segments to include and to exclude, with a
// live count of who would get it), when it goes (now, a date and time, or that time in each
// recipient's zone) and the review (the pre-send checks, a test send). Finishing saves the draft and
// schedules it; "Save Draft" only saves. Every read and write runs off the GUI thread.
class CampaignWizard : public QWizard
{
    Q_OBJECT
public:
    enum PageId { MessagePage, AudiencePage, SchedulePage, ReviewPage };
    enum class When { Now, At, LocalTime };

    // `campaignId` 0 creates a new campaign.
    CampaignWizard(AppSession &session, qint64 campaignId, QWidget *parent = nullptr);
    ~CampaignWizard() override;

    QString channel() const; // "email" or "sms"
    // Chooses the channel of a new campaign; SMS only when it is set up (see smsUnavailableReason()).
    bool setChannel(const QString &channel);
    QString smsUnavailableReason() const { return m_smsUnavailable; } // empty when texts can go

    campaigns::Campaign campaign() const; // as the fields say now
    When when() const;
    bool isLoading() const { return m_loading > 0; }
    qint64 audienceCount() const { return m_audienceCount; } // -1 while counting
    const QList<content::Finding> &findings() const { return m_findings; }
    qint64 savedId() const { return m_id; }

    // For tests and the page: the widgets by role.
    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *templateCombo() const { return m_template; }
    QLineEdit *subjectEdit() const { return m_subject; }
    QComboBox *fromCombo() const { return m_from; }
    QComboBox *trackingCombo() const { return m_tracking; }
    QLabel *noTrackerNote() const { return m_noTracker; }
    QListWidget *includeList() const { return m_include; }
    QListWidget *excludeList() const { return m_exclude; }
    QLabel *countLabel() const { return m_count; }
    AbTestPanel *abTestPanel() const { return m_abTest; }
    QDateTimeEdit *atEdit() const { return m_at; }
    QListWidget *checksList() const { return m_checks; }
    QCheckBox *acknowledgeBox() const { return m_acknowledge; }
    QRadioButton *smsChoice() const { return m_smsChoice; }
    QLabel *smsUnavailableLabel() const { return m_smsUnavailableLabel; }
    QComboBox *smsFromCombo() const { return m_smsFrom; }
    QLineEdit *smsSenderNameEdit() const { return m_smsSenderName; }
    SmsComposer *composer() const { return m_composer; }
    QLabel *estimateLabel() const { return m_estimate; }
    // The latest estimate over the audience at the scheduled moment; nullopt while it is computed.
    const std::optional<analytics::SmsEstimate> &estimate() const { return m_lastEstimate; }
    const std::optional<campaigns::CampaignStore::Breakdown> &breakdown() const { return m_breakdown; }
    void setWhen(When when);
    void saveDraft();     // saves and closes
    void sendTest(const QStringList &addresses); // saves the draft, then sends through the scheduler

Q_SIGNALS:
    void loaded();
    void countChanged(qint64 count);
    void checksReady();
    void campaignSaved(qint64 id, bool scheduled);
    void testFinished(const QStringList &delivered, const QString &error);
    void estimateReady();

protected:
    void accept() override;
    void initializePage(int id) override;
    bool validateCurrentPage() override;

private:
    QWizardPage *buildMessagePage();
    QWizardPage *buildAudiencePage();
    QWizardPage *buildSchedulePage();
    QWizardPage *buildReviewPage();
    void load(qint64 campaignId);
    void recount();
    void reestimate();
    void showChannel();
    void writeSmsWithLux(); // LUX writes the text within the parts asked for; it lands in the composer
    QString estimateText(const analytics::SmsEstimate &e) const;
    void runChecks();
    void showChecks();
    void updateReviewState();
    // Saves the fields as the draft (creating it the first time), then `then(id)`.
    void save(std::function<void(qint64 id)> then);
    void fail(const QString &title, const QString &message);

    AppSession &m_session;
    AssistantRunner *m_lux = nullptr;
    qint64 m_id = 0;
    int m_loading = 0;
    bool m_saving = false;
    campaigns::Campaign m_original;

    QLineEdit *m_name = nullptr;
    QComboBox *m_template = nullptr;
    QLineEdit *m_subject = nullptr;
    QLineEdit *m_preheader = nullptr;
    QComboBox *m_from = nullptr;
    QLineEdit *m_fromName = nullptr;
    QLineEdit *m_replyTo = nullptr;
    QComboBox *m_tracking = nullptr;
    QLabel *m_noTracker = nullptr;
    QListWidget *m_extraSenders = nullptr;
    QLabel *m_noSenders = nullptr;

    QButtonGroup *m_channelGroup = nullptr;
    QRadioButton *m_emailChoice = nullptr;
    QRadioButton *m_smsChoice = nullptr;
    QLabel *m_smsUnavailableLabel = nullptr;
    QString m_smsUnavailable;
    QStackedWidget *m_channelStack = nullptr;
    QComboBox *m_smsFrom = nullptr;
    QLabel *m_noSmsSenders = nullptr;
    QLineEdit *m_smsSenderName = nullptr;
    SmsComposer *m_composer = nullptr;
    QLabel *m_estimate = nullptr;
    QTimer m_estimateDelay;
    int m_estimateGeneration = 0;
    std::shared_ptr<std::atomic_bool> m_estimateCancel;
    std::optional<analytics::SmsEstimate> m_lastEstimate;
    std::optional<campaigns::CampaignStore::Breakdown> m_breakdown;
    // The sample contact the preview is merged for: the first of the audience, read off the GUI thread.
    std::optional<content::MergeFields> m_sampleFields;
    QStringList m_sampleValues;

    QListWidget *m_include = nullptr;
    QListWidget *m_exclude = nullptr;
    QLabel *m_count = nullptr;
    AbTestPanel *m_abTest = nullptr;
    QHash<QString, int> m_perMinute; // each mailbox's pace, for the A/B planner
    QTimer m_countDelay;
    qint64 m_audienceCount = -1;
    int m_countGeneration = 0;

    QButtonGroup *m_whenGroup = nullptr;
    QDateTimeEdit *m_at = nullptr;
    QDateTimeEdit *m_localAt = nullptr;

    QLabel *m_summary = nullptr;
    QString m_summaryBase; // SMS: the review's first line, the estimate follows
    QListWidget *m_checks = nullptr;
    QCheckBox *m_acknowledge = nullptr;
    QPushButton *m_testButton = nullptr;
    QLabel *m_testStatus = nullptr;
    QList<content::Finding> m_findings;
    bool m_checked = false;
    int m_checkGeneration = 0;
};

} // namespace lux::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "campaigns/campaignstore.h"
#include "content/emailhtml.h"

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

namespace lux::ui {

class AppSession;

// Creates or edits a draft campaign in four steps: the message (name, template, subject, preheader,
// the mailboxes it comes from), the audience (tags and segments to include and to exclude, with a
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
    QDateTimeEdit *atEdit() const { return m_at; }
    QListWidget *checksList() const { return m_checks; }
    QCheckBox *acknowledgeBox() const { return m_acknowledge; }
    void setWhen(When when);
    void saveDraft();     // saves and closes
    void sendTest(const QStringList &addresses); // saves the draft, then sends through the scheduler

Q_SIGNALS:
    void loaded();
    void countChanged(qint64 count);
    void checksReady();
    void campaignSaved(qint64 id, bool scheduled);
    void testFinished(const QStringList &delivered, const QString &error);

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
    void runChecks();
    void showChecks();
    void updateReviewState();
    // Saves the fields as the draft (creating it the first time), then `then(id)`.
    void save(std::function<void(qint64 id)> then);
    void fail(const QString &title, const QString &message);

    AppSession &m_session;
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

    QListWidget *m_include = nullptr;
    QListWidget *m_exclude = nullptr;
    QLabel *m_count = nullptr;
    QTimer m_countDelay;
    qint64 m_audienceCount = -1;
    int m_countGeneration = 0;

    QButtonGroup *m_whenGroup = nullptr;
    QDateTimeEdit *m_at = nullptr;
    QDateTimeEdit *m_localAt = nullptr;

    QLabel *m_summary = nullptr;
    QListWidget *m_checks = nullptr;
    QCheckBox *m_acknowledge = nullptr;
    QPushButton *m_testButton = nullptr;
    QLabel *m_testStatus = nullptr;
    QList<content::Finding> m_findings;
    bool m_checked = false;
    int m_checkGeneration = 0;
};

} // namespace lux::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "automations/automationstore.h"

#include "analytics/outboxreader.h"
#include "contacts/smsconsent.h"
#include "mailbox/inboundmessages.h"
#include "contacts/contactbulk.h"
#include "contacts/contactrepository.h"
#include "contacts/fieldcatalog.h"
#include "contacts/segment.h"

#include <QFutureWatcher>
#include <QTimer>
#include <QWidget>

#include <functional>

class QAction;
class QComboBox;
class QFrame;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace lux::ui {

class AppSession;
class ContactActions;
class ContactsModel;

// The contacts of the database: a paged, sortable list with search and filters by status, tag and
// saved segment; multi-select with bulk actions (tag, remove tag, unsubscribe, delete) on the picked
// rows or on every contact that matches the filter; a detail pane; the contact editor; undo and redo
// (ContactActions); and CSV import (button, or drop a file on the page).
class ContactsPage : public QWidget
{
    Q_OBJECT
public:
    explicit ContactsPage(AppSession &session, QWidget *parent = nullptr);

    ContactsModel *model() const { return m_model; }
    void setSearchText(const QString &text); // for tests: as if typed, without the typing delay
    void openImport(const QString &file = {});
    void openSegmentBuilder(); // edits the selected segment, or starts a new one
    void openEditor(qint64 contactId = 0); // 0: a new contact
    void openSuppressionList();
    ContactActions *actions() const { return m_actions; }
    QTableView *view() const { return m_view; }
    // What a bulk action would apply to now: the selected rows, or every match of the filter.
    contacts::ContactSelection selection() const;
    void selectAllMatching(); // as the "Select all … matching" link does
    qint64 selectedCount() const;

    // Bulk actions on selection(); tag actions ask for the tag.
    void addTagToSelection();
    void removeTagFromSelection();
    void unsubscribeSelection();
    void deleteSelection();
    void forgetCurrent();

Q_SIGNALS:
    void statusMessage(const QString &text);

public Q_SLOTS:
    void reload();

protected:
    void showEvent(QShowEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    // What the detail pane shows of one contact, read on a worker.
    struct ContactDetails
    {
        contacts::Contact contact;
        bool suppressed = false;
        QList<contacts::ConsentEvent> consent;
        QList<analytics::ActivityEntry> activity;
        QList<mailbox::InboundMessages::Row> inbox; // replies, bounces and the like read from the sender mailboxes
        // Texts: consent now and its history, whether the number is on the SMS suppression list, the
        // texts sent and the replies.
        bool smsConsent = false;
        bool smsSuppressed = false;
        QList<contacts::SmsConsent::Record> smsConsentHistory;
        QList<analytics::TextEntry> texts;
        QList<analytics::SmsReply> smsReplies;
        QList<automations::ContactWorkflow> workflows; // the workflows they entered, with where they are
    };

    // The database's tags, custom fields and saved segments: read on a worker when the page loads or
    // a segment is saved, and handed to the filters, the editor and the segment builder, so none of
    // them reads the database on the GUI thread.
    struct Catalog
    {
        QStringList tags;
        QList<contacts::CustomField> customFields;
        QList<contacts::SavedSegment> segments;
    };

    void applyFilter();
    contacts::ContactFilter currentFilter() const;
    // Reads the catalog again; `then` runs once it is in (at once when nothing is being read).
    void refreshFilters(std::function<void()> then = {});
    void afterCatalog(std::function<void()> then);
    void countInBackground();
    void showDetails();
    void renderDetails(const ContactDetails &details);
    void renderTexts(const ContactDetails &details, QString &html) const; // SMS consent, texts and replies
    void updateSelectionBar();
    void showContextMenu(const QPoint &pos);
    QStringList tagNames() const;
    qint64 currentContactId() const;

    AppSession &m_session;
    ContactsModel *m_model;
    QLineEdit *m_search;
    QComboBox *m_status;
    QComboBox *m_tag;
    QComboBox *m_segment;
    QLabel *m_count;
    QTableView *m_view;
    QLabel *m_details;
    QPushButton *m_editButton;
    QPushButton *m_forgetButton;
    QFrame *m_selectionBar;
    QLabel *m_selectionLabel;
    QPushButton *m_selectAllMatching;
    QList<QWidget *> m_bulkButtons;
    QPushButton *m_newContact;
    QPushButton *m_import;
    ContactActions *m_actions;
    qint64 m_total = -1;        // matches of the current filter, once counted
    bool m_allMatching = false; // the selection is "every match of the filter"
    bool m_selectingAll = false;
    QTimer m_searchDelay;
    QFutureWatcher<qint64> m_counting;
    Catalog m_catalog;
    quint64 m_catalogGeneration = 0;
    bool m_catalogLoading = false;
    QList<std::function<void()>> m_afterCatalog;
    quint64 m_countGeneration = 0;
    quint64 m_detailsGeneration = 0;
    bool m_stale = true;
};

} // namespace lux::ui

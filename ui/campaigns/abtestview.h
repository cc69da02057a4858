// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "campaigns/abtest.h"

#include <QWidget>

#include <optional>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace lux::ui {

class AppSession;

// A campaign's A/B test, as its report tab shows it: each variant's rate with its 95 % interval,
// the chance it is the best and the expected loss of choosing it; the decision and why in one
// sentence (or, while the test runs, the running numbers and when the decision is made: nothing is
// decided on them); the rest's progress; and, when the test waits for the user, the choice. Read
// off the GUI thread.
class AbTestView : public QWidget
{
    Q_OBJECT
public:
    explicit AbTestView(AppSession &session, QWidget *parent = nullptr);

    void setCampaign(qint64 campaignId); // 0: none
    void refresh();
    qint64 campaignId() const { return m_campaignId; }
    const std::optional<campaigns::AbReport> &report() const { return m_report; }
    // The user's choice, when the test waits for it: the rest goes out with `variant`.
    void choose(int variant);

    QLabel *headline() const { return m_headline; }
    QTableWidget *table() const { return m_table; }

Q_SIGNALS:
    void loaded(bool hasTest);
    void chosen(const QString &error);

private:
    void show(const std::optional<campaigns::AbReport> &report);
    QString headlineText(const campaigns::AbReport &r) const;

    AppSession &m_session;
    qint64 m_campaignId = 0;
    int m_generation = 0;
    std::optional<campaigns::AbReport> m_report;
    QLabel *m_headline = nullptr;
    QLabel *m_note = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_restLabel = nullptr;
    QProgressBar *m_rest = nullptr;
    QPushButton *m_choose = nullptr;
};

} // namespace lux::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "campaigns/abtest.h"

#include <QGroupBox>

#include <optional>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace lux::ui {

// The Audience step's "Test": an A/B test of the campaign, off until checked. The variants side by
// side (A is the campaign as written on the Message step; B … E change its subject, preheader,
// sender name, template or send time), each with the line an inbox shows; the test group (a share of
// the audience or a number of people), the wait, the winner metric and what happens without a
// winner; and the planner, which says before anything is sent whether the test can tell the lift the
// user cares about (80 % power), and how long the test group takes at the mailboxes' pace.
class AbTestPanel : public QGroupBox
{
    Q_OBJECT
public:
    explicit AbTestPanel(QWidget *parent = nullptr);

    struct TemplateChoice
    {
        qint64 id = 0;
        QString name, subject, preheader;
    };
    void setTemplates(const QList<TemplateChoice> &templates);
    // Variant A: what the campaign sends as written (its subject, preheader, sender name, template).
    void setCampaign(const campaigns::Campaign &campaign);
    void setAudience(qint64 people);                  // -1 while counting
    void setPace(int perMinute, int mailboxes);       // the campaign's mailboxes together
    void setBaseline(std::optional<double> rate);     // the last campaigns' people who clicked
    void setMinimumPerVariant(qint64 minimum);        // the rule's minimum (the abtest.min_per_variant setting)
    void setConfig(const std::optional<campaigns::AbTestConfig> &config); // nullopt: no test

    // The test as set; nullopt when the box is unchecked.
    std::optional<campaigns::AbTestConfig> config() const;
    // What cannot be read as typed (a send time that is not HH:MM); empty when all is well.
    QString problem() const;
    int variantCount() const;
    void addVariant();
    void removeVariant();
    QString planText() const;

    QTableWidget *variantsTable() const { return m_table; }
    QComboBox *metricCombo() const { return m_metric; }
    QSpinBox *shareSpin() const { return m_share; }
    QDoubleSpinBox *baselineSpin() const { return m_baseline; }
    QDoubleSpinBox *liftSpin() const { return m_lift; }

Q_SIGNALS:
    void changed();

private:
    enum Row { SubjectRow, PreheaderRow, FromNameRow, TemplateRow, TimeRow, PreviewRow, RowCount };
    void fillColumnA();
    void addColumn(const campaigns::AbVariant &v);
    void updatePreviews();
    void updatePlan();
    QString cell(int row, int column) const;
    static QString aboutDuration(double minutes);

    QList<TemplateChoice> m_templates;
    campaigns::Campaign m_campaign;
    qint64 m_audience = -1;
    int m_perMinute = 30, m_mailboxes = 1;
    bool m_baselineTouched = false;
    qint64 m_minimum = 500;
    std::optional<campaigns::AbTestConfig> m_loaded; // as saved: what the spin boxes cannot show exactly is kept

    QTableWidget *m_table = nullptr;
    QPushButton *m_add = nullptr, *m_remove = nullptr;
    QComboBox *m_shareUnit = nullptr;
    QSpinBox *m_share = nullptr;
    QSpinBox *m_wait = nullptr;
    QComboBox *m_metric = nullptr;
    QComboBox *m_noWinner = nullptr;
    QDoubleSpinBox *m_baseline = nullptr;
    QDoubleSpinBox *m_lift = nullptr;
    QLabel *m_plan = nullptr;  // what each variant needs
    QLabel *m_power = nullptr; // whether the test group has it (a warning when not)
    QLabel *m_pace = nullptr;  // how long the test group takes, and the rest
};

} // namespace lux::ui

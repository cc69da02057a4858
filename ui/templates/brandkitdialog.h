// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "content/templatestore.h"
#include "listdetaildialog.h"

#include <QHash>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace lux::ui {

// Brand kits: logo, colours, fonts with web-safe fallbacks, footer address and social links, used in
// templates as {{brand.KEY}}. Several kits, one the default. Each field is checked as it is typed
// (colours as #rgb or #rrggbb, links as http(s) addresses); reads and writes run off the GUI thread.
class BrandKitDialog : public ListDetailDialog
{
    Q_OBJECT
public:
    explicit BrandKitDialog(AppSession &session, QWidget *parent = nullptr);

    // The fields a kit holds, in order: key (as in brand.KEY) and label.
    static QList<std::pair<QString, QString>> fieldLabels();
    // What is wrong with a value for a key, or empty when it is fine.
    static QString problem(const QString &key, const QString &value);

    QLineEdit *nameField() const { return m_name; }
    QLineEdit *field(const QString &key) const { return m_fields.value(key); }
    QCheckBox *defaultBox() const { return m_default; }
    QPushButton *saveButton() const { return m_save; }
    void saveCurrent();

protected:
    void updateActions() override; // also checks every field

private:
    void reload(const QString &select = {}) override;
    void showKit(const QString &name);
    void removeCurrent();

    QLineEdit *m_name;
    QCheckBox *m_default;
    QHash<QString, QLineEdit *> m_fields;
    QHash<QString, QLabel *> m_problems;
    QPlainTextEdit *m_address;
    QPushButton *m_new;
    QPushButton *m_save;
    QPushButton *m_delete;
    QList<content::BrandKit> m_kits;
};

} // namespace lux::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "contacts/contactimporter.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QStackedWidget;
class QTableWidget;

namespace lux::ui {

class AppSession;

// Import a CSV of contacts: choose the file and the options, see how its columns map, then watch
// the import run on a worker thread (cancel rolls everything back) and read its report.
class ImportDialog : public QDialog
{
    Q_OBJECT
public:
    ImportDialog(AppSession &session, const QString &file, QWidget *parent = nullptr);
    ~ImportDialog() override;

Q_SIGNALS:
    void imported(); // contacts changed: lists should reload

private:
    void chooseFile();
    void preview();
    void validatePlan();
    void remember();
    void start();
    void finished(const Result<contacts::ImportReport> &report);
    contacts::ImportOptions options() const;

    AppSession &m_session;
    QStackedWidget *m_pages;
    QLineEdit *m_file;
    QComboBox *m_encoding;
    QComboBox *m_delimiter;
    QStringList m_header;
    QString m_headerKey;
    QHash<QString, QString> m_overrides; // column → field chosen by the user (or remembered)
    QComboBox *m_duplicates;
    QLineEdit *m_tags;
    QLineEdit *m_consent;
    QCheckBox *m_unknownAsCustom;
    QTableWidget *m_mapping;
    QLabel *m_previewNote;
    QProgressBar *m_progress;
    QLabel *m_progressLabel;
    QLabel *m_report;
    QDialogButtonBox *m_buttons;
    QPushButton *m_startButton;
    QPushButton *m_saveRejects;
    QString m_rejectsTemp;
    std::shared_ptr<std::atomic_bool> m_cancel;
    bool m_running = false;
};

} // namespace lux::ui

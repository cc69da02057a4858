// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "social/accountstore.h"
#include "social/postchecks.h"

#include <QDialog>
#include <QImage>
#include <QList>
#include <QSet>

class QButtonGroup;
class QCheckBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QVBoxLayout;

namespace lux::ui {

class AppSession;
class AssistantRunner;
class PostPreview;

// One post to several social accounts (issue 20): the text it starts from, a variant per account
// (each starts as that text and follows it until edited), pictures from files, a first comment where
// the network takes one, and each variant checked as you type by its network's own rules
// (social::PostChecks: X's weighted length, LinkedIn's 3,000, Instagram's 2,200, 30 hashtags, 20
// mentions, 1–10 JPEG pictures in 4:5–1.91:1, Facebook's limits) with the reason under the field and a
// preview of how it looks in that network's feed. LUX writes a variant's caption on request (checked the
// same way). A post that breaks a rule of any chosen account cannot be scheduled. Pictures come from
// files or the media library (MediaPicker); one Instagram refuses for its format, size or shape has a
// "Fix for Instagram" link by the reason (social::PictureFix). Reading and fixing pictures and every
// database read and write run off the GUI thread.
class ComposerDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ComposerDialog(AppSession &session, QWidget *parent = nullptr);
    ~ComposerDialog() override;

    // The pictures, as the composer holds them (tests add them without the file dialog).
    struct Picture
    {
        QString name;
        QByteArray data;
        social::MediaFacts facts;
        QImage thumbnail;
        QString fixed; // what "Fix for Instagram" did to it, for people; empty when it was not fixed
        int key = 0;   // the composer's own (addPicture sets it): a fix finds its picture after a removal
    };
    void addPicture(const Picture &picture);
    static Picture readPicture(const QString &path); // on a worker thread: the bytes, their facts, a thumbnail
    static Picture pictureOf(const QString &name, const QByteArray &data); // the same from bytes, on a worker
    void addFromLibrary(); // opens the media picker (open(), never blocking)
    void fixPicture(int key); // "Fix for Instagram" on the picture with this key, on a worker
    bool accountsLoaded() const { return m_loaded; }
    const QList<Picture> &pictures() const { return m_pictures; }

Q_SIGNALS:
    void accountsReady();
    void scheduled(qint64 postId);

private:
    struct Variant
    {
        social::Account account;
        QWidget *page = nullptr;
        QPlainTextEdit *text = nullptr;
        QLineEdit *comment = nullptr;
        QLabel *count = nullptr;
        QLabel *findings = nullptr;
        PostPreview *preview = nullptr;
        QPushButton *lux = nullptr;
        bool edited = false;
        bool ok = false;
    };

    void loadAccounts();
    void showAccounts(const QList<social::Account> &accounts);
    void accountToggled();
    void baseTextChanged();
    void recheck();
    void check(Variant &v);
    void addPictures();
    void addLibraryItems(const QList<qint64> &ids);
    void removePicture();
    int pictureIndex(int key) const;
    void askLux(int index);
    void schedule();
    Variant *variantFor(qint64 accountId);

    AppSession &m_session;
    AssistantRunner *m_lux = nullptr;
    QList<social::Account> m_accounts;
    QList<QCheckBox *> m_accountBoxes;
    QVBoxLayout *m_accountList = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QListWidget *m_pictureList = nullptr;
    QTabWidget *m_tabs = nullptr;
    QList<Variant> m_variants;
    QList<Picture> m_pictures;
    QDateTimeEdit *m_when = nullptr;
    QButtonGroup *m_timing = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_schedule = nullptr;
    QSet<int> m_fixing; // keys of the pictures being fixed
    int m_nextKey = 1;
    bool m_loaded = false;
    bool m_busy = false;
};

// How a post looks in a network's feed, near enough to recognise: the account's name and handle, the
// text as the network shows it before "more", and the first picture.
class PostPreview : public QWidget
{
    Q_OBJECT
public:
    explicit PostPreview(QWidget *parent = nullptr);
    void show(const social::Account &account, const QString &text, const QList<QImage> &pictures);
    // What the network shows before its "more" (X shows the whole post).
    static QString shown(social::Network network, const QString &text, bool *cut = nullptr);

private:
    QLabel *m_name = nullptr;
    QLabel *m_text = nullptr;
    QLabel *m_picture = nullptr;
    QLabel *m_network = nullptr;
};

} // namespace lux::ui

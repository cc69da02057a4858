// SPDX-License-Identifier: GPL-3.0-or-later
#include "composerdialog.h"

#include "assistant/assistantsession.h"
#include "assistant/drafts.h"
#include "assistant/mediastore.h"
#include "common/assistantrunner.h"
#include "common/dbtask.h"
#include "common/dialogs.h"
#include "common/mediapicker.h"
#include "session/appsession.h"
#include "social/picturefix.h"
#include "social/poststore.h"
#include "storage/database.h"

#include <QBuffer>
#include <QButtonGroup>
#include <QCheckBox>
#include <QCoroTask>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QHash>
#include <QHBoxLayout>
#include <QImageReader>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStyle>
#include <QTabWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace lux::ui {

namespace {

constexpr qint64 kMaxPictureBytes = 16 * 1024 * 1024; // lux-tracker's limit; each network's own is checked

QString networkLabel(social::Network n)
{
    switch (n) {
    case social::Network::X: return QStringLiteral("X");
    case social::Network::LinkedIn: return QStringLiteral("LinkedIn");
    case social::Network::Instagram: return QStringLiteral("Instagram");
    case social::Network::Facebook: return QStringLiteral("Facebook");
    }
    return {};
}

} // namespace

// ---- The preview

PostPreview::PostPreview(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("postPreview"));
    setAttribute(Qt::WA_StyledBackground);
    setProperty("role", QStringLiteral("card"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 12, 14, 12);
    layout->setSpacing(8);
    auto *head = new QHBoxLayout;
    m_name = new QLabel(this);
    m_name->setObjectName(QStringLiteral("previewName"));
    m_name->setTextFormat(Qt::RichText);
    head->addWidget(m_name, 1);
    m_network = new QLabel(this);
    m_network->setProperty("role", QStringLiteral("muted"));
    head->addWidget(m_network);
    layout->addLayout(head);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("previewText"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::RichText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_picture = new QLabel(this);
    m_picture->setAlignment(Qt::AlignCenter);
    m_picture->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    layout->addWidget(m_text);
    layout->addWidget(m_picture);
    layout->addStretch(1);
}

QString PostPreview::shown(social::Network network, const QString &text, bool *cut)
{
    // Where each feed folds a post behind its "more" (as the networks' web feeds show them).
    int fold = 0;
    switch (network) {
    case social::Network::X: fold = 0; break;
    case social::Network::LinkedIn: fold = 210; break;
    case social::Network::Instagram: fold = 125; break;
    case social::Network::Facebook: fold = 480; break;
    }
    const bool folded = fold > 0 && text.size() > fold;
    if (cut)
        *cut = folded;
    return folded ? text.left(fold).trimmed() : text;
}

void PostPreview::show(const social::Account &account, const QString &text, const QList<QImage> &pictures)
{
    const QString handle = account.handle.isEmpty() ? QString() : QStringLiteral(" <span style=\"color:#8a8f98\">%1</span>")
                                                                      .arg((account.handle.startsWith(u'@') || account.network != social::Network::X
                                                                                ? account.handle
                                                                                : QString(u'@' + account.handle))
                                                                               .toHtmlEscaped());
    m_name->setText(QStringLiteral("<b>%1</b>%2").arg(account.name.toHtmlEscaped(), handle));
    m_network->setText(networkLabel(account.network));
    bool cut = false;
    QString body = shown(account.network, text, &cut).toHtmlEscaped();
    body.replace(u'\n', QStringLiteral("<br>"));
    if (cut)
        body += QStringLiteral("… <span style=\"color:#8a8f98\">%1</span>").arg(tr("more").toHtmlEscaped());
    // Instagram shows the picture first, the caption under it; the others the text first.
    auto *layout = static_cast<QVBoxLayout *>(this->layout());
    layout->removeWidget(m_picture);
    layout->insertWidget(account.network == social::Network::Instagram ? 1 : 2, m_picture);
    if (account.network == social::Network::Instagram && !account.handle.isEmpty())
        body = QStringLiteral("<b>%1</b> %2").arg(account.handle.toHtmlEscaped(), body);
    m_text->setText(body.isEmpty() ? QStringLiteral("<span style=\"color:#8a8f98\">%1</span>").arg(tr("(no text)")) : body);
    if (pictures.isEmpty()) {
        m_picture->clear();
        m_picture->setVisible(false);
    } else {
        const QImage first = pictures.first();
        m_picture->setPixmap(QPixmap::fromImage(first.scaled(QSize(280, 350), Qt::KeepAspectRatio, Qt::SmoothTransformation)));
        m_picture->setVisible(true);
        m_picture->setToolTip(tr("%n picture(s)", nullptr, int(pictures.size())));
    }
}

// ---- The composer

ComposerDialog::ComposerDialog(AppSession &session, QWidget *parent) : QDialog(parent), m_session(session)
{
    setObjectName(QStringLiteral("socialComposer"));
    setWindowTitle(tr("New Social Post"));
    resize(1180, 760);
    m_lux = new AssistantRunner(m_session, this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(22, 18, 22, 16);
    layout->setSpacing(12);
    auto *heading = new QLabel(tr("New Social Post"), this);
    heading->setProperty("role", QStringLiteral("title"));
    layout->addWidget(heading);

    auto *split = new QSplitter(Qt::Horizontal, this);
    // Left: the accounts, the text it starts from, the pictures.
    auto *left = new QWidget(split);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 8, 0);
    auto *accounts = new QGroupBox(tr("Post to"), left);
    m_accountList = new QVBoxLayout(accounts);
    auto *loading = new QLabel(tr("Reading the accounts…"), accounts);
    loading->setObjectName(QStringLiteral("composerLoading"));
    loading->setProperty("role", QStringLiteral("muted"));
    m_accountList->addWidget(loading);
    leftLayout->addWidget(accounts);
    auto *textLabel = new QLabel(tr("&Text (each account's version starts from it):"), left);
    m_text = new QPlainTextEdit(left);
    m_text->setObjectName(QStringLiteral("composerText"));
    m_text->setPlaceholderText(tr("What do you want to say?"));
    textLabel->setBuddy(m_text);
    leftLayout->addWidget(textLabel);
    leftLayout->addWidget(m_text, 1);
    auto *picturesRow = new QHBoxLayout;
    auto *picturesLabel = new QLabel(tr("Pictures:"), left);
    picturesRow->addWidget(picturesLabel);
    picturesRow->addStretch(1);
    auto *add = new QPushButton(tr("&Add Pictures…"), left);
    add->setObjectName(QStringLiteral("composerAddPictures"));
    auto *library = new QPushButton(tr("From &Media Library…"), left);
    library->setObjectName(QStringLiteral("composerFromLibrary"));
    library->setToolTip(tr("Pictures LUX generated, or that you posted or put in a template before"));
    auto *remove = new QPushButton(tr("Remove"), left);
    remove->setObjectName(QStringLiteral("composerRemovePicture"));
    picturesRow->addWidget(add);
    picturesRow->addWidget(library);
    picturesRow->addWidget(remove);
    leftLayout->addLayout(picturesRow);
    m_pictureList = new QListWidget(left);
    m_pictureList->setObjectName(QStringLiteral("composerPictures"));
    m_pictureList->setViewMode(QListView::IconMode);
    m_pictureList->setIconSize(QSize(72, 72));
    m_pictureList->setFixedHeight(110);
    m_pictureList->setMovement(QListView::Static);
    leftLayout->addWidget(m_pictureList);
    split->addWidget(left);

    // Right: a tab per chosen account, with its version, checks and preview.
    m_tabs = new QTabWidget(split);
    m_tabs->setObjectName(QStringLiteral("composerVariants"));
    split->addWidget(m_tabs);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 5);
    split->setSizes({400, 760});
    layout->addWidget(split, 1);

    // When.
    auto *whenRow = new QHBoxLayout;
    m_timing = new QButtonGroup(this);
    auto *at = new QRadioButton(tr("&At"), this);
    at->setObjectName(QStringLiteral("composerAt"));
    auto *queue = new QRadioButton(tr("Add to each account's &queue (its next free slot)"), this);
    queue->setObjectName(QStringLiteral("composerQueue"));
    m_timing->addButton(at, 0);
    m_timing->addButton(queue, 1);
    at->setChecked(true);
    m_when = new QDateTimeEdit(QDateTime::currentDateTime().addSecs(3600), this);
    m_when->setObjectName(QStringLiteral("composerWhen"));
    m_when->setCalendarPopup(true);
    m_when->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    whenRow->addWidget(at);
    whenRow->addWidget(m_when);
    whenRow->addSpacing(16);
    whenRow->addWidget(queue);
    whenRow->addStretch(1);
    layout->addLayout(whenRow);

    auto *bottom = new QHBoxLayout;
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("composerSummary"));
    m_summary->setWordWrap(true);
    bottom->addWidget(m_summary, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_schedule = buttons->addButton(tr("&Schedule"), QDialogButtonBox::AcceptRole);
    m_schedule->setObjectName(QStringLiteral("composerSchedule"));
    m_schedule->setEnabled(false);
    bottom->addWidget(buttons);
    layout->addLayout(bottom);

    connect(m_text, &QPlainTextEdit::textChanged, this, &ComposerDialog::baseTextChanged);
    connect(add, &QPushButton::clicked, this, &ComposerDialog::addPictures);
    connect(library, &QPushButton::clicked, this, &ComposerDialog::addFromLibrary);
    connect(remove, &QPushButton::clicked, this, &ComposerDialog::removePicture);
    connect(m_timing, &QButtonGroup::idToggled, this, [this](int, bool) { m_when->setEnabled(m_timing->checkedId() == 0); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_schedule, &QPushButton::clicked, this, &ComposerDialog::schedule);
    loadAccounts();
    recheck();
}

ComposerDialog::~ComposerDialog() = default;

void ComposerDialog::loadAccounts()
{
    if (!m_session.database())
        return;
    runOnDatabase<Result<QList<social::Account>>>(
        this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadOnly,
        [](QSqlDatabase &db) { return social::AccountStore(db).list(); },
        [this](const Result<QList<social::Account>> &accounts) {
            if (!accounts) {
                m_summary->setText(accounts.error().message);
                return;
            }
            showAccounts(*accounts);
        });
}

void ComposerDialog::showAccounts(const QList<social::Account> &accounts)
{
    if (QWidget *loading = findChild<QWidget *>(QStringLiteral("composerLoading")))
        loading->deleteLater();
    m_accounts.clear();
    for (const social::Account &a : accounts)
        if (a.status == u"connected")
            m_accounts << a;
    if (m_accounts.isEmpty()) {
        auto *none = new QLabel(tr("No account is connected yet: connect one in Social → Accounts → Connect Account…."), this);
        none->setWordWrap(true);
        none->setProperty("role", QStringLiteral("muted"));
        m_accountList->addWidget(none);
    }
    for (const social::Account &a : std::as_const(m_accounts)) {
        auto *box = new QCheckBox(a.displayName(), this);
        box->setObjectName(QStringLiteral("composerAccount%1").arg(a.id));
        box->setProperty("accountId", a.id);
        m_accountList->addWidget(box);
        m_accountBoxes << box;
        connect(box, &QCheckBox::toggled, this, &ComposerDialog::accountToggled);
    }
    m_loaded = true;
    recheck();
    Q_EMIT accountsReady();
}

ComposerDialog::Variant *ComposerDialog::variantFor(qint64 accountId)
{
    for (Variant &v : m_variants)
        if (v.account.id == accountId)
            return &v;
    return nullptr;
}

void ComposerDialog::accountToggled()
{
    // A tab per chosen account, in the list's order; a version already edited is kept while chosen.
    QList<Variant> kept;
    for (QCheckBox *box : std::as_const(m_accountBoxes)) {
        const qint64 id = box->property("accountId").toLongLong();
        if (!box->isChecked())
            continue;
        if (Variant *existing = variantFor(id)) {
            kept << *existing;
            existing->page = nullptr; // moved
            continue;
        }
        const auto account = std::find_if(m_accounts.cbegin(), m_accounts.cend(), [id](const social::Account &a) { return a.id == id; });
        Variant v;
        v.account = *account;
        v.page = new QWidget;
        auto *pageLayout = new QHBoxLayout(v.page);
        auto *editor = new QVBoxLayout;
        v.text = new QPlainTextEdit(v.page);
        v.text->setObjectName(QStringLiteral("variantText%1").arg(id));
        v.text->setPlainText(m_text->toPlainText());
        editor->addWidget(v.text, 1);
        auto *countRow = new QHBoxLayout;
        v.count = new QLabel(v.page);
        v.count->setObjectName(QStringLiteral("variantCount%1").arg(id));
        countRow->addWidget(v.count, 1);
        v.lux = new QPushButton(tr("Ask &LUX for a Caption"), v.page);
        v.lux->setObjectName(QStringLiteral("variantLux%1").arg(id));
        v.lux->setToolTip(tr("LUX writes this network's caption from your text, in the brand's voice, with hashtags; checked before it is shown"));
        countRow->addWidget(v.lux);
        editor->addLayout(countRow);
        v.findings = new QLabel(v.page);
        v.findings->setObjectName(QStringLiteral("variantFindings%1").arg(id));
        v.findings->setWordWrap(true);
        v.findings->setTextFormat(Qt::RichText);
        v.findings->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
        // "fix:KEY": Fix for Instagram on that picture.
        connect(v.findings, &QLabel::linkActivated, this, [this](const QString &link) {
            if (link.startsWith(u"fix:"))
                fixPicture(link.mid(4).toInt());
        });
        editor->addWidget(v.findings);
        v.comment = new QLineEdit(v.page);
        v.comment->setObjectName(QStringLiteral("variantComment%1").arg(id));
        v.comment->setPlaceholderText(v.account.network == social::Network::X ? tr("X takes no first comment")
                                                                               : tr("First comment (optional)"));
        v.comment->setEnabled(v.account.network != social::Network::X);
        editor->addWidget(v.comment);
        pageLayout->addLayout(editor, 1);
        v.preview = new PostPreview(v.page);
        v.preview->setMinimumWidth(300);
        auto *scroll = new QScrollArea(v.page);
        scroll->setMinimumWidth(330);
        scroll->setWidgetResizable(true);
        scroll->setWidget(v.preview);
        scroll->setFrameShape(QFrame::NoFrame);
        pageLayout->addWidget(scroll, 1);
        connect(v.text, &QPlainTextEdit::textChanged, this, [this, id] {
            if (Variant *w = variantFor(id)) {
                if (w->text->hasFocus())
                    w->edited = true;
                check(*w);
                recheck();
            }
        });
        connect(v.comment, &QLineEdit::textChanged, this, [this, id] {
            if (Variant *w = variantFor(id)) {
                check(*w);
                recheck();
            }
        });
        connect(v.lux, &QPushButton::clicked, this, [this, id] {
            for (int i = 0; i < m_variants.size(); ++i)
                if (m_variants.at(i).account.id == id)
                    askLux(i);
        });
        kept << v;
    }
    // Tabs of accounts no longer chosen go with their widgets.
    for (Variant &v : m_variants)
        if (v.page)
            v.page->deleteLater();
    while (m_tabs->count() > 0)
        m_tabs->removeTab(0);
    m_variants = kept;
    for (Variant &v : m_variants) {
        m_tabs->addTab(v.page, networkLabel(v.account.network) + QStringLiteral(" · ") + v.account.name);
        check(v);
    }
    recheck();
}

void ComposerDialog::baseTextChanged()
{
    for (Variant &v : m_variants)
        if (!v.edited) {
            const QSignalBlocker quiet(v.text);
            v.text->setPlainText(m_text->toPlainText());
            check(v);
        }
    recheck();
}

void ComposerDialog::check(Variant &v)
{
    QList<social::MediaFacts> facts;
    QList<QImage> thumbnails;
    for (const Picture &p : std::as_const(m_pictures)) {
        facts << p.facts;
        thumbnails << p.thumbnail;
    }
    social::CheckOptions options;
    options.longPosts = v.account.longPosts;
    options.firstComment = v.comment->text();
    const QString text = v.text->toPlainText();
    const social::PostCheck c = social::PostChecks::check(v.account.network, text, facts, options);
    v.ok = c.ok() && (!text.trimmed().isEmpty() || !facts.isEmpty());
    const bool over = c.limit > 0 && c.characters > c.limit;
    v.count->setText(v.account.network == social::Network::X ? tr("%1 / %2 (X's count)").arg(c.characters).arg(c.limit)
                                                             : tr("%1 / %2 characters").arg(c.characters).arg(c.limit));
    v.count->setProperty("role", over ? QStringLiteral("error") : QStringLiteral("muted"));
    v.count->style()->unpolish(v.count);
    v.count->style()->polish(v.count);
    QStringList lines;
    // One fix per picture, offered after the last of its reasons the fix cures (it cures them all at once).
    QHash<int, qsizetype> lastCured;
    for (qsizetype i = 0; i < c.findings.size(); ++i)
        if (social::PictureFix::cures(v.account.network, c.findings.at(i)) && c.findings.at(i).item < m_pictures.size())
            lastCured.insert(c.findings.at(i).item, i);
    for (qsizetype i = 0; i < c.findings.size(); ++i) {
        const social::Finding &f = c.findings.at(i);
        QString line = QStringLiteral("<span style=\"color:%1\">%2</span> %3")
                           .arg(f.blocking ? QStringLiteral("#e5484d") : QStringLiteral("#d29922"), f.blocking ? QStringLiteral("✖") : QStringLiteral("•"),
                                f.message.toHtmlEscaped());
        if (lastCured.value(f.item, -1) == i) {
            const int key = m_pictures.at(f.item).key;
            line += m_fixing.contains(key)
                ? QStringLiteral(" &nbsp;<i>%1</i>").arg(tr("Fixing…").toHtmlEscaped())
                : QStringLiteral(" &nbsp;<a href=\"fix:%1\" style=\"color:#4f8cff;font-weight:600;text-decoration:none\">%2</a>")
                      .arg(key)
                      .arg(tr("Fix for Instagram").toHtmlEscaped());
        }
        lines << line;
    }
    if (text.trimmed().isEmpty() && facts.isEmpty())
        lines << QStringLiteral("<span style=\"color:#e5484d\">✖</span> %1").arg(tr("Write something or add a picture.").toHtmlEscaped());
    if (lines.isEmpty())
        lines << QStringLiteral("<span style=\"color:#30a46c\">✔</span> %1").arg(tr("%1 takes it as it is.").arg(networkLabel(v.account.network)).toHtmlEscaped());
    if (v.account.network == social::Network::Instagram)
        for (const Picture &p : std::as_const(m_pictures))
            if (!p.fixed.isEmpty())
                lines << QStringLiteral("<span style=\"color:#8a8f98\">%1</span>").arg(tr("Fixed for Instagram: %1 (%2).").arg(p.name, p.fixed).toHtmlEscaped());
    v.findings->setText(lines.join(QStringLiteral("<br>")));
    const int tab = m_tabs->indexOf(v.page);
    if (tab >= 0)
        m_tabs->setTabText(tab, QString((v.ok ? QString() : QStringLiteral("✖ ")) + networkLabel(v.account.network) + QStringLiteral(" · ")
                                        + v.account.name));
    v.preview->show(v.account, text, thumbnails);
}

void ComposerDialog::recheck()
{
    if (m_variants.isEmpty()) {
        m_summary->setText(m_loaded ? tr("Choose the accounts to post to.") : QString());
        m_schedule->setEnabled(false);
        return;
    }
    QStringList refusing;
    for (const Variant &v : std::as_const(m_variants))
        if (!v.ok)
            refusing << v.account.displayName();
    m_schedule->setEnabled(refusing.isEmpty() && !m_busy);
    m_summary->setText(refusing.isEmpty() ? tr("Ready for %n account(s).", nullptr, int(m_variants.size()))
                                          : tr("Not yet: %1 would refuse it as it is (the reasons are under its text).").arg(refusing.join(QStringLiteral(", "))));
}

ComposerDialog::Picture ComposerDialog::readPicture(const QString &path)
{
    const QString name = QFileInfo(path).fileName();
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly) || f.size() > kMaxPictureBytes)
        return Picture{name, {}, {}, {}, {}, 0};
    return pictureOf(name, f.readAll());
}

ComposerDialog::Picture ComposerDialog::pictureOf(const QString &name, const QByteArray &data)
{
    Picture p;
    p.name = name;
    p.data = data;
    p.facts = social::MediaFacts::of(p.name, p.data);
    QBuffer buffer;
    buffer.setData(data);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    reader.setAutoTransform(true); // the preview shows it as the network will
    if (const QImage image = reader.read(); !image.isNull())
        p.thumbnail = image.scaled(QSize(640, 640), Qt::KeepAspectRatio, Qt::SmoothTransformation);
    return p;
}

void ComposerDialog::addPicture(const Picture &picture)
{
    m_pictures << picture;
    m_pictures.last().key = m_nextKey++;
    auto *item = new QListWidgetItem(QIcon(QPixmap::fromImage(picture.thumbnail)), picture.name, m_pictureList);
    item->setToolTip(tr("%1, %2 KB").arg(picture.name).arg(picture.data.size() / 1024));
    for (Variant &v : m_variants)
        check(v);
    recheck();
}

int ComposerDialog::pictureIndex(int key) const
{
    for (int i = 0; i < m_pictures.size(); ++i)
        if (m_pictures.at(i).key == key)
            return i;
    return -1;
}

void ComposerDialog::addFromLibrary()
{
    if (!m_session.database())
        return;
    auto *picker = new MediaPicker(m_session.database()->path(), QAbstractItemView::ExtendedSelection, this);
    picker->setWindowTitle(tr("Add Pictures from the Media Library"));
    picker->setAttribute(Qt::WA_DeleteOnClose);
    connect(picker, &QDialog::accepted, this, [this, picker] {
        QList<qint64> ids;
        for (const assistant::MediaItem &m : picker->chosen())
            ids << m.id;
        addLibraryItems(ids);
    });
    picker->open();
}

void ComposerDialog::addLibraryItems(const QList<qint64> &ids)
{
    if (ids.isEmpty() || !m_session.database())
        return;
    // The bytes, their facts and a thumbnail on a worker, as for a file; the library's name is kept.
    runOnDatabase<Result<QList<Picture>>>(
        this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadOnly,
        [ids](QSqlDatabase &db) -> Result<QList<Picture>> {
            const assistant::MediaStore store(db);
            QList<Picture> out;
            for (qint64 id : ids) {
                auto item = store.find(id);
                if (!item)
                    return item.error();
                out << pictureOf(item->name, item->data);
            }
            return out;
        },
        [this](const Result<QList<Picture>> &pictures) {
            if (!pictures) {
                Dialogs::warning(this, tr("Media Library"), pictures.error().message);
                return;
            }
            for (const Picture &p : *pictures)
                addPicture(p);
        });
}

void ComposerDialog::fixPicture(int key)
{
    const int index = pictureIndex(key);
    if (index < 0 || m_fixing.contains(key))
        return;
    m_fixing.insert(key);
    for (Variant &v : m_variants)
        check(v); // "Fixing…" where the link was
    struct Fixed
    {
        social::FixedPicture fix;
        Picture picture;
    };
    const QByteArray data = m_pictures.at(index).data;
    const QString name = m_pictures.at(index).name;
    // Decoding, cropping and encoding a large picture take a while: on a worker, as reading one does.
    auto *watcher = new QFutureWatcher<Fixed>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, key] {
        const Fixed made = watcher->result();
        watcher->deleteLater();
        m_fixing.remove(key);
        const int at = pictureIndex(key);
        if (at >= 0 && !made.fix.ok())
            Dialogs::warning(this, tr("Fix for Instagram"), tr("%1: %2").arg(m_pictures.at(at).name, made.fix.error));
        if (at >= 0 && made.fix.ok() && made.fix.changed()) {
            // The fixed picture replaces the original for every chosen network, not Instagram's alone: a
            // post carries one set of pictures (PostDraft's media are shared by its targets), and X,
            // LinkedIn and Facebook take a JPEG in 4:5–1.91:1 as readily as the original.
            Picture fixed = made.picture;
            fixed.key = key;
            fixed.fixed = made.fix.summary();
            m_pictures[at] = fixed;
            if (QListWidgetItem *item = m_pictureList->item(at)) {
                item->setIcon(QIcon(QPixmap::fromImage(fixed.thumbnail)));
                item->setText(fixed.name);
                item->setToolTip(tr("%1, %2 KB (fixed for Instagram: %3)").arg(fixed.name).arg(fixed.data.size() / 1024).arg(fixed.fixed));
            }
        }
        for (Variant &v : m_variants)
            check(v);
        recheck();
    });
    watcher->setFuture(QtConcurrent::run([data, name]() -> Fixed {
        Fixed out;
        out.fix = social::PictureFix::forInstagram(data);
        if (out.fix.ok() && out.fix.changed())
            out.picture = pictureOf(QFileInfo(name).completeBaseName() + QStringLiteral(".jpg"), out.fix.data);
        return out;
    }));
}

void ComposerDialog::addPictures()
{
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Add Pictures"), {}, tr("Pictures (*.jpg *.jpeg *.png *.gif *.webp)"));
    for (const QString &path : files) {
        // Read and decoded on a worker: a large picture must not stop the window.
        auto *watcher = new QFutureWatcher<Picture>(this);
        connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, path] {
            const Picture p = watcher->result();
            watcher->deleteLater();
            if (p.data.isEmpty()) {
                Dialogs::warning(this, tr("Add Pictures"), tr("%1 could not be read, or is larger than 16 MB.").arg(QFileInfo(path).fileName()));
                return;
            }
            addPicture(p);
        });
        watcher->setFuture(QtConcurrent::run(&ComposerDialog::readPicture, path));
    }
}

void ComposerDialog::removePicture()
{
    const int row = m_pictureList->currentRow();
    if (row < 0 || row >= m_pictures.size())
        return;
    m_fixing.remove(m_pictures.at(row).key);
    m_pictures.removeAt(row);
    delete m_pictureList->takeItem(row);
    for (Variant &v : m_variants)
        check(v);
    recheck();
}

void ComposerDialog::askLux(int index)
{
    const social::Network network = m_variants.at(index).account.network;
    const qint64 id = m_variants.at(index).account.id;
    const bool longPosts = m_variants.at(index).account.longPosts;
    const QString brief = m_variants.at(index).text->toPlainText().trimmed().isEmpty() ? m_text->toPlainText().trimmed()
                                                                                        : m_variants.at(index).text->toPlainText().trimmed();
    if (brief.isEmpty()) {
        Dialogs::information(this, tr("Ask LUX"), tr("Write a few words about the post first: LUX writes the caption from them."));
        return;
    }
    m_lux->withSession([this, network, id, longPosts, brief](const std::shared_ptr<assistant::AssistantSession> &lux) {
        const AssistantRunner::Busy busy = m_lux->busy(tr("LUX is writing the caption…"));
        QCoro::connect(lux->drafts().caption(network, brief, longPosts, {}, busy.cancel), this,
                       [this, lux, busy, id](const Result<assistant::Drafts::CaptionDraft> &made) {
                           busy.finished();
                           if (!made) {
                               if (made.error().code != u"openai.cancelled")
                                   Dialogs::warning(this, tr("LUX"), made.error().message);
                               return;
                           }
                           if (Variant *v = variantFor(id)) {
                               v->edited = true;
                               v->text->setPlainText(assistant::Drafts::withHashtags(*made));
                           }
                       });
    });
}

void ComposerDialog::schedule()
{
    if (m_variants.isEmpty() || !m_session.database())
        return;
    social::PostDraft draft;
    draft.text = m_text->toPlainText();
    for (const Variant &v : std::as_const(m_variants))
        draft.targets << social::TargetDraft{v.account.id, v.text->toPlainText(), v.comment->text().trimmed(), {}};
    if (m_timing->checkedId() == 1)
        draft.queue = true;
    else
        draft.at = m_when->dateTime().toUTC().toMSecsSinceEpoch();
    const QList<Picture> pictures = m_pictures;
    m_busy = true;
    recheck();
    m_summary->setText(tr("Scheduling…"));
    runOnDatabase<Result<qint64>>(
        this, m_session.database()->path(), storage::ScopedConnection::Mode::ReadWrite,
        [draft, pictures](QSqlDatabase &db) mutable -> Result<qint64> {
            // The pictures go to the media library (the same bytes are kept once), then the post.
            assistant::MediaStore media(db);
            QList<qint64> ids;
            for (const Picture &p : pictures) {
                assistant::MediaItem item;
                item.name = p.name;
                item.data = p.data;
                const auto id = media.add(item, std::nullopt);
                if (!id)
                    return id.error();
                ids << *id;
            }
            for (social::TargetDraft &t : draft.targets)
                t.mediaIds = ids;
            return social::PostStore(db).schedule(draft);
        },
        [this](const Result<qint64> &post) {
            m_busy = false;
            if (!post) {
                recheck();
                m_summary->setText(post.error().message);
                return;
            }
            Q_EMIT scheduled(*post);
            accept();
        });
}

} // namespace lux::ui

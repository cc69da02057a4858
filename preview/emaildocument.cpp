// SPDX-License-Identifier: GPL-3.0-or-later
#include "emaildocument.h"

#include <QDir>
#include <QFile>
#include <QFont>
#include <QFontDatabase>
#include <QFontInfo>
#include <QFontMetrics>
#include <QMutex>
#include <QPainter>
#include <QPainterPath>
#include <QRegularExpression>
#include <QUrl>

#include "cellmemo.h"
#include "common/errorcodes.h"
#include "common/htmllimits.h"
#include "common/inputfile.h"
#include "widthpass.h"

#include <QBuffer>
#include <QFileInfo>
#include <QImageReader>

#include <litehtml.h>

#include <cmath>
#include <cstring>
#include <vector>

namespace lux::preview {

namespace {

// The user-agent stylesheet: the HTML defaults a mail client starts from (written for this project
// from the HTML standard's rendering section).
constexpr const char *kMasterCss = R"css(
html, address, blockquote, body, center, div, figure, footer, form, header, main, nav, section, article, p, pre,
h1, h2, h3, h4, h5, h6, hr, ul, ol, dl, dd, dt { display: block; }
head, style, script, title, meta, link, template { display: none; }
body { margin: 8px; }
p, dl { margin-top: 1em; margin-bottom: 1em; }
blockquote, figure { margin: 1em 40px; }
center { text-align: center; }
h1 { font-size: 2em; margin-top: 0.67em; margin-bottom: 0.67em; font-weight: bold; }
h2 { font-size: 1.5em; margin-top: 0.83em; margin-bottom: 0.83em; font-weight: bold; }
h3 { font-size: 1.17em; margin-top: 1em; margin-bottom: 1em; font-weight: bold; }
h4 { margin-top: 1.33em; margin-bottom: 1.33em; font-weight: bold; }
h5 { font-size: 0.83em; margin-top: 1.67em; margin-bottom: 1.67em; font-weight: bold; }
h6 { font-size: 0.67em; margin-top: 2.33em; margin-bottom: 2.33em; font-weight: bold; }
ul, ol { margin-top: 1em; margin-bottom: 1em; padding-left: 40px; }
ul { list-style-type: disc; }
ol { list-style-type: decimal; }
ul ul, ol ul { list-style-type: circle; margin-top: 0; margin-bottom: 0; }
li { display: list-item; }
dd { margin-left: 40px; }
table { display: table; border-spacing: 2px; border-collapse: separate; text-indent: 0; }
caption { display: table-caption; text-align: center; }
thead { display: table-header-group; vertical-align: middle; }
tbody { display: table-row-group; vertical-align: middle; }
tfoot { display: table-footer-group; vertical-align: middle; }
tr { display: table-row; vertical-align: inherit; }
td, th { display: table-cell; vertical-align: inherit; padding: 1px; }
th { font-weight: bold; text-align: center; }
b, strong { font-weight: bold; }
i, em, cite, var { font-style: italic; }
u, ins { text-decoration: underline; }
s, strike, del { text-decoration: line-through; }
a { color: #0000ee; text-decoration: underline; cursor: pointer; }
img { display: inline-block; }
br { display: block; }
hr { border-style: inset; border-width: 1px; margin: 0.5em auto; color: gray; }
pre { white-space: pre; font-family: monospace; margin-top: 1em; margin-bottom: 1em; }
code, kbd, samp, tt { font-family: monospace; }
small { font-size: smaller; }
big { font-size: larger; }
sub { vertical-align: sub; font-size: smaller; }
sup { vertical-align: super; font-size: smaller; }
)css";

QString fromUtf8(const litehtml::tchar_t *s)
{
    return QString::fromUtf8(s);
}

QColor toColor(const litehtml::web_color &c)
{
    return QColor(c.red, c.green, c.blue, c.alpha);
}

QRect toRect(const litehtml::position &p)
{
    return QRect(p.x, p.y, p.width, p.height);
}

QPainterPath roundedPath(const QRect &r, const litehtml::border_radiuses &radius)
{
    QPainterPath path;
    if (radius.top_left_x == 0 && radius.top_right_x == 0 && radius.bottom_left_x == 0 && radius.bottom_right_x == 0) {
        path.addRect(r);
        return path;
    }
    // One radius is a fair approximation of per-corner radii for buttons and cards.
    const int rx = std::max({radius.top_left_x, radius.top_right_x, radius.bottom_left_x, radius.bottom_right_x});
    const int ry = std::max({radius.top_left_y, radius.top_right_y, radius.bottom_left_y, radius.bottom_right_y});
    path.addRoundedRect(r, rx, ry);
    return path;
}

// The family a browser would use for a CSS font stack. Chromium on Linux takes the first family that
// is installed or has a metric-compatible stand-in (fontconfig's strong aliases, such as Liberation
// Sans for Arial), skips the rest, and resolves generic names through fontconfig; with nothing left it
// uses its standard font, Times New Roman. Doing the same keeps lines breaking where a browser breaks
// them.
QString resolveFontStack(const QString &stack)
{
    static QMutex mutex;
    static QHash<QString, QString> cache;
    const QMutexLocker lock(&mutex);
    if (const auto it = cache.constFind(stack); it != cache.constEnd())
        return *it;
    static const QHash<QString, QString> metricAliases = {
        {QStringLiteral("arial"), QStringLiteral("Liberation Sans")},
        {QStringLiteral("helvetica"), QStringLiteral("Liberation Sans")},
        {QStringLiteral("arimo"), QStringLiteral("Liberation Sans")},
        {QStringLiteral("arial narrow"), QStringLiteral("Liberation Sans Narrow")},
        {QStringLiteral("times new roman"), QStringLiteral("Liberation Serif")},
        {QStringLiteral("times"), QStringLiteral("Liberation Serif")},
        {QStringLiteral("tinos"), QStringLiteral("Liberation Serif")},
        {QStringLiteral("courier new"), QStringLiteral("Liberation Mono")},
        {QStringLiteral("courier"), QStringLiteral("Liberation Mono")},
        {QStringLiteral("cousine"), QStringLiteral("Liberation Mono")},
    };
    const auto installed = [&](const QString &family) {
        if (QFontDatabase::hasFamily(family))
            return family;
        const QString alias = metricAliases.value(family.toLower());
        return !alias.isEmpty() && QFontDatabase::hasFamily(alias) ? alias : QString();
    };
    // Chromium's generic families on Linux are Arial and Times New Roman (through their stand-ins),
    // with fontconfig's choice where neither is there.
    const auto generic = [&](const char *preferred, QFont::StyleHint hint, const char *name) {
        const QString family = installed(QString::fromLatin1(preferred));
        if (!family.isEmpty())
            return family;
        QFont font(QString::fromLatin1(name));
        font.setStyleHint(hint);
        return QFontInfo(font).family();
    };
    QString resolved;
    for (QString family : stack.split(u',', Qt::SkipEmptyParts)) {
        family = family.trimmed().remove(u'"').remove(u'\'');
        const QString key = family.toLower();
        if (key == QLatin1String("sans-serif"))
            resolved = generic("Arial", QFont::SansSerif, "sans-serif");
        else if (key == QLatin1String("system-ui"))
            resolved = generic("", QFont::SansSerif, "sans-serif");
        else if (key == QLatin1String("serif"))
            resolved = generic("Times New Roman", QFont::Serif, "serif");
        else if (key == QLatin1String("monospace"))
            resolved = generic("", QFont::Monospace, "monospace");
        else
            resolved = installed(family);
        if (!resolved.isEmpty())
            break;
    }
    if (resolved.isEmpty())
        resolved = generic("Times New Roman", QFont::Serif, "serif");
    cache.insert(stack, resolved);
    return resolved;
}

class Container final : public litehtml::document_container
{
public:
    explicit Container(const PreviewOptions &options) : m_options(options) {}

    QPainter *painter = nullptr;
    QSet<QString> blocked;
    QSet<QString> refused;            // images not shown (the policy, the limits, not an image)
    QHash<QString, QString> altTexts; // <img> sources and their alt text, for the placeholder of a refused one
    QList<Error> problems;
    detail::CellMemoState memo;

    litehtml::uint_ptr create_font(const litehtml::tchar_t *faceName, int size, int weight, litehtml::font_style italic,
                                   unsigned int decoration, litehtml::font_metrics *fm) override
    {
        QFont font;
        font.setFamily(resolveFontStack(fromUtf8(faceName)));
        font.setPixelSize(std::max(1, size));
        font.setWeight(QFont::Weight(std::clamp(weight, 100, 900)));
        font.setItalic(italic == litehtml::fontStyleItalic);
        font.setUnderline(decoration & litehtml::font_decoration_underline);
        font.setStrikeOut(decoration & litehtml::font_decoration_linethrough);
        font.setOverline(decoration & litehtml::font_decoration_overline);
        font.setHintingPreference(QFont::PreferNoHinting);
        const QFontMetrics metrics(font);
        if (fm) {
            fm->ascent = metrics.ascent();
            fm->descent = metrics.descent();
            fm->height = metrics.height();
            fm->x_height = metrics.xHeight();
            fm->draw_spaces = decoration != litehtml::font_decoration_none;
        }
        m_fonts.push_back(std::make_unique<Font>(font));
        return litehtml::uint_ptr(m_fonts.size());
    }
    void delete_font(litehtml::uint_ptr) override {} // fonts live as long as the document
    int text_width(const litehtml::tchar_t *text, litehtml::uint_ptr font) override
    {
        // litehtml measures each word and each space apart, in whole pixels, where a browser adds up
        // the fractional advances of the whole line. Space rounding does not even out over a line (a
        // 15 px Arial space is 4.16 px, 4 on every space), so each word carries the rounding of the
        // space after it; and words round up, so a line that a browser fills to within a pixel wraps
        // here too rather than fitting in the preview and breaking in the inbox.
        Font &f = fontAt(font);
        const QByteArray key = QByteArray::fromRawData(text, qsizetype(std::strlen(text)));
        if (const auto it = f.widths.constFind(key); it != f.widths.constEnd())
            return *it; // litehtml measures the same words again in each layout pass
        const QString s = fromUtf8(text);
        const qreal advance = f.metrics.horizontalAdvance(s);
        const int width = s.trimmed().isEmpty() ? qRound(advance) : int(std::ceil(advance + f.spaceBias));
        f.widths.insert(QByteArray(text), width);
        return width;
    }
    void draw_text(litehtml::uint_ptr, const litehtml::tchar_t *text, litehtml::uint_ptr font, litehtml::web_color color,
                   const litehtml::position &pos) override
    {
        const Font &f = fontAt(font);
        painter->setFont(f.font);
        painter->setPen(toColor(color));
        painter->drawText(pos.x, pos.y + f.ascent, fromUtf8(text));
    }
    int pt_to_px(int pt) const override { return pt * 96 / 72; }
    int get_default_font_size() const override { return 16; }
    const litehtml::tchar_t *get_default_font_name() const override { return "Times New Roman"; }
    void draw_list_marker(litehtml::uint_ptr, const litehtml::list_marker &marker) override
    {
        const QRect r = toRect(marker.pos);
        painter->setPen(toColor(marker.color));
        painter->setBrush(toColor(marker.color));
        switch (marker.marker_type) {
        case litehtml::list_style_type_disc: painter->drawEllipse(r); break;
        case litehtml::list_style_type_circle:
            painter->setBrush(Qt::NoBrush);
            painter->drawEllipse(r);
            break;
        case litehtml::list_style_type_square: painter->fillRect(r, toColor(marker.color)); break;
        case litehtml::list_style_type_none: break;
        default:
            if (marker.font) {
                painter->setFont(fontAt(marker.font).font);
                painter->drawText(QRect(r.x() - 40, r.y() - r.height(), 40 + r.width(), r.height() * 3), Qt::AlignRight | Qt::AlignVCenter,
                                  QStringLiteral("%1.").arg(marker.index));
            }
            break;
        }
    }
    void load_image(const litehtml::tchar_t *src, const litehtml::tchar_t *, bool) override { image(fromUtf8(src)); }
    void get_image_size(const litehtml::tchar_t *src, const litehtml::tchar_t *, litehtml::size &sz) override
    {
        const QString source = fromUtf8(src);
        const QImage &img = image(source);
        sz.width = img.width();
        sz.height = img.height();
        if (img.isNull() && refused.contains(source) && altTexts.contains(source)) {
            // A refused <img> without width and height still shows where it was: a box for its alt text.
            const QSize box = placeholderSize(altTexts.value(source));
            sz.width = box.width();
            sz.height = box.height();
        }
    }
    QString placeholderText(const QString &src) const
    {
        const QString alt = altTexts.value(src).simplified();
        return alt.isEmpty() ? EmailDocument::tr("Image not shown") : alt;
    }
    QSize placeholderSize(const QString &alt) const
    {
        const QFontMetrics metrics(placeholderFont());
        const QString text = alt.simplified().isEmpty() ? EmailDocument::tr("Image not shown") : alt.simplified();
        return QSize(std::min(metrics.horizontalAdvance(text) + 16, m_options.width), metrics.height() + 12);
    }
    static QFont placeholderFont()
    {
        QFont font(resolveFontStack(QStringLiteral("sans-serif")));
        font.setPixelSize(12);
        return font;
    }
    void drawPlaceholder(const QRect &r, const QString &src)
    {
        if (r.width() <= 2 || r.height() <= 2)
            return;
        painter->save();
        painter->fillRect(r, QColor(0xf1, 0xf5, 0xf9));
        painter->setPen(QPen(QColor(0x94, 0xa3, 0xb8), 1, Qt::DashLine));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(r.adjusted(0, 0, -1, -1));
        painter->setFont(placeholderFont());
        painter->setPen(QColor(0x47, 0x55, 0x69));
        const QFontMetrics metrics(painter->font());
        painter->drawText(r.adjusted(6, 0, -6, 0), Qt::AlignCenter,
                          metrics.elidedText(placeholderText(src), Qt::ElideRight, std::max(0, r.width() - 12)));
        painter->restore();
    }
    void draw_background(litehtml::uint_ptr, const litehtml::background_paint &bg) override
    {
        painter->save();
        painter->setClipRect(toRect(bg.clip_box), Qt::IntersectClip);
        const QPainterPath shape = roundedPath(toRect(bg.border_box), bg.border_radius);
        if (bg.color.alpha > 0)
            painter->fillPath(shape, toColor(bg.color));
        if (!bg.image.empty() && refused.contains(fromUtf8(bg.image.c_str()))) {
            // An <img> refused shows as a box with its alt text; a refused background image leaves the colour.
            if (altTexts.contains(fromUtf8(bg.image.c_str())) && bg.image_size.width > 0)
                drawPlaceholder(toRect(bg.border_box), fromUtf8(bg.image.c_str()));
        } else if (!bg.image.empty()) {
            const QImage &img = image(fromUtf8(bg.image.c_str()));
            if (!img.isNull() && bg.image_size.width > 0 && bg.image_size.height > 0) {
                const QImage scaled = img.size() == QSize(bg.image_size.width, bg.image_size.height)
                                          ? img
                                          : img.scaled(bg.image_size.width, bg.image_size.height, Qt::IgnoreAspectRatio,
                                                       Qt::SmoothTransformation);
                painter->setClipPath(shape, Qt::IntersectClip);
                const QRect clip = toRect(bg.clip_box);
                const int x0 = bg.position_x, y0 = bg.position_y;
                const bool repeatX = bg.repeat == litehtml::background_repeat_repeat || bg.repeat == litehtml::background_repeat_repeat_x;
                const bool repeatY = bg.repeat == litehtml::background_repeat_repeat || bg.repeat == litehtml::background_repeat_repeat_y;
                const int w = scaled.width(), h = scaled.height();
                const int startX = repeatX ? x0 - ((x0 - clip.left()) / w + 1) * w : x0;
                const int startY = repeatY ? y0 - ((y0 - clip.top()) / h + 1) * h : y0;
                for (int y = startY; y < (repeatY ? clip.bottom() + 1 : startY + 1); y += h)
                    for (int x = startX; x < (repeatX ? clip.right() + 1 : startX + 1); x += w)
                        painter->drawImage(QPoint(x, y), scaled);
            }
        }
        painter->restore();
    }
    void draw_borders(litehtml::uint_ptr, const litehtml::borders &b, const litehtml::position &drawPos, bool) override
    {
        const QRect r = toRect(drawPos);
        const auto side = [this](const litehtml::border &border, const QRect &area) {
            if (border.width <= 0 || border.style == litehtml::border_style_none || border.style == litehtml::border_style_hidden)
                return;
            painter->fillRect(area, toColor(border.color));
        };
        side(b.top, QRect(r.left(), r.top(), r.width(), b.top.width));
        side(b.bottom, QRect(r.left(), r.bottom() + 1 - b.bottom.width, r.width(), b.bottom.width));
        side(b.left, QRect(r.left(), r.top(), b.left.width, r.height()));
        side(b.right, QRect(r.right() + 1 - b.right.width, r.top(), b.right.width, r.height()));
    }
    void set_caption(const litehtml::tchar_t *) override {}
    void set_base_url(const litehtml::tchar_t *) override {}
    void link(const std::shared_ptr<litehtml::document> &, const litehtml::element::ptr &) override {}
    void on_anchor_click(const litehtml::tchar_t *, const litehtml::element::ptr &) override {} // never navigates
    void set_cursor(const litehtml::tchar_t *) override {}
    void transform_text(litehtml::tstring &text, litehtml::text_transform tt) override
    {
        QString s = QString::fromUtf8(text.c_str());
        if (tt == litehtml::text_transform_uppercase)
            s = s.toUpper();
        else if (tt == litehtml::text_transform_lowercase)
            s = s.toLower();
        else if (tt == litehtml::text_transform_capitalize && !s.isEmpty())
            s[0] = s.at(0).toUpper();
        text = s.toStdString();
    }
    void import_css(litehtml::tstring &, const litehtml::tstring &, litehtml::tstring &) override {} // mail clients do not fetch them
    void set_clip(const litehtml::position &pos, const litehtml::border_radiuses &, bool, bool) override
    {
        painter->save();
        painter->setClipRect(toRect(pos), Qt::IntersectClip);
        ++m_clips;
    }
    void del_clip() override
    {
        if (m_clips > 0) {
            painter->restore();
            --m_clips;
        }
    }
    void get_client_rect(litehtml::position &client) const override
    {
        client.x = 0;
        client.y = 0;
        client.width = m_options.width;
        client.height = 10000;
    }
    std::shared_ptr<litehtml::element> create_element(const litehtml::tchar_t *tag, const litehtml::string_map &,
                                                      const std::shared_ptr<litehtml::document> &doc) override
    {
        // Table cells remember their layouts by width (cellmemo.h): nested tables in linear time.
        if (std::strcmp(tag, "td") == 0 || std::strcmp(tag, "th") == 0)
            return std::make_shared<detail::MemoCell>(doc, memo);
        return nullptr;
    }
    void get_media_features(litehtml::media_features &media) const override
    {
        media.type = litehtml::media_type_screen;
        media.width = m_options.width;
        media.height = 10000;
        media.device_width = m_options.width;
        media.device_height = 10000;
        media.color = 8;
        media.monochrome = 0;
        media.color_index = 256;
        media.resolution = 96;
    }
    void get_language(litehtml::tstring &language, litehtml::tstring &culture) const override
    {
        language = "en";
        culture.clear();
    }

private:
    // A font with what text measurement needs, built once per font of the document.
    struct Font
    {
        explicit Font(const QFont &f)
            : font(f), metrics(f), ascent(QFontMetrics(f).ascent())
        {
            const qreal space = metrics.horizontalAdvance(u' ');
            spaceBias = space - qRound(space);
        }
        QFont font;
        QFontMetricsF metrics;
        int ascent;
        qreal spaceBias; // what rounding takes off each space
        QHash<QByteArray, int> widths;
    };
    Font &fontAt(litehtml::uint_ptr handle)
    {
        thread_local Font fallback{QFont()};
        return handle > 0 && handle <= m_fonts.size() ? *m_fonts.at(handle - 1) : fallback;
    }
    const QImage &image(const QString &src)
    {
        const auto it = m_images.constFind(src);
        if (it != m_images.constEnd())
            return *it;
        QImage img;
        if (src.startsWith(QLatin1String("data:"), Qt::CaseInsensitive)) {
            if (src.size() > PreviewLimits::kMaxDataUriChars) {
                refuse(src, Error(QString(errc::previewImageTooLarge),
                                  EmailDocument::tr("An image written into the email (a data: URI of %1) is over the preview's limit of %2.")
                                      .arg(InputFile::formatSize(src.size()), InputFile::formatSize(PreviewLimits::kMaxDataUriChars))));
            } else {
                const qsizetype comma = src.indexOf(u',');
                const QString meta = src.mid(5, comma - 5);
                const QByteArray payload = src.mid(comma + 1).toLatin1();
                img = decode(src, meta.endsWith(QLatin1String(";base64"), Qt::CaseInsensitive) ? QByteArray::fromBase64(payload)
                                                                                              : QByteArray::fromPercentEncoding(payload));
            }
        } else if (src.startsWith(QLatin1String("cid:"), Qt::CaseInsensitive)) {
            if (const auto part = m_options.inlineImages.constFind(src.mid(4)); part != m_options.inlineImages.constEnd())
                img = decode(src, *part);
        } else if (src.startsWith(QLatin1String("http://"), Qt::CaseInsensitive)
                   || src.startsWith(QLatin1String("https://"), Qt::CaseInsensitive) || src.startsWith(QLatin1String("//"))) {
            // No request leaves the preview: no tracking pixel can fire. Images fetched at the user's
            // request (PreviewWidget's bar) come in through the options.
            if (const auto fetched = m_options.remoteImages.constFind(src); fetched != m_options.remoteImages.constEnd())
                img = decode(src, *fetched);
            else
                blocked.insert(src);
        } else if (!src.trimmed().isEmpty()) {
            img = localImage(src);
        }
        return *m_images.insert(src, img);
    }

    // A file the policy allows, read through InputFile (regular files only: a FIFO, a device or a
    // folder is refused without blocking), capped in size before it is read.
    QImage localImage(const QString &src)
    {
        QString path = src;
        if (src.startsWith(QLatin1String("file:"), Qt::CaseInsensitive)) {
            const QUrl url(src);
            path = url.isLocalFile() ? url.toLocalFile() : QString();
        }
        if (path.isEmpty())
            return {};
        if (!QDir::isAbsolutePath(path)) {
            if (m_options.baseDirectory.isEmpty()) {
                refuse(src, Error(QString(errc::previewImageOutside),
                                  EmailDocument::tr("Image %1 is a relative path, and this email has no folder to find it in.").arg(src)));
                return {};
            }
            path = QDir(m_options.baseDirectory).filePath(path);
        }
        const QString canonical = QFileInfo(path).canonicalFilePath(); // links and ".." resolved; empty if missing
        if (canonical.isEmpty()) {
            refuse(src, Error(QString(errc::previewImageUnreadable), EmailDocument::tr("Image %1 was not found.").arg(src)));
            return {};
        }
        // Checked by name first, so nothing outside the folders is even opened, then again on what was
        // opened: a link swapped in between the two cannot lead out.
        if (!m_options.images.anyLocalFile && !insideAllowedFolder(canonical))
            return refuseOutside(src, canonical);
        const auto file = InputFile::open(canonical, PreviewLimits::kMaxImageFileBytes);
        if (!file) {
            refuse(src, Error(file.error().code, EmailDocument::tr("Image %1: %2").arg(src, file.error().message)));
            return {};
        }
        if (const QString opened = InputFile::openedPath(**file); !m_options.images.anyLocalFile && !insideAllowedFolder(opened))
            return refuseOutside(src, opened.isEmpty() ? canonical : opened);
        const Result<QByteArray> bytes = InputFile::readAll(**file, canonical, PreviewLimits::kMaxImageFileBytes);
        if (!bytes) {
            refuse(src, Error(bytes.error().code, EmailDocument::tr("Image %1: %2").arg(src, bytes.error().message)));
            return {};
        }
        return decode(src, *bytes);
    }

    QImage refuseOutside(const QString &src, const QString &path)
    {
        refuse(src, Error(QString(errc::previewImageOutside),
                          EmailDocument::tr("Image %1 is outside the template's folder; the preview shows local images from elsewhere only "
                                            "when you allow them.")
                              .arg(path)));
        return {};
    }

    bool insideAllowedFolder(const QString &canonical) const
    {
        if (canonical.isEmpty())
            return false;
        for (const QString &folder : m_options.images.folders) {
            QString root = QFileInfo(folder).canonicalFilePath();
            if (root.isEmpty())
                continue;
            if (!root.endsWith(u'/'))
                root += u'/';
            if (canonical.startsWith(root))
                return true;
        }
        return false;
    }

    // Encoded bytes to an image, with the dimensions the header declares checked before a pixel is
    // decoded and Qt's own allocation limit as a second fence.
    QImage decode(const QString &src, const QByteArray &bytes)
    {
        const QString name = src.startsWith(QLatin1String("data:"), Qt::CaseInsensitive) ? EmailDocument::tr("written into the email")
                                                                                            : src;
        if (bytes.size() > PreviewLimits::kMaxImageFileBytes) {
            refuse(src, Error(QString(errc::previewImageTooLarge),
                              EmailDocument::tr("Image %1 is %2, over the preview's limit of %3.")
                                  .arg(name, InputFile::formatSize(bytes.size()), InputFile::formatSize(PreviewLimits::kMaxImageFileBytes))));
            return {};
        }
        QBuffer buffer;
        buffer.setData(bytes);
        buffer.open(QIODevice::ReadOnly);
        QImageReader reader(&buffer);
        reader.setAllocationLimit(int(PreviewLimits::kMaxImagePixels * 4 / (1024 * 1024)) + 1);
        const QSize size = reader.size();
        const qint64 pixels = qint64(std::max(0, size.width())) * std::max(0, size.height());
        if (size.width() > PreviewLimits::kMaxImageSide || size.height() > PreviewLimits::kMaxImageSide
            || pixels > PreviewLimits::kMaxImagePixels) {
            refuse(src, Error(QString(errc::previewImageTooLarge),
                              EmailDocument::tr("Image %1 declares %2 × %3 pixels; the preview shows images up to %4 pixels a side "
                                                "and %5 million in all.")
                                  .arg(name).arg(size.width()).arg(size.height()).arg(PreviewLimits::kMaxImageSide)
                                  .arg(PreviewLimits::kMaxImagePixels / 1'000'000)));
            return {};
        }
        if (m_decodedBytes + pixels * 4 > PreviewLimits::kMaxDecodedBytes) {
            refuse(src, Error(QString(errc::previewImageTooLarge),
                              EmailDocument::tr("Image %1 was left out: the email's images together are over the preview's %2.")
                                  .arg(name, InputFile::formatSize(PreviewLimits::kMaxDecodedBytes))));
            return {};
        }
        QImage img = reader.read();
        if (img.isNull()) {
            refuse(src, Error(QString(errc::previewImageUnreadable),
                              EmailDocument::tr("Image %1 cannot be shown: %2").arg(name, reader.errorString())));
            return {};
        }
        m_decodedBytes += img.sizeInBytes();
        return img;
    }

    void refuse(const QString &src, const Error &why)
    {
        refused.insert(src);
        problems.append(why);
    }

    PreviewOptions m_options;
    std::vector<std::unique_ptr<Font>> m_fonts;
    QHash<QString, QImage> m_images;
    qint64 m_decodedBytes = 0;
    int m_clips = 0;
};

} // namespace

// litehtml ends a line before a <br>, not after it, so a <br> that starts a line (after another
// <br>, after a block, or first in a block) makes no empty line where browsers make one. A no-break
// space after such a <br>, followed by a second <br>, gives litehtml the same empty line.
QString withLineBreaksFixed(const QString &html)
{
    static const QRegularExpression startsLine(
        QStringLiteral("((?:<br\\b[^>]*>|</(?:p|div|table|h[1-6]|ul|ol|blockquote|center)>|<(?:p|div|td|th|li|h[1-6])\\b[^>]*>"
                       "|<img\\b[^>]*display\\s*:\\s*block[^>]*>)\\s*)(<br\\b[^>]*>)(?!&nbsp;<br>)"),
        QRegularExpression::CaseInsensitiveOption);
    QString out = html;
    // Each replacement can make the next <br> of a run start a line, so repeat until nothing changes.
    for (int guard = 0; guard < 64; ++guard) {
        const QString next = QString(out).replace(startsLine, QStringLiteral("\\1\\2&nbsp;<br>"));
        if (next == out)
            break;
        out = next;
    }
    return out;
}

struct EmailDocument::Private
{
    std::unique_ptr<Container> container;
    litehtml::context context;
    litehtml::document::ptr document;
    PreviewOptions options;
};

EmailDocument::EmailDocument() : d(std::make_unique<Private>()) {}
EmailDocument::~EmailDocument() = default;

QString EmailDocument::presentationalCss(const QString &html)
{
    // Each distinct attribute value becomes one rule keyed on that value, so nested tables each keep
    // their own. Values are restricted to what a length or a colour can be, so nothing else reaches CSS.
    QStringList rules;
    QSet<QString> seen;
    const auto each = [&](const char *pattern, const std::function<void(const QString &)> &emit) {
        const QRegularExpression re(QString::fromLatin1(pattern), QRegularExpression::CaseInsensitiveOption);
        for (auto it = re.globalMatch(html); it.hasNext();) {
            const QString value = it.next().captured(1);
            if (!seen.contains(QString::fromLatin1(pattern) + value)) {
                seen.insert(QString::fromLatin1(pattern) + value);
                emit(value);
            }
        }
    };
    // The HTML parser puts every row in a tbody (or the thead and tfoot written), so these reach each
    // cell of that table and none of a nested one. Fewer alternatives keep selector matching cheap.
    const QString cells = QStringLiteral("table[%1=\"%2\"] > tbody > tr > td, table[%1=\"%2\"] > * > tr > th, "
                                         "table[%1=\"%2\"] > thead > tr > td, table[%1=\"%2\"] > tfoot > tr > td");
    each(R"(\bcellpadding\s*=\s*["']?(\d{1,3})\b)", [&](const QString &v) {
        rules << cells.arg(QStringLiteral("cellpadding"), v) + QStringLiteral(" { padding: %1px; }").arg(v);
    });
    each(R"(\bcellspacing\s*=\s*["']?(\d{1,3})\b)", [&](const QString &v) {
        rules << QStringLiteral("table[cellspacing=\"%1\"] { border-spacing: %1px; }").arg(v);
    });
    each(R"(\bbgcolor\s*=\s*["']?(#[0-9a-fA-F]{3,6}|[a-zA-Z]{3,20})\b)", [&](const QString &v) {
        rules << QStringLiteral("[bgcolor=\"%1\"] { background-color: %1; }").arg(v);
    });
    each(R"(\bwidth\s*=\s*["']?(\d{1,4}%?)["'\s>])", [&](const QString &v) {
        const QString css = v.endsWith(u'%') ? v : v + QStringLiteral("px");
        rules << QStringLiteral("table[width=\"%1\"], td[width=\"%1\"], th[width=\"%1\"] { width: %2; }").arg(v, css);
    });
    each(R"(\bheight\s*=\s*["']?(\d{1,4})["'\s>])", [&](const QString &v) {
        rules << QStringLiteral("td[height=\"%1\"], tr[height=\"%1\"] { height: %1px; }").arg(v);
    });
    rules << QStringLiteral("table[align=\"center\"] { margin-left: auto; margin-right: auto; }")
          // Browsers centre a table inside a centred cell or <center>, not only its text.
          << QStringLiteral("td[align=\"center\"] > table, th[align=\"center\"] > table, center > table, div[align=\"center\"] > table "
                            "{ margin-left: auto; margin-right: auto; }")
          << QStringLiteral("td[align=\"center\"], th[align=\"center\"], div[align=\"center\"], p[align=\"center\"] { text-align: center; }")
          << QStringLiteral("td[align=\"right\"], th[align=\"right\"], div[align=\"right\"], p[align=\"right\"] { text-align: right; }")
          << QStringLiteral("td[align=\"left\"], th[align=\"left\"] { text-align: left; }")
          // Browsers map the align attribute to an alignment that tables do not inherit (Chromium's
          // -webkit-center); a table inside such a cell starts from the left again.
          << QStringLiteral("td[align] table, th[align] table, div[align] table, center table { text-align: left; }")
          << QStringLiteral("td[valign=\"top\"], tr[valign=\"top\"] { vertical-align: top; }")
          << QStringLiteral("td[valign=\"middle\"], tr[valign=\"middle\"] { vertical-align: middle; }")
          << QStringLiteral("td[valign=\"bottom\"], tr[valign=\"bottom\"] { vertical-align: bottom; }")
          << QStringLiteral("img[align=\"left\"] { float: left; }") << QStringLiteral("img[align=\"right\"] { float: right; }");
    return rules.join(u'\n');
}

namespace {

// The <img> elements' sources and alt text: a refused image shows its alt text in its place.
void collectAltTexts(const litehtml::element::ptr &root, QHash<QString, QString> &altTexts)
{
    detail::eachElement(root, [&altTexts](const litehtml::element::ptr &el) {
        if (const char *tag = el->get_tagName(); tag && std::strcmp(tag, "img") == 0)
            if (const char *src = el->get_attr("src"))
                altTexts.insert(QString::fromUtf8(src), QString::fromUtf8(el->get_attr("alt", "")));
        return true;
    });
}

} // namespace

Result<std::unique_ptr<EmailDocument>> EmailDocument::layout(const QString &html, const PreviewOptions &options)
{
    // Before any parser sees it: litehtml and gumbo build and walk trees by recursion.
    const QString what = options.documentName.isEmpty() ? tr("the email") : options.documentName;
    if (Status limits = HtmlLimits::check(html, what); !limits)
        return limits.error();
    std::unique_ptr<EmailDocument> doc(new EmailDocument);
    doc->d->options = options;
    doc->d->container = std::make_unique<Container>(options);
    // Browsers give presentational attributes no specificity: any rule of the email's own overrides
    // them. litehtml applies the master sheet before the document's, whatever the specificity, so the
    // rules the attributes stand for join the master sheet.
    QByteArray master(kMasterCss);
    if (options.emailAware)
        master += presentationalCss(html).toUtf8();
    doc->d->context.load_master_stylesheet(master.constData());
    const QByteArray utf8 = (options.emailAware ? withLineBreaksFixed(html) : html).toUtf8();
    doc->d->document = litehtml::document::createFromUTF8(utf8.constData(), doc->d->container.get(), &doc->d->context);
    const litehtml::element::ptr root = doc->d->document->root();
    collectAltTexts(root, doc->d->container->altTexts);
    doc->d->container->memo.enabled = !detail::hasOutOfFlowElements(root);
    detail::WidthPass widths(options.emailAware ? root : nullptr, options.width);
    doc->d->document->render(options.width);
    detail::settleCells(root);
    if (widths.needsSecondLayout()) {
        widths.settle();
        ++doc->d->container->memo.generation; // the cells' widths changed: what they remember is void
        doc->d->document->render(options.width);
        detail::settleCells(root);
    }
    // litehtml measured the document while some cells were still stale. Laying it out once more, every
    // cell is asked for the width it is laid out at and answers from memory, so this pass costs little;
    // it leaves litehtml's own measure of the document right.
    if (doc->d->container->memo.enabled) {
        doc->d->document->render(options.width);
        detail::settleCells(root);
    }
    if (doc->height() > PreviewLimits::kMaxPaintHeight || doc->width() > PreviewLimits::kMaxPaintWidth)
        doc->d->container->problems.append(
            Error(QString(errc::previewCut), tr("The email is %1 × %2 pixels; the preview stops at %3 × %4, and the rest is not shown.")
                                                 .arg(doc->width()).arg(doc->height())
                                                 .arg(std::min(doc->width(), PreviewLimits::kMaxPaintWidth))
                                                 .arg(std::min(doc->height(), PreviewLimits::kMaxPaintHeight))));
    return doc;
}

int EmailDocument::width() const
{
    return std::max(d->options.width, d->document->width());
}

int EmailDocument::height() const
{
    return d->document->height();
}

void EmailDocument::paint(QPainter *painter, const QRect &clip) const
{
    d->container->painter = painter;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::TextAntialiasing);
    const litehtml::position area(clip.x(), clip.y(), clip.width(), clip.height());
    d->document->draw(litehtml::uint_ptr(painter), 0, 0, &area);
    painter->restore();
    d->container->painter = nullptr;
}

QImage EmailDocument::toImage(qreal devicePixelRatio) const
{
    // A picture of a 200,000 px email would take gigabytes: the picture stops at the limit, and says so.
    const int w = std::min(width(), PreviewLimits::kMaxPaintWidth);
    const bool cut = height() > PreviewLimits::kMaxPaintHeight;
    const int h = std::clamp(height(), 1, PreviewLimits::kMaxPaintHeight);
    QImage image(QSize(w, h) * devicePixelRatio, QImage::Format_ARGB32_Premultiplied);
    if (image.isNull())
        return image; // no memory for it: the caller's write fails and says so
    image.setDevicePixelRatio(devicePixelRatio);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setClipRect(QRect(0, 0, w, h));
    paint(&painter, QRect(0, 0, w, h));
    if (cut) {
        constexpr int kBand = 48;
        const QRect band(0, h - kBand, w, kBand);
        painter.fillRect(band, QColor(0xfe, 0xf3, 0xc7));
        painter.fillRect(QRect(0, band.top(), w, 2), QColor(0xd9, 0x77, 0x06));
        QFont font(resolveFontStack(QStringLiteral("sans-serif")));
        font.setPixelSize(14);
        font.setBold(true);
        painter.setFont(font);
        painter.setPen(QColor(0x78, 0x35, 0x0f));
        painter.drawText(band.adjusted(12, 2, -12, 0), Qt::AlignCenter | Qt::TextWordWrap,
                         tr("The preview stops here: the email is %1 px tall, and the preview shows the first %2 px.")
                             .arg(height()).arg(PreviewLimits::kMaxPaintHeight));
    }
    painter.end();
    return image;
}

QString EmailDocument::linkAt(const QPoint &point) const
{
    litehtml::position::vector redraw;
    d->document->on_mouse_over(point.x(), point.y(), point.x(), point.y(), redraw);
    for (auto el = d->document->get_over_element(); el; el = el->parent()) {
        if (QByteArray(el->get_tagName()).compare("a", Qt::CaseInsensitive) == 0)
            if (const char *href = el->get_attr("href"))
                return QString::fromUtf8(href);
        if (!el->have_parent())
            break;
    }
    return {};
}

const QSet<QString> &EmailDocument::blockedImages() const
{
    return d->container->blocked;
}

const QList<Error> &EmailDocument::problems() const
{
    return d->container->problems;
}

} // namespace lux::preview

// SPDX-License-Identifier: GPL-3.0-or-later
#include "theme.h"

#include "svgiconengine.h"

#include <QApplication>
#include <QFile>
#include <QHash>
#include <QPalette>
#include <QStyleFactory>

// Resources compiled into a static library are registered by hand, once, at global scope.
static void initLuxResources()
{
    static const bool done = [] {
        Q_INIT_RESOURCE(resources);
        return true;
    }();
    Q_UNUSED(done);
}

namespace lux::ui {

Theme::Kind Theme::s_current = Theme::Kind::Dark;

namespace {

struct Colors
{
    QColor window, surface, raised, border, text, muted, accent, accentText, danger, success, warning;
};

Colors colorsFor(Theme::Kind kind)
{
    if (kind == Theme::Kind::Dark) {
        return {QColor(0x21, 0x25, 0x29), QColor(0x2b, 0x30, 0x35), QColor(0x34, 0x3a, 0x40),
                QColor(0x49, 0x50, 0x57), QColor(0xde, 0xe2, 0xe6), QColor(0xad, 0xb5, 0xbd),
                QColor(0x0d, 0x6e, 0xfd), QColor(0xff, 0xff, 0xff), QColor(0xea, 0x86, 0x8f),
                QColor(0x75, 0xb7, 0x98), QColor(0xff, 0xda, 0x6a)};
    }
    return {QColor(0xf8, 0xf9, 0xfa), QColor(0xff, 0xff, 0xff), QColor(0xe9, 0xec, 0xef),
            QColor(0xde, 0xe2, 0xe6), QColor(0x21, 0x25, 0x29), QColor(0x6c, 0x75, 0x7d),
            QColor(0x0d, 0x6e, 0xfd), QColor(0xff, 0xff, 0xff), QColor(0xb0, 0x2a, 0x37),
            QColor(0x14, 0x6c, 0x43), QColor(0x99, 0x74, 0x04)};
}

QPalette paletteFor(const Colors &c)
{
    QPalette p;
    p.setColor(QPalette::Window, c.window);
    p.setColor(QPalette::WindowText, c.text);
    p.setColor(QPalette::Base, c.surface);
    p.setColor(QPalette::AlternateBase, c.raised);
    p.setColor(QPalette::ToolTipBase, c.raised);
    p.setColor(QPalette::ToolTipText, c.text);
    p.setColor(QPalette::PlaceholderText, c.muted);
    p.setColor(QPalette::Text, c.text);
    p.setColor(QPalette::Button, c.raised);
    p.setColor(QPalette::ButtonText, c.text);
    p.setColor(QPalette::BrightText, c.danger);
    p.setColor(QPalette::Highlight, c.accent);
    p.setColor(QPalette::HighlightedText, c.accentText);
    p.setColor(QPalette::Link, c.accent.lighter(130));
    p.setColor(QPalette::Mid, c.border);
    p.setColor(QPalette::Dark, c.window.darker(130));
    p.setColor(QPalette::Light, c.raised.lighter(120));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, c.muted.darker(125));
    return p;
}

QString styleSheetFor(Theme::Kind kind)
{
    QFile f(kind == Theme::Kind::Dark ? QStringLiteral(":/themes/dark.qss") : QStringLiteral(":/themes/light.qss"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

} // namespace

void Theme::apply(Kind kind)
{
    initLuxResources();
    s_current = kind;
    static bool styled = false;
    if (!styled) {
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        styled = true;
    }
    QApplication::setPalette(paletteFor(colorsFor(kind)));
    qApp->setStyleSheet(styleSheetFor(kind));
}

void Theme::apply(const QString &name)
{
    apply(name == QLatin1String("light") ? Kind::Light : Kind::Dark);
}

Theme::Kind Theme::current()
{
    return s_current;
}

QString Theme::name(Kind kind)
{
    return kind == Kind::Light ? QStringLiteral("light") : QStringLiteral("dark");
}

QColor Theme::color(const char *role)
{
    const Colors c = colorsFor(s_current);
    const QByteArray r(role);
    if (r == "accent")
        return c.accent;
    if (r == "muted")
        return c.muted;
    if (r == "danger")
        return c.danger;
    if (r == "success")
        return c.success;
    if (r == "warning")
        return c.warning;
    if (r == "surface")
        return c.surface;
    return c.text;
}

QIcon Theme::icon(const QString &name)
{
    initLuxResources();
    QFile f(QStringLiteral(":/icons/") + name + QStringLiteral(".svg"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QIcon(new SvgIconEngine(f.readAll()));
}

QColor Theme::iconColor(QIcon::Mode mode)
{
    const Colors c = colorsFor(s_current);
    switch (mode) {
    case QIcon::Disabled: return s_current == Kind::Dark ? c.muted.darker(150) : c.muted.lighter(150);
    case QIcon::Selected: return c.accentText;
    case QIcon::Normal:
    case QIcon::Active: break;
    }
    return c.text;
}

} // namespace lux::ui

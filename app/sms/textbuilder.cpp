// SPDX-License-Identifier: GPL-3.0-or-later
#include "textbuilder.h"
#include "common/errorcodes.h"

#include "contacts/contactrepository.h"
#include "content/templatestore.h"
#include "sms/optout.h"

namespace lux::sms {

Result<TextBuilder> TextBuilder::create(QSqlDatabase db, const QString &body)
{
    auto renderer = std::make_shared<const content::TemplateRenderer>(db);
    content::MergeTemplate compiled = content::MergeTemplate::compile(body, renderer->fields(), content::MergeTemplate::Mode::Text);
    if (!compiled.isValid()) {
        const content::MergeProblem p = compiled.problems().value(0);
        return Error(errc::smsBody, tr("The text cannot be merged: line %1, column %2: %3").arg(p.line).arg(p.column).arg(p.message));
    }
    return TextBuilder(std::move(renderer), std::move(compiled));
}

QString TextBuilder::text(const contacts::Contact *contact) const
{
    const QString merged = m_body.render(m_renderer->valuesFor(contact)).trimmed();
    return withOptOutLine(merged, contact ? contact->language : QString());
}

} // namespace lux::sms

// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the merge-tag compiler. The input is split at \x01 into the template, three
// components (a, b, c, which may include one another) and values for the fields, so the fuzzer
// builds sections, defaults, includes and their problems. What it holds to: nothing crashes or
// overflows (ASan, UBSan); a template without "{{" compiles to itself; every problem has a place in
// the template; a render stays within MergeTemplate::kMaxRenderedChars of its largest step.
//   cmake --preset fuzz && cmake --build build/fuzz --target mergetemplate_fuzz
//   nice -n 10 build/fuzz/tests/fuzz/mergetemplate_fuzz -max_total_time=600 -max_len=4096 tests/fuzz/corpus/mergetemplate
#include "content/mergetemplate.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace lux::content;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString input = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const QStringList parts = input.split(QChar(1));
    const QString source = parts.value(0);
    const QHash<QString, QString> components{{QStringLiteral("a"), parts.value(1)},
                                             {QStringLiteral("b"), parts.value(2)},
                                             {QStringLiteral("c"), parts.value(3)}};
    static const MergeFields fields = MergeFields::standard({QStringLiteral("plan"), QStringLiteral("first_name")}, {QStringLiteral("tagline")});
    QStringList values(fields.size());
    for (qsizetype i = 4; i < parts.size() && i - 4 < values.size(); ++i)
        values[i - 4] = parts.at(i);

    const qsizetype lines = source.count(u'\n') + 1;
    for (const MergeTemplate::Mode mode : {MergeTemplate::Mode::Html, MergeTemplate::Mode::Text}) {
        const MergeTemplate t = MergeTemplate::compile(source, fields, mode, components);
        for (const MergeProblem &p : t.problems())
            if (p.line < 1 || p.line > lines || p.column < 1 || p.message.isEmpty())
                std::abort();
        if (!source.contains(QLatin1String("{{")) && (!t.isValid() || t.render(values) != source))
            std::abort();
        const QString out = t.render(values);
        if (!t.isValid() && !out.isEmpty())
            std::abort();
        for (const QString &name : t.usedFields())
            if (fields.indexOf(name) < 0)
                std::abort();
    }
    return 0;
}

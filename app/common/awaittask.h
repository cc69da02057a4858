// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoroTask>
#include <QEventLoop>

#include <optional>

namespace lux {

// Runs a coroutine to its end in a local event loop and returns its result, for callers with
// nothing else to do meanwhile (luxctl, tests). Unlike QCoro::waitFor, T need not have a default
// constructor (Result<T> has none).
template <typename T>
T awaitTask(QCoro::Task<T> task)
{
    std::optional<T> result;
    QEventLoop loop;
    QCoro::connect(std::move(task), &loop, [&](T value) {
        result.emplace(std::move(value));
        loop.quit();
    });
    if (!result)
        loop.exec();
    return std::move(*result);
}

} // namespace lux

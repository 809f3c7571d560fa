#pragma once

#include <QMetaType>
#include <QString>

namespace Kanca {

// A rule that has deliveries in the history, with the rule name of its latest delivery.
struct HistoryRule
{
    QString id;
    QString name;

    friend bool operator==(const HistoryRule &, const HistoryRule &) = default;
};

} // namespace Kanca

Q_DECLARE_METATYPE(Kanca::HistoryRule)

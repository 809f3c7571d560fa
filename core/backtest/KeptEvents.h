#pragma once

#include "backtest/EventLines.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

#include <atomic>

namespace Kanca {

class Catalog;

// The events a history kept (those `kanca serve` accepted), read for a backtest into the form the
// rules are evaluated on: from a SQLite history file, or from the PostgreSQL database the servers
// share (a postgresql:// URL), which is opened to read only, its schema never changed. Read in
// pages of PageSize, oldest first, so that a caller on another thread can follow the count and
// stop it between two pages. A stored event that is no longer a valid event is skipped and
// counted. Used by `kanca backtest --db` and by the designer's Backtest panel.
class KeptEvents final
{
    Q_DECLARE_TR_FUNCTIONS(KeptEvents)

public:
    static constexpr int PageSize = 5000;

    struct Source
    {
        QString where;    // a SQLite file, or a postgresql:// (postgres://) URL
        QString password; // for a URL: used in place of the one libpq would find, when given
        QDateTime since;  // received at or after; invalid: from the first
        QDateTime until;  // received before; invalid: to the last
    };

    // Whether `where` names a server's database rather than a file.
    static bool isServer(const QString &where);

    // The events, or `error` saying which history cannot be opened or read and why (then no
    // events). `cancel`, when set, stops the reading after the page being read (the events read so
    // far are returned); `read`, when given, counts the events read so far.
    static EventLines::Result read(const Source &source, const Catalog &catalog,
                                   const std::atomic<bool> *cancel = nullptr,
                                   std::atomic<qint64> *read = nullptr);
};

} // namespace Kanca

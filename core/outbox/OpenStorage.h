#pragma once

#include "outbox/OutboxStorage.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

namespace Kanca {

// The one place that opens the storage --db (or KANCA_DB) names: a postgresql:// (or
// postgres://) URL opens PostgreSQL (PostgresStore), anything else is the file of a SQLite
// history (HistoryDatabase).
class OpenStorage final
{
    Q_DECLARE_TR_FUNCTIONS(OpenStorage)

public:
    struct Options
    {
        // SQLite: commits of accepted events wait for the disk (HistoryDatabase::Durability).
        // PostgreSQL commits are durable as the server is configured (synchronous_commit).
        bool durableEvents = false;
    };

    // Whether `where` names a PostgreSQL database rather than a file.
    static bool isDatabaseUrl(const QString &where);
    // `where` for messages and logs (a URL's password masked).
    static QString shown(const QString &where);
    // The storage, open; or null with why in `error`.
    static std::unique_ptr<OutboxStorage> open(const QString &where, const Options &options,
                                               QString *error);
};

} // namespace Kanca

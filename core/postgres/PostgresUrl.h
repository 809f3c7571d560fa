#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace Kanca {

// A PostgreSQL connection URL, as --db and KANCA_DB take it:
//   postgresql://USER@HOST:PORT/DATABASE[?host=/socket/dir&sslmode=require&...]
// ("postgres://" too). The password comes from PGPASSWORD or ~/.pgpass, which libpq reads; one
// written in the URL is used but never shown: shown() masks it.
struct PostgresUrl
{
    Q_DECLARE_TR_FUNCTIONS(PostgresUrl)

public:
    QString user;
    QString password; // empty: libpq finds it (PGPASSWORD, ~/.pgpass)
    QString host;     // a name, an address, or a socket folder (from ?host=)
    int port = 5432;
    QString database;
    QString options; // the other query items, "name=value;…" for QPSQL's connect options

    // Whether `text` is meant as a PostgreSQL URL (and not a file name).
    static bool isPostgresUrl(const QString &text);
    // The URL's parts, or nothing with why in `error`.
    static std::optional<PostgresUrl> parse(const QString &text, QString *error);
    // The URL for messages and logs: the password, if any, masked.
    QString shown() const;
    // `text` as it was written, but without the password, if it had one: for keeping.
    static QString withoutPassword(const QString &text);
};

} // namespace Kanca

#pragma once

// A PostgreSQL database of its own for a test, on the cluster KANCA_TEST_PG_URL names (started
// by scripts/pg-test-cluster.sh; scripts/dev.sh test does). Without the variable a test skips,
// unless KANCA_REQUIRE_PG=1 says PostgreSQL must be there: then it fails, so that a CI run
// cannot pass without having run the PostgreSQL tests.

#include <QList>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QString>
#include <QThread>
#include <QUrl>
#include <QUuid>
#include <QVariant>

#include <optional>

namespace PostgresTestDatabase {

// The cluster's URL, or nothing (and `why`) when there is none to use.
inline std::optional<QString> baseUrl(QString *why)
{
    const QString url = qEnvironmentVariable("KANCA_TEST_PG_URL");
    if (url.isEmpty()) {
        *why = QStringLiteral("KANCA_TEST_PG_URL is not set (scripts/pg-test-cluster.sh start "
                              "DIR prints it)");
        return std::nullopt;
    }
    return url;
}

inline bool required()
{
    return qEnvironmentVariable("KANCA_REQUIRE_PG") == QLatin1String("1");
}

// Runs `statements` on the database of `url` through a connection of its own, one by one until
// one fails; `row` gets the first row of the last one, when it returns rows.
inline bool query(const QString &url, const QStringList &statements, QString *error,
                  QList<QVariant> *row = nullptr)
{
    const QUrl u(url);
    const QString name = QUuid::createUuid().toString();
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(u.host());
        db.setPort(u.port(5432));
        db.setUserName(u.userName());
        db.setDatabaseName(u.path().mid(1));
        if (!db.open()) {
            *error = db.lastError().text();
            ok = false;
        } else {
            QSqlQuery query(db);
            for (const QString &sql : statements) {
                if (!query.exec(sql)) {
                    *error = sql + QStringLiteral(": ") + query.lastError().text();
                    ok = false;
                    break;
                }
            }
            if (ok && row && query.isSelect() && query.next()) {
                for (int i = 0; i < query.record().count(); ++i)
                    row->append(query.value(i));
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

// Runs `statements` on the database of `url` through a connection of its own.
inline bool exec(const QString &url, const QStringList &statements, QString *error)
{
    return query(url, statements, error);
}

// A new, empty database named `name` (dropped first if it is there); its URL.
inline std::optional<QString> create(const QString &name, QString *error)
{
    const std::optional<QString> base = baseUrl(error);
    if (!base)
        return std::nullopt;
    // An autovacuum worker in the database (a superuser's process, which the test role may not
    // end) makes the drop fail for a moment: tried again for up to two seconds.
    for (int tries = 1;; ++tries) {
        if (exec(*base,
                 {QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name),
                  QStringLiteral("CREATE DATABASE %1").arg(name)},
                 error)) {
            break;
        }
        if (tries == 20)
            return std::nullopt;
        QThread::msleep(100);
    }
    QUrl url(*base);
    url.setPath(u'/' + name);
    return url.toString();
}

inline void drop(const QString &name)
{
    QString ignored;
    if (const std::optional<QString> base = baseUrl(&ignored))
        exec(*base, {QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name)},
             &ignored);
}

} // namespace PostgresTestDatabase

// In a test slot: the URL of a new database `name`, or skip (fail when KANCA_REQUIRE_PG=1).
#define KANCA_POSTGRES_DATABASE(variable, name)                                                    \
    QString variable;                                                                              \
    {                                                                                              \
        QString why_;                                                                              \
        const std::optional<QString> url_ = PostgresTestDatabase::create(name, &why_);             \
        if (!url_) {                                                                               \
            if (PostgresTestDatabase::required()                                                   \
                || qEnvironmentVariableIsSet("KANCA_TEST_PG_URL"))                                 \
                QFAIL(qPrintable(u"PostgreSQL is required: "_s + why_));                           \
            QSKIP(qPrintable(why_));                                                               \
        }                                                                                          \
        variable = *url_;                                                                          \
    }

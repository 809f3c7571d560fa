// Attempt rows written per second: Kanca's HistoryDatabase::recordAttempts (what the delivery
// engine calls, at most 500 attempts per transaction) against the same rows written with SQLite's
// C API directly (the same three statements per attempt, the same transactions, values prepared
// beforehand): the floor below Qt Sql and Kanca's bookkeeping.
//
//   kanca_bench_history_write --dir DIR [--attempts N]
//
// Prints: kanca_rows_per_s=R sqlite_rows_per_s=R sqlite_version=V
#include "BenchUtil.h"
#include "delivery/Delivery.h"
#include "history/HistoryDatabase.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QTextStream>

#include <sqlite3.h>

using namespace Kanca;
using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype BatchSize = 500; // DeliveryEngine flushes at most this many at once

Outbox::AttemptResult succeededAttempt(const Delivery &delivery)
{
    Outbox::AttemptResult result;
    Attempt &a = result.attempt;
    a.deliveryId = delivery.id;
    a.number = 1;
    a.startedAt = delivery.createdAt;
    a.durationMs = 1;
    a.request = delivery.request;
    a.request.headers.append({u"User-Agent"_s, u"Kanca/0.1.0"_s, false});
    a.requestBodySize = a.request.body.size();
    a.httpStatus = 200;
    a.responseHeaders = {{u"Server"_s, u"nginx"_s, false},
                         {u"Content-Type"_s, u"text/plain"_s, false},
                         {u"Content-Length"_s, u"2"_s, false}};
    a.responseBody = "ok";
    a.responseBodySize = 2;
    a.outcome = Attempt::Outcome::Succeeded;
    result.status = DeliveryStatus::Succeeded;
    return result;
}

// The claim the deliveries are added under, as an engine adds what it sends.
const Outbox::Claim &benchClaim()
{
    static const Outbox::Claim claim{u"bench-claim"_s, 600'000};
    return claim;
}

bool prepareFile(const QString &path, const QList<Delivery> &deliveries, QString *error)
{
    QFile::remove(path);
    HistoryDatabase history;
    if (!history.open(path, error))
        return false;
    for (qsizetype i = 0; i < deliveries.size(); i += BatchSize) {
        if (!history.insertDeliveries(deliveries.mid(i, BatchSize), &benchClaim(), error))
            return false;
    }
    return true;
}

// Kanca: recordAttempts in batches, as the engine's flush does. Returns rows per second.
double kancaRowsPerSecond(const QString &path, const QList<Delivery> &deliveries, QString *error)
{
    if (!prepareFile(path, deliveries, error))
        return -1;
    HistoryDatabase history;
    if (!history.open(path, error))
        return -1;
    QList<Outbox::AttemptResult> batch;
    QElapsedTimer timer;
    timer.start();
    for (qsizetype i = 0; i < deliveries.size(); i += BatchSize) {
        batch.clear();
        for (qsizetype j = i; j < qMin(i + BatchSize, deliveries.size()); ++j)
            batch.append(succeededAttempt(deliveries.at(j)));
        if (!history.recordAttempts(batch, benchClaim(), nullptr, error))
            return -1;
    }
    return double(deliveries.size()) / (double(timer.nsecsElapsed()) / 1e9);
}

// SQLite's C API: the same statements and transactions, values prepared beforehand.
double sqliteRowsPerSecond(const QString &path, const QList<Delivery> &deliveries, QString *error)
{
    if (!prepareFile(path, deliveries, error))
        return -1;
    sqlite3 *db = nullptr;
    if (sqlite3_open(path.toUtf8().constData(), &db) != SQLITE_OK) {
        *error = QString::fromUtf8(sqlite3_errmsg(db));
        sqlite3_close(db);
        return -1;
    }
    const auto exec = [&](const char *sql) {
        return sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
    };
    exec("PRAGMA busy_timeout = 5000");
    exec("PRAGMA synchronous = NORMAL");
    exec("PRAGMA foreign_keys = ON");
    sqlite3_stmt *auth = nullptr;
    sqlite3_stmt *insert = nullptr;
    sqlite3_stmt *update = nullptr;
    sqlite3_prepare_v2(db,
                       "SELECT CASE json_extract(auth, '$.type') WHEN 'header' THEN "
                       "json_extract(auth, '$.headerName') ELSE '' END FROM deliveries "
                       "WHERE id = ?",
                       -1, &auth, nullptr);
    sqlite3_prepare_v2(db,
                       "INSERT INTO attempts (delivery_id, number, started_at, duration_ms, "
                       "request_method, request_url, request_headers, request_body, "
                       "request_body_size, http_status, response_headers, response_body, "
                       "response_body_size, body_cap, error, outcome, retry_delay_ms) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       -1, &insert, nullptr);
    sqlite3_prepare_v2(db,
                       "UPDATE deliveries SET status = ?, attempt_count = max(attempt_count, ?), "
                       "next_attempt_at = ?, last_http_status = ?, last_error = ?, "
                       "finished_at = ?, attempt_started_at = NULL, "
                       "lease_until = CASE WHEN ?7 THEN NULL ELSE lease_until END, "
                       "claim = CASE WHEN ?7 THEN NULL ELSE claim END "
                       "WHERE id = ?8 AND claim = ?9",
                       -1, &update, nullptr);

    QList<QByteArray> ids;
    ids.reserve(deliveries.size());
    for (const Delivery &d : deliveries)
        ids.append(d.id.toUtf8());
    const QByteArray requestHeaders = R"([{"name":"Content-Type","value":"application/json"},)"
                                      R"({"name":"User-Agent","value":"Kanca/0.1.0"}])";
    const QByteArray responseHeaders =
        R"([{"name":"Server","value":"nginx"},{"name":"Content-Type","value":"text/plain"},)"
        R"({"name":"Content-Length","value":"2"}])";
    const QByteArray url = deliveries.constFirst().request.url.toUtf8();
    const QByteArray body = deliveries.constFirst().request.body;
    const qint64 startedAt = deliveries.constFirst().createdAt.toMSecsSinceEpoch();

    bool ok = true;
    QElapsedTimer timer;
    timer.start();
    for (qsizetype i = 0; ok && i < ids.size(); i += BatchSize) {
        ok = exec("BEGIN IMMEDIATE");
        for (qsizetype j = i; ok && j < qMin(i + BatchSize, ids.size()); ++j) {
            const QByteArray &id = ids.at(j);
            sqlite3_bind_text(auth, 1, id.constData(), int(id.size()), SQLITE_STATIC);
            ok = sqlite3_step(auth) == SQLITE_ROW;
            sqlite3_reset(auth);

            sqlite3_bind_text(insert, 1, id.constData(), int(id.size()), SQLITE_STATIC);
            sqlite3_bind_int(insert, 2, 1);
            sqlite3_bind_int64(insert, 3, startedAt);
            sqlite3_bind_int64(insert, 4, 1);
            sqlite3_bind_text(insert, 5, "POST", 4, SQLITE_STATIC);
            sqlite3_bind_text(insert, 6, url.constData(), int(url.size()), SQLITE_STATIC);
            sqlite3_bind_text(insert, 7, requestHeaders.constData(), int(requestHeaders.size()),
                              SQLITE_STATIC);
            sqlite3_bind_blob(insert, 8, body.constData(), int(body.size()), SQLITE_STATIC);
            sqlite3_bind_int64(insert, 9, body.size());
            sqlite3_bind_int(insert, 10, 200);
            sqlite3_bind_text(insert, 11, responseHeaders.constData(), int(responseHeaders.size()),
                              SQLITE_STATIC);
            sqlite3_bind_blob(insert, 12, "ok", 2, SQLITE_STATIC);
            sqlite3_bind_int64(insert, 13, 2);
            sqlite3_bind_int64(insert, 14, Attempt::BodyCap);
            sqlite3_bind_text(insert, 15, "", 0, SQLITE_STATIC);
            sqlite3_bind_text(insert, 16, "succeeded", 9, SQLITE_STATIC);
            sqlite3_bind_null(insert, 17);
            ok = ok && sqlite3_step(insert) == SQLITE_DONE;
            sqlite3_reset(insert);

            sqlite3_bind_text(update, 1, "succeeded", 9, SQLITE_STATIC);
            sqlite3_bind_int(update, 2, 1);
            sqlite3_bind_null(update, 3);
            sqlite3_bind_int(update, 4, 200);
            sqlite3_bind_text(update, 5, "", 0, SQLITE_STATIC);
            sqlite3_bind_int64(update, 6, startedAt + 1);
            sqlite3_bind_int(update, 7, 1);
            sqlite3_bind_text(update, 8, id.constData(), int(id.size()), SQLITE_STATIC);
            sqlite3_bind_text(update, 9, "bench-claim", 11, SQLITE_STATIC);
            ok = ok && sqlite3_step(update) == SQLITE_DONE && sqlite3_changes(db) == 1;
            sqlite3_reset(update);
        }
        ok = ok && exec("COMMIT");
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    if (!ok)
        *error = QString::fromUtf8(sqlite3_errmsg(db));
    sqlite3_finalize(auth);
    sqlite3_finalize(insert);
    sqlite3_finalize(update);
    sqlite3_close(db);
    return ok ? double(ids.size()) / seconds : -1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QTextStream err(stderr);
    QCommandLineParser parser;
    const QCommandLineOption dirOption(u"dir"_s, QString(), u"DIR"_s);
    const QCommandLineOption attemptsOption(u"attempts"_s, QString(), u"N"_s, u"50000"_s);
    parser.addOptions({dirOption, attemptsOption});
    parser.process(app);

    const QDir dir(parser.value(dirOption));
    const QList<Delivery> deliveries =
        Bench::makeDeliveries(parser.value(attemptsOption).toLongLong());
    QString error;
    const double kanca = kancaRowsPerSecond(dir.filePath(u"kanca.sqlite"_s), deliveries, &error);
    const double sqlite =
        kanca < 0 ? -1 : sqliteRowsPerSecond(dir.filePath(u"sqlite.sqlite"_s), deliveries, &error);
    if (kanca < 0 || sqlite < 0) {
        err << error << Qt::endl;
        return 1;
    }
    out << u"kanca_rows_per_s="_s << QString::number(kanca, 'f', 0) << u" sqlite_rows_per_s="_s
        << QString::number(sqlite, 'f', 0) << u" sqlite_version="_s
        << QString::fromUtf8(sqlite3_libversion()) << Qt::endl;
    return 0;
}

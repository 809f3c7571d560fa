#include "history/HistoryDatabase.h"

#include "history/HistorySchema.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QVariant>

#include <array>
#include <atomic>

using namespace Qt::StringLiterals;

namespace Kanca {

namespace {

// SQLite's primary result codes (the low byte of an extended code).
enum SqliteCode {
    SqliteBusy = 5,
    SqliteLocked = 6,
    SqliteReadOnly = 8,
    SqliteIoError = 10,
    SqliteCorrupt = 11,
    SqliteFull = 13,
    SqliteCantOpen = 14,
    SqliteConstraint = 19,
    SqliteNotADatabase = 26,
};

int sqliteCode(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok ? code & 0xff : -1;
}

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

// Why a statement failed, in words (the clause after "Cannot … the history FILE: ").
QString explain(const QSqlError &error)
{
    const QString detail = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    switch (sqliteCode(error)) {
    case SqliteBusy:
    case SqliteLocked:
        return HistoryDatabase::tr("the database is locked by another connection or program; "
                                   "try again later");
    case SqliteReadOnly:
        return HistoryDatabase::tr("the file or its folder cannot be written");
    case SqliteIoError:
        return HistoryDatabase::tr("the disk could not be read or written (%1)").arg(detail);
    case SqliteCorrupt:
        return HistoryDatabase::tr("the file is damaged (%1)").arg(detail);
    case SqliteFull:
        return HistoryDatabase::tr("the disk is full");
    case SqliteCantOpen:
        return HistoryDatabase::tr("the file cannot be opened or created (%1)").arg(detail);
    case SqliteNotADatabase:
        return HistoryDatabase::tr("the file is not a SQLite database");
    default:
        return detail;
    }
}

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

// SQLite keeps NOT NULL text and blob columns; Qt binds a null QString or QByteArray as NULL.
QVariant textValue(const QString &text)
{
    return text.isNull() ? QVariant(u""_s) : QVariant(text);
}

QVariant blobValue(const QByteArray &bytes)
{
    return bytes.isNull() ? QVariant(QByteArray("", 0)) : QVariant(bytes);
}

QVariant timeValue(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant();
}

template<typename T>
QVariant optionalValue(const std::optional<T> &value)
{
    return value ? QVariant(qint64(*value)) : QVariant();
}

QDateTime timeFrom(const QVariant &value)
{
    return value.isNull() ? QDateTime()
                          : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

std::optional<int> optionalIntFrom(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<int>(value.toInt());
}

std::optional<qint64> optionalInt64From(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<qint64>(value.toLongLong());
}

// Compact JSON is written by hand: recording an attempt writes several objects, and
// QJsonDocument's round trip through a tree and UTF-8 costs more than the statements themselves.
void appendJsonString(QString &out, QStringView text)
{
    static constexpr char16_t Hex[] = u"0123456789abcdef";
    out += u'"';
    for (const QChar c : text) {
        const char16_t unit = c.unicode();
        if (unit == u'"' || unit == u'\\') {
            out += u'\\';
            out += c;
        } else if (unit < 0x20) {
            out += u"\\u00";
            out += QChar(Hex[unit >> 4]);
            out += QChar(Hex[unit & 0xf]);
        } else {
            out += c;
        }
    }
    out += u'"';
}

// `"name":"value"`, after a comma unless it is the object's first member.
void appendMember(QString &out, QStringView name, QStringView value, bool first = false)
{
    if (!first)
        out += u',';
    appendJsonString(out, name);
    out += u':';
    appendJsonString(out, value);
}

QJsonObject objectFromJson(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

// [{"name", "value"}], with "secret": true on a header that carries a secret.
QString headersJson(const QList<RenderedRequest::Header> &headers)
{
    QString out;
    out.reserve(2 + headers.size() * 64);
    out += u'[';
    for (const RenderedRequest::Header &header : headers) {
        if (out.size() > 1)
            out += u',';
        out += u'{';
        appendMember(out, u"name", header.name, true);
        appendMember(out, u"value", header.value);
        if (header.secret)
            out += u",\"secret\":true";
        out += u'}';
    }
    out += u']';
    return out;
}

QList<RenderedRequest::Header> headersFromJson(const QString &text)
{
    QList<RenderedRequest::Header> headers;
    const QJsonArray array = QJsonDocument::fromJson(text.toUtf8()).array();
    headers.reserve(array.size());
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        headers.append({object.value(u"name").toString(), object.value(u"value").toString(),
                        object.value(u"secret").toBool()});
    }
    return headers;
}

// A header that carries a credential: flagged secret, an Authorization header, or the header of
// the delivery's secret-header auth. Its value is masked, whatever the caller did.
bool isCredentialHeader(const RenderedRequest::Header &header, const QString &authHeaderName)
{
    return header.secret || header.name.compare(u"Authorization", Qt::CaseInsensitive) == 0
           || header.name.compare(u"Proxy-Authorization", Qt::CaseInsensitive) == 0
           || (!authHeaderName.isEmpty()
               && header.name.compare(authHeaderName, Qt::CaseInsensitive) == 0);
}

QList<RenderedRequest::Header> maskedHeaders(QList<RenderedRequest::Header> headers,
                                             const QString &authHeaderName)
{
    for (RenderedRequest::Header &header : headers) {
        if (isCredentialHeader(header, authHeaderName)) {
            header.value = RenderedRequest::masked(header.value);
            header.secret = true;
        }
    }
    return headers;
}

QString authTypeId(Auth::Type type)
{
    switch (type) {
    case Auth::Type::None:
        return u"none"_s;
    case Auth::Type::Basic:
        return u"basic"_s;
    case Auth::Type::Bearer:
        return u"bearer"_s;
    case Auth::Type::Header:
        return u"header"_s;
    }
    return u"none"_s;
}

Auth::Type authTypeFromId(QStringView id)
{
    if (id == u"basic")
        return Auth::Type::Basic;
    if (id == u"bearer")
        return Auth::Type::Bearer;
    if (id == u"header")
        return Auth::Type::Header;
    return Auth::Type::None;
}

// The auth as JSON: its kind, user name, header name and the secret's NAME (never a value).
QString authJson(const Auth &auth)
{
    QString out(u'{');
    appendMember(out, u"type", authTypeId(auth.type), true);
    appendMember(out, u"username", auth.username);
    appendMember(out, u"headerName", auth.headerName);
    appendMember(out, u"secret", auth.secret.name);
    out += u'}';
    return out;
}

Auth authFromJson(const QString &text)
{
    const QJsonObject object = objectFromJson(text);
    Auth auth;
    auth.type = authTypeFromId(object.value(u"type").toString());
    auth.username = object.value(u"username").toString();
    auth.headerName = object.value(u"headerName").toString();
    auth.secret.name = object.value(u"secret").toString();
    return auth;
}

QString signingTypeId(Signing::Type type)
{
    switch (type) {
    case Signing::Type::None:
        return u"none"_s;
    case Signing::Type::StandardWebhooks:
        return u"standard-webhooks"_s;
    case Signing::Type::HmacSha256:
        return u"hmac-sha256"_s;
    }
    return u"none"_s;
}

Signing::Type signingTypeFromId(QStringView id)
{
    if (id == u"standard-webhooks")
        return Signing::Type::StandardWebhooks;
    if (id == u"hmac-sha256")
        return Signing::Type::HmacSha256;
    return Signing::Type::None;
}

QString signingJson(const Signing &signing)
{
    QString out(u'{');
    appendMember(out, u"type", signingTypeId(signing.type), true);
    appendMember(out, u"secret", signing.secret.name);
    appendMember(out, u"header", signing.header);
    appendMember(out, u"prefix", signing.prefix);
    appendMember(out, u"encoding",
                 signing.encoding == Signing::Encoding::Base64 ? u"base64" : u"hex");
    out += u'}';
    return out;
}

Signing signingFromJson(const QString &text)
{
    const QJsonObject object = objectFromJson(text);
    Signing signing;
    signing.type = signingTypeFromId(object.value(u"type").toString());
    signing.secret.name = object.value(u"secret").toString();
    signing.header = object.value(u"header").toString(signing.header);
    signing.prefix = object.value(u"prefix").toString(signing.prefix);
    signing.encoding = object.value(u"encoding").toString() == u"base64" ? Signing::Encoding::Base64
                                                                         : Signing::Encoding::Hex;
    return signing;
}

QString outcomeId(Attempt::Outcome outcome)
{
    switch (outcome) {
    case Attempt::Outcome::Succeeded:
        return u"succeeded"_s;
    case Attempt::Outcome::WillRetry:
        return u"will-retry"_s;
    case Attempt::Outcome::Failed:
        return u"failed"_s;
    }
    return u"failed"_s;
}

Attempt::Outcome outcomeFromId(QStringView id)
{
    if (id == u"succeeded")
        return Attempt::Outcome::Succeeded;
    if (id == u"will-retry")
        return Attempt::Outcome::WillRetry;
    return Attempt::Outcome::Failed;
}

// The columns of a delivery, in the order readDelivery() reads them and insertion binds them.
constexpr QLatin1StringView DeliveryColumns(
    "id, created_at, rule_set_name, rule_id, rule_name, action_index, event_id, event_type, "
    "method, url, request_headers, request_body, auth, signing, timeout_ms, max_attempts, "
    "initial_delay_ms, max_delay_ms, status, attempt_count, next_attempt_at, last_http_status, "
    "last_error, finished_at, resend_of");

constexpr QLatin1StringView AttemptColumns(
    "id, delivery_id, number, started_at, duration_ms, request_method, request_url, "
    "request_headers, request_body, request_body_size, http_status, response_headers, "
    "response_body, response_body_size, error, outcome, retry_delay_ms");

QList<QVariant> deliveryValues(const Delivery &delivery)
{
    QList<RenderedRequest::Header> headers = delivery.request.headers;
    for (RenderedRequest::Header &header : headers) {
        if (header.secret)
            header.value = RenderedRequest::masked(header.value);
    }
    return {
        delivery.id,
        delivery.createdAt.toMSecsSinceEpoch(),
        textValue(delivery.ruleSetName),
        textValue(delivery.ruleId),
        textValue(delivery.ruleName),
        delivery.actionIndex,
        textValue(delivery.eventId),
        textValue(delivery.eventType),
        textValue(delivery.request.method),
        textValue(delivery.request.url),
        headersJson(headers),
        blobValue(delivery.request.body),
        authJson(delivery.auth),
        signingJson(delivery.signing),
        delivery.timeoutMs,
        delivery.retry.maxAttempts,
        delivery.retry.initialDelayMs,
        delivery.retry.maxDelayMs,
        deliveryStatusId(delivery.status),
        delivery.attemptCount,
        timeValue(delivery.nextAttemptAt),
        optionalValue(delivery.lastHttpStatus),
        textValue(delivery.lastError),
        timeValue(delivery.finishedAt),
        delivery.resendOf.isEmpty() ? QVariant() : QVariant(delivery.resendOf),
    };
}

Delivery readDelivery(const QSqlQuery &query)
{
    int column = 0;
    const auto next = [&] { return query.value(column++); };
    Delivery delivery;
    delivery.id = next().toString();
    delivery.createdAt = timeFrom(next());
    delivery.ruleSetName = next().toString();
    delivery.ruleId = next().toString();
    delivery.ruleName = next().toString();
    delivery.actionIndex = next().toInt();
    delivery.eventId = next().toString();
    delivery.eventType = next().toString();
    delivery.request.method = next().toString();
    delivery.request.url = next().toString();
    delivery.request.headers = headersFromJson(next().toString());
    delivery.request.body = next().toByteArray();
    delivery.auth = authFromJson(next().toString());
    delivery.signing = signingFromJson(next().toString());
    delivery.timeoutMs = next().toInt();
    delivery.retry.maxAttempts = next().toInt();
    delivery.retry.initialDelayMs = next().toInt();
    delivery.retry.maxDelayMs = next().toInt();
    delivery.status = deliveryStatusFromId(next().toString()).value_or(DeliveryStatus::Failed);
    delivery.attemptCount = next().toInt();
    delivery.nextAttemptAt = timeFrom(next());
    delivery.lastHttpStatus = optionalIntFrom(next());
    delivery.lastError = next().toString();
    delivery.finishedAt = timeFrom(next());
    delivery.resendOf = next().toString();
    return delivery;
}

Attempt readAttempt(const QSqlQuery &query)
{
    int column = 0;
    const auto next = [&] { return query.value(column++); };
    Attempt attempt;
    attempt.id = next().toLongLong();
    attempt.deliveryId = next().toString();
    attempt.number = next().toInt();
    attempt.startedAt = timeFrom(next());
    attempt.durationMs = next().toLongLong();
    attempt.request.method = next().toString();
    attempt.request.url = next().toString();
    attempt.request.headers = headersFromJson(next().toString());
    attempt.request.body = next().toByteArray();
    attempt.requestBodySize = next().toLongLong();
    attempt.httpStatus = optionalIntFrom(next());
    attempt.responseHeaders = headersFromJson(next().toString());
    attempt.responseBody = next().toByteArray();
    attempt.responseBodySize = next().toLongLong();
    attempt.error = next().toString();
    attempt.outcome = outcomeFromId(next().toString());
    attempt.retryDelayMs = optionalInt64From(next());
    return attempt;
}

// A LIKE pattern that finds `text` anywhere, with its % and _ taken literally (ESCAPE '\').
QString containsPattern(const QString &text)
{
    QString escaped;
    escaped.reserve(text.size() + 2);
    escaped.append(u'%');
    for (const QChar c : text) {
        if (c == u'\\' || c == u'%' || c == u'_')
            escaped.append(u'\\');
        escaped.append(c);
    }
    escaped.append(u'%');
    return escaped;
}

struct Where
{
    QString sql;
    QList<QVariant> values;
};

Where whereClause(const HistoryDatabase::Filter &filter)
{
    QStringList conditions;
    Where where;
    if (!filter.ruleId.isEmpty()) {
        conditions.append(u"rule_id = ?"_s);
        where.values.append(filter.ruleId);
    }
    if (filter.status) {
        conditions.append(u"status = ?"_s);
        where.values.append(deliveryStatusId(*filter.status));
    }
    if (!filter.text.isEmpty()) {
        static const QStringList searched = {u"url"_s,      u"rule_id"_s,    u"rule_name"_s,
                                             u"event_id"_s, u"event_type"_s, u"last_error"_s};
        QStringList alternatives;
        const QString pattern = containsPattern(filter.text);
        for (const QString &column : searched) {
            alternatives.append(column + u" LIKE ? ESCAPE '\\'"_s);
            where.values.append(pattern);
        }
        conditions.append(u'(' + alternatives.join(u" OR "_s) + u')');
    }
    if (filter.from.isValid()) {
        conditions.append(u"created_at >= ?"_s);
        where.values.append(filter.from.toMSecsSinceEpoch());
    }
    if (filter.to.isValid()) {
        conditions.append(u"created_at <= ?"_s);
        where.values.append(filter.to.toMSecsSinceEpoch());
    }
    if (!conditions.isEmpty())
        where.sql = u" WHERE "_s + conditions.join(u" AND "_s);
    return where;
}

std::atomic<quint64> connectionCounter{0};

} // namespace

struct HistoryDatabase::Private
{
    // The statements prepared once per connection.
    enum Statement {
        Begin,
        Commit,
        Rollback,
        InsertDelivery,
        DeliveryAuth,
        InsertAttempt,
        UpdateDelivery,
        SelectDelivery,
        SelectAttempts,
        SelectUnfinished,
        CountAttempts,
        StatementCount
    };

    QString connectionName;
    QString path;
    int busyTimeoutMs = DefaultBusyTimeoutMs;
    bool open = false;
    QSqlDatabase db;
    std::array<std::unique_ptr<QSqlQuery>, StatementCount> statements;

    static QString sql(Statement statement);
    QSqlQuery *prepared(Statement statement, QSqlError *sqlError);
    QSqlQuery *run(Statement statement, const QList<QVariant> &values, QSqlError *sqlError);
    bool exec(const QString &sql, QSqlError *sqlError, QVariant *result = nullptr);
    bool begin(QSqlError *sqlError) { return run(Begin, {}, sqlError); }
    bool commit(QSqlError *sqlError) { return run(Commit, {}, sqlError); }
    void rollback()
    {
        QSqlError ignored; // fails harmlessly when SQLite already rolled back
        run(Rollback, {}, &ignored);
    }
    QString authHeaderName(const QString &deliveryId, bool *found, QSqlError *sqlError);
    bool checkOpen(QString *error) const;
    QString readError(const QSqlError &sqlError) const
    {
        return HistoryDatabase::tr("Cannot read the history %1: %2")
            .arg(native(path), explain(sqlError));
    }
};

QString HistoryDatabase::Private::sql(Statement statement)
{
    switch (statement) {
    case Begin:
        // IMMEDIATE takes the write lock at once (waiting up to the busy timeout), so that a
        // transaction never fails half-way because another process wrote meanwhile.
        return u"BEGIN IMMEDIATE"_s;
    case Commit:
        return u"COMMIT"_s;
    case Rollback:
        return u"ROLLBACK"_s;
    case InsertDelivery:
        return u"INSERT INTO deliveries ("_s + DeliveryColumns
               + u") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                 u"?, ?)"_s;
    case DeliveryAuth:
        return u"SELECT CASE json_extract(auth, '$.type') WHEN 'header' "
               u"THEN json_extract(auth, '$.headerName') ELSE '' END "
               u"FROM deliveries WHERE id = ?"_s;
    case InsertAttempt:
        return u"INSERT INTO attempts (delivery_id, number, started_at, duration_ms, "
               u"request_method, request_url, request_headers, request_body, request_body_size, "
               u"http_status, response_headers, response_body, response_body_size, body_cap, "
               u"error, outcome, retry_delay_ms) "
               u"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s;
    case UpdateDelivery:
        return u"UPDATE deliveries SET status = ?, attempt_count = max(attempt_count, ?), "
               u"next_attempt_at = ?, last_http_status = ?, last_error = ?, finished_at = ? "
               u"WHERE id = ?"_s;
    case SelectDelivery:
        return u"SELECT "_s + DeliveryColumns + u" FROM deliveries WHERE id = ?"_s;
    case SelectAttempts:
        return u"SELECT "_s + AttemptColumns
               + u" FROM attempts WHERE delivery_id = ? ORDER BY number, id"_s;
    case SelectUnfinished:
        return u"SELECT "_s + DeliveryColumns
               + u" FROM deliveries WHERE status = 'pending' "
                 u"ORDER BY next_attempt_at, created_at, id"_s;
    case CountAttempts:
        return u"SELECT count(*) FROM attempts"_s;
    case StatementCount:
        break;
    }
    return {};
}

QSqlQuery *HistoryDatabase::Private::prepared(Statement statement, QSqlError *sqlError)
{
    std::unique_ptr<QSqlQuery> &slot = statements[statement];
    if (!slot) {
        auto query = std::make_unique<QSqlQuery>(db);
        query->setForwardOnly(true);
        if (!query->prepare(sql(statement))) {
            *sqlError = query->lastError();
            return nullptr;
        }
        slot = std::move(query);
    }
    return slot.get();
}

// Binds and runs a prepared statement. A statement that failed is dropped and prepared anew the
// next time, whatever state the failure left it in.
QSqlQuery *HistoryDatabase::Private::run(Statement statement, const QList<QVariant> &values,
                                         QSqlError *sqlError)
{
    QSqlQuery *query = prepared(statement, sqlError);
    if (!query)
        return nullptr;
    for (qsizetype i = 0; i < values.size(); ++i)
        query->bindValue(int(i), values.at(i));
    if (!query->exec()) {
        *sqlError = query->lastError();
        statements[statement].reset();
        return nullptr;
    }
    return query;
}

bool HistoryDatabase::Private::exec(const QString &sql, QSqlError *sqlError, QVariant *result)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(sql)) {
        *sqlError = query.lastError();
        return false;
    }
    if (result)
        *result = query.next() ? query.value(0) : QVariant();
    return true;
}

// The name of the delivery's secret header auth ("X-Webhook-Secret"), empty for other auth.
QString HistoryDatabase::Private::authHeaderName(const QString &deliveryId, bool *found,
                                                 QSqlError *sqlError)
{
    QSqlQuery *query = run(DeliveryAuth, {deliveryId}, sqlError);
    *found = false;
    if (!query)
        return {};
    QString name;
    if (query->next()) {
        *found = true;
        name = query->value(0).toString();
    }
    query->finish();
    return name;
}

bool HistoryDatabase::Private::checkOpen(QString *error) const
{
    if (open)
        return true;
    setError(error, HistoryDatabase::tr("The history is not open."));
    return false;
}

HistoryDatabase::HistoryDatabase()
    : d(std::make_unique<Private>())
{
    d->connectionName = u"kanca-history-%1"_s.arg(++connectionCounter);
}

HistoryDatabase::~HistoryDatabase()
{
    close();
}

QString HistoryDatabase::defaultPath()
{
    const QString fromEnvironment = qEnvironmentVariable("KANCA_DB");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/history.sqlite"_s;
}

bool HistoryDatabase::open(const QString &path, QString *error)
{
    close();
    const QString shown = native(path);
    const auto fail = [&](const QString &message) {
        setError(error, message);
        close();
        return false;
    };

    if (path.isEmpty())
        return fail(tr("No history file was given."));
    const QFileInfo info(path);
    if (info.isDir())
        return fail(tr("Cannot open the history %1: it is a folder, not a file.").arg(shown));
    const QString folder = info.absolutePath();
    if (!QDir().mkpath(folder)) {
        return fail(tr("Cannot open the history %1: the folder %2 cannot be created.")
                        .arg(shown, native(folder)));
    }

    d->db = QSqlDatabase::addDatabase(u"QSQLITE"_s, d->connectionName);
    if (!d->db.isValid()) {
        return fail(tr("Cannot open the history %1: Qt's SQLite driver (QSQLITE) is not "
                       "installed.")
                        .arg(shown));
    }
    d->db.setDatabaseName(path);
    d->db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(d->busyTimeoutMs));
    if (!d->db.open())
        return fail(tr("Cannot open the history %1: %2").arg(shown, explain(d->db.lastError())));
    d->path = path;

    QSqlError sqlError;
    const auto failSql = [&] {
        return fail(tr("Cannot open the history %1: %2").arg(shown, explain(sqlError)));
    };
    // The first statement that reads the file finds out whether it is a database at all.
    QVariant applicationId;
    QVariant userVersion;
    QVariant tableCount;
    if (!d->exec(u"PRAGMA busy_timeout = %1"_s.arg(d->busyTimeoutMs), &sqlError)
        || !d->exec(u"PRAGMA application_id"_s, &sqlError, &applicationId)
        || !d->exec(u"PRAGMA user_version"_s, &sqlError, &userVersion)
        || !d->exec(u"SELECT count(*) FROM sqlite_master"_s, &sqlError, &tableCount)) {
        return failSql();
    }
    const int appId = applicationId.toInt();
    int version = userVersion.toInt();
    const bool foreign = (appId != 0 && appId != HistorySchema::ApplicationId)
                         || (appId == 0 && version == 0 && tableCount.toInt() > 0)
                         || (appId == 0 && version > 0 && version <= SchemaVersion);
    if (foreign) {
        return fail(tr("Cannot open the history %1: it is a database of another program, not a "
                       "Kanca history.")
                        .arg(shown));
    }
    const auto newer = [&](int found) {
        return fail(tr("Cannot open the history %1: this history was written by a newer Kanca "
                       "(schema %2); this one reads schema %3.")
                        .arg(shown)
                        .arg(found)
                        .arg(SchemaVersion));
    };
    if (version > SchemaVersion)
        return newer(version);

    QVariant journalMode;
    if (!d->exec(u"PRAGMA journal_mode = WAL"_s, &sqlError, &journalMode))
        return failSql();
    if (journalMode.toString().compare(u"wal", Qt::CaseInsensitive) != 0) {
        return fail(tr("Cannot open the history %1: it cannot be switched to write-ahead logging "
                       "(its journal mode stays \"%2\").")
                        .arg(shown, journalMode.toString()));
    }
    if (!d->exec(u"PRAGMA synchronous = NORMAL"_s, &sqlError)
        || !d->exec(u"PRAGMA foreign_keys = ON"_s, &sqlError)) {
        return failSql();
    }

    // The write lock makes the migration one process's alone. SQLite opens a write-protected
    // file read-only without a word: a write that is rolled back proves that it can be written.
    if (!d->begin(&sqlError))
        return failSql();
    // Another process may have migrated the file since it was read above.
    if (!d->exec(u"PRAGMA user_version"_s, &sqlError, &userVersion)) {
        d->rollback();
        return failSql();
    }
    version = userVersion.toInt();
    if (version > SchemaVersion) {
        d->rollback();
        return newer(version);
    }
    const auto failMigration = [&](int to) {
        d->rollback();
        return fail(tr("Cannot update the history %1 to schema %2: %3")
                        .arg(shown)
                        .arg(to)
                        .arg(explain(sqlError)));
    };
    if (version == SchemaVersion) {
        const bool writable = d->exec(u"PRAGMA user_version = %1"_s.arg(version), &sqlError);
        d->rollback();
        if (!writable)
            return failSql();
    }
    for (int to = version + 1; to <= SchemaVersion; ++to) {
        const QList<QLatin1StringView> steps = HistorySchema::migration(to);
        for (const QLatin1StringView step : steps) {
            if (!d->exec(QString(step), &sqlError))
                return failMigration(to);
        }
        if (!d->exec(u"PRAGMA user_version = %1"_s.arg(to), &sqlError))
            return failMigration(to);
    }
    if (version < SchemaVersion && !d->commit(&sqlError))
        return failMigration(SchemaVersion);

    d->open = true;
    return true;
}

bool HistoryDatabase::isOpen() const
{
    return d->open;
}

QString HistoryDatabase::path() const
{
    return d->path;
}

void HistoryDatabase::close()
{
    // Every query and every handle on the connection goes before the connection is removed.
    for (std::unique_ptr<QSqlQuery> &statement : d->statements)
        statement.reset();
    if (d->db.isValid())
        d->db.close();
    d->db = QSqlDatabase();
    if (QSqlDatabase::contains(d->connectionName))
        QSqlDatabase::removeDatabase(d->connectionName);
    d->open = false;
    d->path.clear();
}

void HistoryDatabase::setBusyTimeout(int ms)
{
    d->busyTimeoutMs = qMax(0, ms);
    if (d->open) {
        QSqlError ignored; // only a closed connection refuses it
        d->exec(u"PRAGMA busy_timeout = %1"_s.arg(d->busyTimeoutMs), &ignored);
    }
}

int HistoryDatabase::busyTimeout() const
{
    return d->busyTimeoutMs;
}

bool HistoryDatabase::insertDeliveries(const QList<Delivery> &deliveries, QString *error)
{
    if (!d->checkOpen(error))
        return false;
    const QString shown = native(d->path);
    for (const Delivery &delivery : deliveries) {
        if (delivery.id.isEmpty()) {
            setError(error, tr("Cannot add deliveries to the history %1: a delivery has no id; "
                               "none was added.")
                                .arg(shown));
            return false;
        }
        if (!delivery.createdAt.isValid()) {
            setError(error, tr("Cannot add deliveries to the history %1: the delivery %2 has no "
                               "creation time; none was added.")
                                .arg(shown, delivery.id));
            return false;
        }
    }
    if (deliveries.isEmpty())
        return true;

    QSqlError sqlError;
    if (!d->begin(&sqlError)) {
        setError(error,
                 tr("Cannot add deliveries to the history %1: %2").arg(shown, explain(sqlError)));
        return false;
    }
    for (const Delivery &delivery : deliveries) {
        if (d->run(Private::InsertDelivery, deliveryValues(delivery), &sqlError))
            continue;
        d->rollback();
        if (sqliteCode(sqlError) == SqliteConstraint) {
            setError(error, tr("Cannot add deliveries to the history %1: a delivery with the id "
                               "%2 is already there; none was added.")
                                .arg(shown, delivery.id));
        } else {
            setError(error, tr("Cannot add the delivery %1 to the history %2: %3; none was "
                               "added.")
                                .arg(delivery.id, shown, explain(sqlError)));
        }
        return false;
    }
    if (!d->commit(&sqlError)) {
        d->rollback();
        setError(error,
                 tr("Cannot add deliveries to the history %1: %2").arg(shown, explain(sqlError)));
        return false;
    }
    return true;
}

bool HistoryDatabase::recordAttempts(const QList<AttemptResult> &results, QString *error)
{
    if (!d->checkOpen(error))
        return false;
    const QString shown = native(d->path);
    for (const AttemptResult &result : results) {
        if (!result.attempt.startedAt.isValid()) {
            setError(error, tr("Cannot record attempts in the history %1: attempt %2 of the "
                               "delivery %3 has no start time; no attempt was recorded.")
                                .arg(shown)
                                .arg(result.attempt.number)
                                .arg(result.attempt.deliveryId));
            return false;
        }
    }
    if (results.isEmpty())
        return true;

    QSqlError sqlError;
    const auto failSql = [&] {
        d->rollback();
        setError(error,
                 tr("Cannot record attempts in the history %1: %2").arg(shown, explain(sqlError)));
        return false;
    };
    if (!d->begin(&sqlError)) {
        setError(error,
                 tr("Cannot record attempts in the history %1: %2").arg(shown, explain(sqlError)));
        return false;
    }
    for (const AttemptResult &result : results) {
        const Attempt &attempt = result.attempt;
        bool found = false;
        const QString authHeader = d->authHeaderName(attempt.deliveryId, &found, &sqlError);
        if (sqlError.isValid())
            return failSql();
        if (!found) {
            d->rollback();
            setError(error, tr("Cannot record attempts in the history %1: there is no delivery "
                               "%2; no attempt was recorded.")
                                .arg(shown, attempt.deliveryId));
            return false;
        }

        const QByteArray requestBody = attempt.request.body.left(Attempt::BodyCap);
        const QByteArray responseBody = attempt.responseBody.left(Attempt::BodyCap);
        const QList<QVariant> attemptValues = {
            attempt.deliveryId,
            attempt.number,
            attempt.startedAt.toMSecsSinceEpoch(),
            attempt.durationMs,
            textValue(attempt.request.method),
            textValue(attempt.request.url),
            headersJson(maskedHeaders(attempt.request.headers, authHeader)),
            blobValue(requestBody),
            qMax(attempt.requestBodySize, qint64(attempt.request.body.size())),
            optionalValue(attempt.httpStatus),
            headersJson(attempt.responseHeaders),
            blobValue(responseBody),
            qMax(attempt.responseBodySize, qint64(attempt.responseBody.size())),
            qint64(Attempt::BodyCap),
            textValue(attempt.error),
            outcomeId(attempt.outcome),
            optionalValue(attempt.retryDelayMs),
        };
        if (!d->run(Private::InsertAttempt, attemptValues, &sqlError))
            return failSql();

        const bool finished = result.status != DeliveryStatus::Pending;
        const QList<QVariant> update = {
            deliveryStatusId(result.status),
            attempt.number,
            finished ? QVariant() : timeValue(result.nextAttemptAt),
            optionalValue(attempt.httpStatus),
            textValue(attempt.error),
            finished ? QVariant(attempt.startedAt.addMSecs(attempt.durationMs).toMSecsSinceEpoch())
                     : QVariant(),
            attempt.deliveryId,
        };
        if (!d->run(Private::UpdateDelivery, update, &sqlError))
            return failSql();
    }
    if (!d->commit(&sqlError))
        return failSql();
    return true;
}

QList<Delivery> HistoryDatabase::unfinishedDeliveries(QString *error) const
{
    if (!d->checkOpen(error))
        return {};
    QSqlError sqlError;
    QSqlQuery *query = d->run(Private::SelectUnfinished, {}, &sqlError);
    if (!query) {
        setError(error, d->readError(sqlError));
        return {};
    }
    QList<Delivery> deliveries;
    while (query->next())
        deliveries.append(readDelivery(*query));
    query->finish();
    return deliveries;
}

std::optional<Delivery> HistoryDatabase::delivery(const QString &id, QString *error) const
{
    if (!d->checkOpen(error))
        return std::nullopt;
    QSqlError sqlError;
    QSqlQuery *query = d->run(Private::SelectDelivery, {id}, &sqlError);
    if (!query) {
        setError(error, d->readError(sqlError));
        return std::nullopt;
    }
    std::optional<Delivery> found;
    if (query->next())
        found = readDelivery(*query);
    else
        setError(error, tr("The history %1 has no delivery %2.").arg(native(d->path), id));
    query->finish();
    return found;
}

QList<Attempt> HistoryDatabase::attempts(const QString &deliveryId, QString *error) const
{
    if (!d->checkOpen(error))
        return {};
    QSqlError sqlError;
    QSqlQuery *query = d->run(Private::SelectAttempts, {deliveryId}, &sqlError);
    if (!query) {
        setError(error, d->readError(sqlError));
        return {};
    }
    QList<Attempt> attempts;
    while (query->next())
        attempts.append(readAttempt(*query));
    query->finish();
    return attempts;
}

QList<Delivery> HistoryDatabase::deliveries(const Filter &filter, QString *error) const
{
    if (!d->checkOpen(error))
        return {};
    Where where = whereClause(filter);
    where.values.append(filter.limit > 0 ? filter.limit : -1);
    where.values.append(qMax(0, filter.offset));
    QSqlQuery query(d->db);
    query.setForwardOnly(true);
    bool ok = query.prepare(u"SELECT "_s + DeliveryColumns + u" FROM deliveries"_s + where.sql
                            + u" ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?"_s);
    for (qsizetype i = 0; ok && i < where.values.size(); ++i)
        query.bindValue(int(i), where.values.at(i));
    if (!ok || !query.exec()) {
        setError(error, d->readError(query.lastError()));
        return {};
    }
    QList<Delivery> deliveries;
    while (query.next())
        deliveries.append(readDelivery(query));
    return deliveries;
}

qint64 HistoryDatabase::countDeliveries(const Filter &filter, QString *error) const
{
    if (!d->checkOpen(error))
        return 0;
    const Where where = whereClause(filter);
    QSqlQuery query(d->db);
    query.setForwardOnly(true);
    bool ok = query.prepare(u"SELECT count(*) FROM deliveries"_s + where.sql);
    for (qsizetype i = 0; ok && i < where.values.size(); ++i)
        query.bindValue(int(i), where.values.at(i));
    if (!ok || !query.exec() || !query.next()) {
        setError(error, d->readError(query.lastError()));
        return 0;
    }
    return query.value(0).toLongLong();
}

qint64 HistoryDatabase::countAttempts(QString *error) const
{
    if (!d->checkOpen(error))
        return 0;
    QSqlError sqlError;
    QSqlQuery *query = d->run(Private::CountAttempts, {}, &sqlError);
    if (!query || !query->next()) {
        setError(error, d->readError(query ? query->lastError() : sqlError));
        return 0;
    }
    const qint64 count = query->value(0).toLongLong();
    query->finish();
    return count;
}

QString HistoryDatabase::connectionName() const
{
    return d->connectionName;
}

} // namespace Kanca

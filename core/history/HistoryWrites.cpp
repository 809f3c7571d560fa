// The history's writes through SQLite's C API, on the sqlite3 handle of Qt's QSQLITE connection
// (the same connection, so the same transactions, busy timeout and pragmas). Every delivery and
// attempt binds 7 to 25 values; QSqlResult::bindValue formats a placeholder name for each one
// and QSqlQuery::exec copies them again, which cost more than SQLite's own work for the row.
// Values are bound exactly as QSQLITE binds them, so the rows are the same.
#include "history/HistoryPrivate.h"
#include "text/Utf8.h"

#include <QSqlDriver>

#include <sqlite3.h>

namespace Kanca {

namespace {

QSqlError sqliteError(sqlite3 *handle, int code)
{
    return QSqlError(QString(),
                     QString::fromUtf16(static_cast<const char16_t *>(sqlite3_errmsg16(handle))),
                     QSqlError::StatementError, QString::number(code));
}

// The UTF-8 of the texts bound to one statement, in one buffer sized before the first is
// written (so that none moves) and kept for the next statement. SQLite keeps text as UTF-8: given
// UTF-16 (sqlite3_bind_text16, as QSQLITE binds), it converts a character at a time into a new
// allocation for every value; writeUtf8 is vectorised and needs none.
class Utf8Texts
{
public:
    explicit Utf8Texts(QByteArray &buffer)
        : m_buffer(buffer)
    {}
    void reserve(const QList<QVariant> &values)
    {
        qsizetype space = 0;
        for (const QVariant &value : values) {
            if (value.typeId() == QMetaType::QString)
                space +=
                    MaxUtf8BytesPerUnit * static_cast<const QString *>(value.constData())->size();
        }
        m_buffer.resize(space);
        m_next = m_buffer.data();
    }
    // The text's UTF-8. A lone surrogate, which UTF-8 cannot hold, becomes U+FFFD, as
    // QString::toUtf8 and the PostgreSQL path make it (SQLite's own conversion paired it with
    // the character after it).
    QByteArrayView convert(QStringView text)
    {
        if (text.isEmpty())
            return QByteArrayView("", 0); // text, not NULL: never a null pointer
        char *const start = m_next;
        m_next = writeUtf8(start, text);
        return QByteArrayView(start, m_next - start);
    }

private:
    QByteArray &m_buffer;
    char *m_next = nullptr;
};

// As QSQLITE binds a value: null (a null variant, string or byte array) as NULL, strings as
// text (given to SQLite in UTF-8, the encoding it keeps), byte arrays as blobs, integers as
// integers, anything else as its string.
int bindValue(sqlite3_stmt *statement, int index, const QVariant &value, Utf8Texts &texts)
{
    const int type = value.typeId();
    if (value.isNull()
        || (type == QMetaType::QString && static_cast<const QString *>(value.constData())->isNull())
        || (type == QMetaType::QByteArray
            && static_cast<const QByteArray *>(value.constData())->isNull())) {
        return sqlite3_bind_null(statement, index);
    }
    switch (type) {
    case QMetaType::QString: {
        const QByteArrayView utf8 = texts.convert(*static_cast<const QString *>(value.constData()));
        return sqlite3_bind_text(statement, index, utf8.data(), int(utf8.size()), SQLITE_STATIC);
    }
    case QMetaType::QByteArray: {
        const auto *bytes = static_cast<const QByteArray *>(value.constData());
        return sqlite3_bind_blob(statement, index, bytes->constData(), int(bytes->size()),
                                 SQLITE_STATIC);
    }
    case QMetaType::Int:
    case QMetaType::Bool:
        return sqlite3_bind_int(statement, index, value.toInt());
    case QMetaType::UInt:
    case QMetaType::LongLong:
        return sqlite3_bind_int64(statement, index, value.toLongLong());
    case QMetaType::Double:
        return sqlite3_bind_double(statement, index, value.toDouble());
    default: {
        const QString text = value.toString();
        return sqlite3_bind_text16(statement, index, text.utf16(),
                                   int(text.size() * qsizetype(sizeof(QChar))), SQLITE_TRANSIENT);
    }
    }
}

} // namespace

sqlite3 *HistoryDatabase::Private::nativeHandle()
{
    if (!handle) {
        const QVariant driverHandle = db.driver() ? db.driver()->handle() : QVariant();
        if (driverHandle.isValid() && qstrcmp(driverHandle.typeName(), "sqlite3*") == 0)
            handle = *static_cast<sqlite3 *const *>(driverHandle.constData());
    }
    return handle;
}

// Prepares a write statement once per connection, on QSQLITE's sqlite3 handle.
sqlite3_stmt *HistoryDatabase::Private::preparedWrite(Statement statement, QSqlError *sqlError)
{
    if (!nativeHandle()) {
        *sqlError = QSqlError(QString(), HistoryDatabase::tr("The history is not open."),
                              QSqlError::ConnectionError);
        return nullptr;
    }
    sqlite3_stmt *&slot = writeStatements[statement];
    if (!slot) {
        const QString text = sql(statement);
        const int code = sqlite3_prepare16_v2(
            handle, text.utf16(), int(text.size() * qsizetype(sizeof(QChar))), &slot, nullptr);
        if (code != SQLITE_OK) {
            *sqlError = sqliteError(handle, code);
            sqlite3_finalize(slot);
            slot = nullptr;
        }
    }
    return slot;
}

bool HistoryDatabase::Private::write(Statement statement, const QList<QVariant> &values,
                                     QSqlError *sqlError)
{
    sqlite3_stmt *query = preparedWrite(statement, sqlError);
    if (!query)
        return false;
    Utf8Texts texts(utf8Texts);
    texts.reserve(values);
    int code = SQLITE_OK;
    for (qsizetype i = 0; code == SQLITE_OK && i < values.size(); ++i)
        code = bindValue(query, int(i + 1), values.at(i), texts);
    if (code == SQLITE_OK) {
        code = sqlite3_step(query);
        if (code == SQLITE_DONE || code == SQLITE_ROW)
            code = SQLITE_OK;
    }
    if (code != SQLITE_OK)
        *sqlError = sqliteError(handle, code);
    sqlite3_reset(query);
    sqlite3_clear_bindings(query); // the bound blobs belong to `values`, the texts to utf8Texts
    if (utf8Texts.capacity() > MaxKeptUtf8Bytes)
        utf8Texts = QByteArray(); // a rare large text does not keep its buffer
    return code == SQLITE_OK;
}

int HistoryDatabase::Private::changes() const
{
    return handle ? sqlite3_changes(handle) : 0;
}

// The name of the delivery's secret header auth ("X-Webhook-Secret"), empty for other auth.
QString HistoryDatabase::Private::authHeaderName(const QString &deliveryId, bool *found,
                                                 QSqlError *sqlError)
{
    *found = false;
    sqlite3_stmt *query = preparedWrite(DeliveryAuth, sqlError);
    if (!query)
        return {};
    QString name;
    Utf8Texts texts(utf8Texts);
    texts.reserve({deliveryId});
    int code = bindValue(query, 1, deliveryId, texts);
    if (code == SQLITE_OK)
        code = sqlite3_step(query);
    if (code == SQLITE_ROW) {
        *found = true;
        name = QString::fromUtf16(static_cast<const char16_t *>(sqlite3_column_text16(query, 0)),
                                  sqlite3_column_bytes16(query, 0) / qsizetype(sizeof(QChar)));
    } else if (code != SQLITE_DONE) {
        *sqlError = sqliteError(handle, code);
    }
    sqlite3_reset(query);
    sqlite3_clear_bindings(query);
    return name;
}

void HistoryDatabase::Private::rememberAuthHeader(const Delivery &delivery)
{
    if (knownAuthHeaders.size() >= MaxKnownAuthHeaders)
        knownAuthHeaders.clear();
    knownAuthHeaders.insert(delivery.id, delivery.auth.type == Auth::Type::Header
                                             ? delivery.auth.headerName
                                             : QString());
}

void HistoryDatabase::Private::finalizeWrites()
{
    for (sqlite3_stmt *&statement : writeStatements) {
        sqlite3_finalize(statement);
        statement = nullptr;
    }
    handle = nullptr;
    knownAuthHeaders.clear();
}

} // namespace Kanca

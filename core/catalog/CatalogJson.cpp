#include "catalog/CatalogJson.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>

#include <algorithm>
#include <utility>

namespace Kanca::CatalogJson {

using namespace Qt::StringLiterals;

namespace {

// 1-based line and column (in characters) of a byte offset into UTF-8 text.
std::pair<int, int> lineAndColumn(const QByteArray &text, qsizetype offset)
{
    offset = std::clamp<qsizetype>(offset, 0, text.size());
    int line = 1;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < offset; ++i) {
        if (text.at(i) == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    const int column = int(QString::fromUtf8(text.mid(lineStart, offset - lineStart)).size()) + 1;
    return {line, column};
}

} // namespace

QString quoted(QAnyStringView text)
{
    return u'"' + text.toString() + u'"';
}

bool fail(QString *error, const Where &where, const QString &message)
{
    if (error) {
        if (where.path.isEmpty())
            *error = where.file + u": "_s + message;
        else
            *error = where.file + u": "_s + where.path + u": "_s + message;
    }
    return false;
}

bool parseDocument(const QByteArray &json, const QString &file, QJsonObject *out, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const auto [line, column] = lineAndColumn(json, parseError.offset);
        return fail(error, {file, {}},
                    Catalog::tr("line %1, column %2: %3")
                        .arg(line)
                        .arg(column)
                        .arg(parseError.errorString()));
    }
    if (!document.isObject())
        return fail(error, {file, {}}, Catalog::tr("the document is not a JSON object"));
    *out = document.object();
    return true;
}

bool checkKeys(const QJsonObject &object, std::initializer_list<QLatin1String> allowed,
               const Where &where, QString *error)
{
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (std::find(allowed.begin(), allowed.end(), it.key()) == allowed.end())
            return fail(error, where, Catalog::tr("unknown key %1").arg(quoted(it.key())));
    }
    return true;
}

bool readObject(const QJsonObject &parent, QLatin1String key, const Where &where, QJsonObject *out,
                QString *error)
{
    const QJsonValue value = parent.value(key);
    if (value.isUndefined())
        return fail(error, where, Catalog::tr("%1 is missing").arg(quoted(key)));
    if (!value.isObject())
        return fail(error, where, Catalog::tr("%1 must be an object").arg(quoted(key)));
    *out = value.toObject();
    return true;
}

bool readArray(const QJsonObject &parent, QLatin1String key, const Where &where, QJsonArray *out,
               QString *error)
{
    const QJsonValue value = parent.value(key);
    if (value.isUndefined())
        return fail(error, where, Catalog::tr("%1 is missing").arg(quoted(key)));
    if (!value.isArray())
        return fail(error, where, Catalog::tr("%1 must be an array").arg(quoted(key)));
    *out = value.toArray();
    return true;
}

bool readText(const QJsonObject &parent, QLatin1String key, const Where &where, QString *out,
              QString *error)
{
    const QJsonValue value = parent.value(key);
    if (value.isUndefined())
        return fail(error, where, Catalog::tr("%1 is missing").arg(quoted(key)));
    if (!value.isString() || value.toString().trimmed().isEmpty())
        return fail(error, where, Catalog::tr("%1 must be a non-empty text").arg(quoted(key)));
    *out = value.toString();
    return true;
}

bool readLocalized(const QJsonObject &parent, QLatin1String key, const Where &where,
                   LocalizedText *out, QString *error)
{
    QJsonObject object;
    if (!readObject(parent, key, where, &object, error))
        return false;
    const Where inner = where.key(key);
    // (*out).tr, not out->tr: lupdate reads "->tr" as a misplaced call of tr().
    return checkKeys(object, {QLatin1String("en"), QLatin1String("tr")}, inner, error)
           && readText(object, QLatin1String("en"), inner, &out->en, error)
           && readText(object, QLatin1String("tr"), inner, &(*out).tr, error);
}

std::optional<double> readBound(const QJsonObject &object, QLatin1String key, const Where &where,
                                bool *ok, QString *error)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined())
        return std::nullopt;
    if (!value.isDouble()) {
        *ok = fail(error, where, Catalog::tr("%1 must be a number").arg(quoted(key)));
        return std::nullopt;
    }
    return value.toDouble();
}

} // namespace Kanca::CatalogJson

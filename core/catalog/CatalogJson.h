#pragma once

#include "catalog/Catalog.h"

#include <QAnyStringView>
#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <initializer_list>
#include <optional>

// Reading the catalog's JSON documents (private to core/catalog): where in which document a
// value is, and readers that check a value's kind and say what is wrong with it.
namespace Kanca::CatalogJson {

QString quoted(QAnyStringView text);

// Where in which document a problem is: "catalog.json" and "fields[3]".
struct Where
{
    QString file;
    QString path;

    Where key(QAnyStringView key) const
    {
        return {file, path.isEmpty() ? key.toString() : path + u'.' + key.toString()};
    }
    Where index(qsizetype index) const
    {
        return {file, path + u'[' + QString::number(index) + u']'};
    }
    Where member(QStringView key) const { return {file, path + u'[' + quoted(key) + u']'}; }
};

// Sets *error to "file: path: message" and returns false, so that a check reads
// "return fail(...)".
bool fail(QString *error, const Where &where, const QString &message);

// Parses a document that must be a JSON object; a syntax error is reported with its line and
// column.
bool parseDocument(const QByteArray &json, const QString &file, QJsonObject *out, QString *error);
// Fails on a key of `object` that is not in `allowed`.
bool checkKeys(const QJsonObject &object, std::initializer_list<QLatin1String> allowed,
               const Where &where, QString *error);
bool readObject(const QJsonObject &parent, QLatin1String key, const Where &where, QJsonObject *out,
                QString *error);
bool readArray(const QJsonObject &parent, QLatin1String key, const Where &where, QJsonArray *out,
               QString *error);
// A non-empty text.
bool readText(const QJsonObject &parent, QLatin1String key, const Where &where, QString *out,
              QString *error);
// {"en": "...", "tr": "..."}
bool readLocalized(const QJsonObject &parent, QLatin1String key, const Where &where,
                   LocalizedText *out, QString *error);
// An optional number: nullopt when absent; when it is not a number, *ok is set to false.
std::optional<double> readBound(const QJsonObject &object, QLatin1String key, const Where &where,
                                bool *ok, QString *error);

} // namespace Kanca::CatalogJson

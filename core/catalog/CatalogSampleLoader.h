#pragma once

#include "catalog/Catalog.h"
#include "catalog/CatalogJson.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace Kanca {

// Reads a document of sample events (samples-en.json, samples-tr.json) against a loaded catalog
// (private to core/catalog): every event of the catalog has a sample, made of the document's
// base with the event's own part laid over it, and every value in it is a field of the catalog
// of the field's type. Fails on the first problem with where it is.
class CatalogSampleLoader final
{
public:
    CatalogSampleLoader(const Catalog &catalog, QString *error)
        : m_catalog(catalog)
        , m_error(error)
    {}

    bool loadSamples(const QByteArray &json, const QString &file,
                     QHash<QString, QJsonObject> *samples);

private:
    using Where = CatalogJson::Where;

    bool checkSampleObject(const QJsonObject &object, const QString &prefix, const Where &where);
    bool checkSampleValue(const FieldInfo &field, const QJsonValue &value, const Where &where);

    const Catalog &m_catalog;
    QString *m_error;
};

} // namespace Kanca

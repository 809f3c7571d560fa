#pragma once

#include "catalog/Catalog.h"
#include "catalog/CatalogJson.h"
#include "model/Operator.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <array>

namespace Kanca {

// Reads catalog.json into a Catalog (private to core/catalog; a friend of Catalog): its events,
// fields and operators, failing on the first problem with where it is.
class CatalogLoader final
{
public:
    CatalogLoader(Catalog *catalog, QString *error)
        : m_catalog(catalog)
        , m_error(error)
    {}

    bool loadCatalog(const QByteArray &json);

private:
    using Where = CatalogJson::Where;

    bool readEvent(const QJsonObject &object, const Where &where);
    bool readField(const QJsonObject &object, const Where &where);
    bool readOperator(const QJsonObject &object, const Where &where,
                      std::array<bool, OperatorCount> *seen);

    Catalog *m_catalog;
    QString *m_error;
};

} // namespace Kanca

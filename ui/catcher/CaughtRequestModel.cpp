#include "catcher/CaughtRequestModel.h"

#include "endpoints/Catcher.h"

#include <QLocale>

namespace Kanca {

CaughtRequestModel::CaughtRequestModel(Catcher *catcher, QObject *parent)
    : QAbstractTableModel(parent)
    , m_catcher(catcher)
    , m_rows(int(catcher->requests().size()))
{
    connect(catcher, &Catcher::requestCaught, this, [this] {
        const int rows = int(m_catcher->requests().size());
        if (rows == m_rows) // a capacity of 0 keeps nothing
            return;
        beginInsertRows({}, m_rows, rows - 1);
        m_rows = rows;
        endInsertRows();
    });
    connect(catcher, &Catcher::oldestAboutToBeDropped, this,
            [this](int count) { beginRemoveRows({}, 0, count - 1); });
    connect(catcher, &Catcher::oldestDropped, this, [this](int count) {
        m_rows -= count;
        endRemoveRows();
    });
    connect(catcher, &Catcher::aboutToBeCleared, this, [this] { beginResetModel(); });
    connect(catcher, &Catcher::cleared, this, [this] {
        m_rows = 0;
        endResetModel();
    });
}

int CaughtRequestModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int CaughtRequestModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const CaughtRequest *CaughtRequestModel::request(int row) const
{
    if (!m_catcher || row < 0 || row >= m_rows)
        return nullptr;
    return &m_catcher->requests().at(row);
}

void CaughtRequestModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (m_rows > 0)
        Q_EMIT dataChanged(index(0, 0), index(m_rows - 1, ColumnCount - 1));
}

QString CaughtRequestModel::signatureText(const CaughtRequest &request)
{
    switch (request.signature.status) {
    case SignatureCheck::Status::NotChecked:
        return tr("not checked");
    case SignatureCheck::Status::Absent:
        return tr("none");
    case SignatureCheck::Status::Valid:
        return tr("✓ valid");
    case SignatureCheck::Status::Invalid:
        return tr("✗ invalid");
    }
    return {};
}

QVariant CaughtRequestModel::data(const QModelIndex &index, int role) const
{
    const CaughtRequest *caught = request(index.row());
    if (!caught || index.column() < 0 || index.column() >= ColumnCount)
        return {};
    const HttpRequest &http = caught->request;
    if (role == Qt::DisplayRole) {
        switch (Column(index.column())) {
        case NumberColumn:
            return QString::number(http.sequence);
        case TimeColumn:
            return http.receivedAt.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz"));
        case MethodColumn:
            return QString::fromLatin1(http.method);
        case PathColumn:
            return CaughtRequest::fieldText(http.target);
        case SizeColumn:
            return QLocale().formattedDataSize(http.bodySize, 1,
                                               QLocale::DataSizeTraditionalFormat);
        case SignatureColumn:
            return signatureText(*caught);
        case AnswerColumn:
            return QString::number(caught->responseStatus);
        case ColumnCount:
            break;
        }
    } else if (role == Qt::ToolTipRole && index.column() == SignatureColumn) {
        return caught->signature.reason;
    } else if (role == Qt::TextAlignmentRole
               && (index.column() == SizeColumn || index.column() == NumberColumn)) {
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant CaughtRequestModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case NumberColumn:
        return tr("#");
    case TimeColumn:
        return tr("Time");
    case MethodColumn:
        return tr("Method");
    case PathColumn:
        return tr("Path");
    case SizeColumn:
        return tr("Body");
    case SignatureColumn:
        return tr("Signature");
    case AnswerColumn:
        return tr("Answer");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace Kanca

#include "history/HistoryTableModel.h"

#include "postgres/PostgresUrl.h"

#include <QDateTime>
#include <QLocale>

#include <limits>

using namespace Qt::StringLiterals;

namespace Kanca {

HistoryTableModel::HistoryTableModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_generations(std::make_shared<HistoryReader::Generations>())
    , m_reader(new HistoryReader(m_generations))
    , m_counter(new HistoryReader(m_generations))
{
    qRegisterMetaType<Kanca::HistoryCount>();
    qRegisterMetaType<Kanca::HistoryPage>();
    qRegisterMetaType<Kanca::HistoryRule>();
    qRegisterMetaType<QList<Kanca::HistoryRule>>();

    m_thread.setObjectName(u"kanca-history-reader"_s);
    m_reader->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_reader, &QObject::deleteLater);
    connect(m_reader, &HistoryReader::opened, this, [this](bool ok, const QString &error) {
        if (!ok)
            fail(error);
    });
    connect(m_reader, &HistoryReader::counted, this, &HistoryTableModel::showCount);
    connect(m_reader, &HistoryReader::fetched, this, &HistoryTableModel::showPage);
    connect(m_reader, &HistoryReader::located, this, &HistoryTableModel::showLocated);
    connect(m_reader, &HistoryReader::rulesListed, this, &HistoryTableModel::rulesListed);
    m_thread.start();
    m_counterThread.setObjectName(u"kanca-history-counter"_s);
    m_counter->moveToThread(&m_counterThread);
    connect(&m_counterThread, &QThread::finished, m_counter, &QObject::deleteLater);
    // Its failures to connect come with its counts; the reader's say the same.
    connect(m_counter, &HistoryReader::counted, this, &HistoryTableModel::showCount);
    m_counterThread.start();

    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(RefreshDelayMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, &HistoryTableModel::refresh);
    connect(m_reader, &HistoryReader::changedElsewhere, this, &HistoryTableModel::refreshSoon);
    m_pollTimer.setInterval(PollIntervalMs);
    connect(&m_pollTimer, &QTimer::timeout, this, [this] {
        QMetaObject::invokeMethod(m_reader, [reader = m_reader] { reader->checkForChanges(); });
    });
}

HistoryTableModel::~HistoryTableModel()
{
    m_generations->latestCount = std::numeric_limits<quint64>::max(); // skip what is queued
    m_generations->displayed = std::numeric_limits<quint64>::max();
    m_thread.quit();
    m_counterThread.quit();
    m_thread.wait();
    m_counterThread.wait();
}

void HistoryTableModel::setDatabase(const QString &path, const QString &password)
{
    if (path == m_path && password == m_password)
        return;
    beginResetModel();
    m_path = path;
    m_password = password;
    m_postgres = PostgresUrl::isPostgresUrl(path);
    forgetRows();
    m_countGeneration = 0;
    m_failure.clear();
    endResetModel();
    QMetaObject::invokeMethod(m_counter,
                              [counter = m_counter, path, password, postgres = m_postgres] {
                                  if (postgres)
                                      counter->open(path, password);
                                  else
                                      counter->close();
                              });
    m_pollTimer.stop();
    if (path.isEmpty())
        return;
    QMetaObject::invokeMethod(m_reader, [reader = m_reader, path, password] {
        reader->open(path, password);
        reader->checkForChanges();
    });
    m_pollTimer.start();
    refresh();
}

void HistoryTableModel::setFilter(const HistoryFilter &filter)
{
    m_wantedFilter = filter;
    if (!m_path.isEmpty())
        requestCount();
}

void HistoryTableModel::refresh()
{
    m_refreshTimer.stop();
    if (m_path.isEmpty())
        return;
    requestCount();
    QMetaObject::invokeMethod(m_reader, [reader = m_reader] { reader->listRules(); });
}

void HistoryTableModel::refreshSoon()
{
    if (m_refreshTimer.isActive())
        return;
    m_refreshTimer.setInterval(
        int(qBound(qint64(RefreshDelayMs), 2 * m_lastCountMs, qint64(60'000))));
    m_refreshTimer.start();
}

void HistoryTableModel::requestCount()
{
    HistoryCountRequest request;
    request.generation = ++m_nextGeneration;
    request.filter = m_wantedFilter;
    m_countIsRefresh = m_counted && m_wantedFilter == m_filter;
    if (m_countIsRefresh)
        request.previousNewest = m_newest;
    // A server's whole history: first an estimate, at once; the exact count follows.
    request.estimate = m_postgres && !m_countIsRefresh && m_wantedFilter.listsEverything();
    m_countGeneration = request.generation;
    m_generations->latestCount = request.generation;
    HistoryReader *reader = m_postgres && !request.estimate ? m_counter : m_reader;
    QMetaObject::invokeMethod(reader, [reader, request] { reader->count(request); });
}

bool HistoryTableModel::isLoading() const
{
    const bool counting = m_countGeneration != 0 && !(m_estimated && m_countIsRefresh);
    return counting || !m_requested.isEmpty() || m_refreshTimer.isActive();
}

void HistoryTableModel::useGeneration(const HistoryCount &count)
{
    m_filter = m_wantedFilter;
    m_failure.clear();
    m_generation = count.generation;
    m_generations->displayed = count.generation;
    m_counted = true;
    m_estimated = count.estimated;
    m_rowCount = count.count;
    m_newest = count.newest;
    m_requested.clear();
}

void HistoryTableModel::showCount(const HistoryCount &count)
{
    if (count.generation != m_countGeneration)
        return; // a newer count was asked for
    m_countGeneration = 0;
    m_lastCountMs = count.elapsedMs;
    if (!count.error.isEmpty()) {
        fail(count.error);
        return;
    }
    // The exact count of rows shown from an estimate: the new rows at the top (newest first),
    // then the end where the count puts it, nothing reset.
    const bool settles = m_countIsRefresh && m_estimated && count.newer >= 0 && !count.estimated;
    const bool onlyNewer = settles
                           || (m_countIsRefresh && !m_estimated && count.newer >= 0
                               && count.count == m_rowCount + count.newer);
    if (!onlyNewer) {
        beginResetModel();
        useGeneration(count);
        m_pages.clear();
        m_stale.clear();
        m_anchors.clear();
        endResetModel();
        Q_EMIT counted(m_rowCount);
        if (m_estimated)
            requestCount(); // the exact count, of the counter
        return;
    }

    // The same rows, and count.newer new ones beyond the newest: at the top, newest first.
    const bool newestFirst = m_filter.newestFirst();
    const qint64 newer = count.newer;
    const qint64 shift = newestFirst ? newer : 0;
    const qint64 shown = m_rowCount; // settling: an estimate, its end to be put right
    const auto keep = [&] {
        m_stale = std::move(m_pages);
        m_pages.clear();
        m_staleShift = shift;
        if (shift > 0) {
            std::map<qint64, HistoryKey> shifted;
            for (const auto &[row, key] : m_anchors)
                shifted.emplace_hint(shifted.end(), row + shift, key);
            m_anchors = std::move(shifted);
        }
        useGeneration(count);
        if (settles)
            m_rowCount = shown + shift;
    };
    if (settles && shift > 0) {
        beginInsertRows({}, 0, int(shift - 1));
        keep();
        endInsertRows();
    } else if (!settles && newer > 0) {
        const int first = int(newestFirst ? 0 : m_rowCount);
        beginInsertRows({}, first, int(first + newer - 1));
        keep();
        endInsertRows();
    } else {
        keep();
    }
    if (settles)
        resizeEnd(count.count);
    // Statuses and attempts may have changed too: the rows shown are read again.
    if (m_rowCount > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    Q_EMIT counted(m_rowCount);
}

void HistoryTableModel::resizeEnd(qint64 rows)
{
    if (rows > m_rowCount) {
        beginInsertRows({}, int(m_rowCount), int(rows - 1));
        m_rowCount = rows;
        endInsertRows();
    } else if (rows < m_rowCount) {
        beginRemoveRows({}, int(rows), int(m_rowCount - 1));
        m_rowCount = rows;
        endRemoveRows();
    }
}

void HistoryTableModel::requestPage(qint64 page) const
{
    if (m_requested.contains(page) || page < 0 || page * PageSize >= m_rowCount)
        return;
    const qint64 first = page * PageSize;
    // An estimated end may be short of the real one: a whole page, however many rows come.
    const qint64 last = m_estimated ? first + PageSize - 1 : qMin(m_rowCount, first + PageSize) - 1;

    HistoryPageRequest request;
    request.generation = m_generation;
    request.filter = m_filter;
    request.page = page;
    request.range.limit = last - first + 1;
    // From the nearest known row above (the top if none) or below (the end if none).
    qint64 aboveRow = -1;
    std::optional<HistoryKey> aboveKey;
    auto it = m_anchors.lower_bound(first);
    if (it != m_anchors.begin()) {
        const auto above = std::prev(it);
        aboveRow = above->first;
        aboveKey = above->second;
    }
    qint64 belowRow = m_rowCount;
    std::optional<HistoryKey> belowKey;
    it = m_anchors.upper_bound(last);
    if (it != m_anchors.end()) {
        belowRow = it->first;
        belowKey = it->second;
    }
    const qint64 forwardOffset = first - aboveRow - 1;
    const qint64 backwardOffset = belowRow - last - 1;
    // The end of an estimate is nowhere: backward only from a row read.
    request.range.backward = (belowKey || !m_estimated) && backwardOffset < forwardOffset;
    if (m_estimated && !request.range.backward && forwardOffset > EstimatedReach)
        return; // read once the count is exact (every row is read again then)
    request.range.anchor = request.range.backward ? belowKey : aboveKey;
    request.range.offset = request.range.backward ? backwardOffset : forwardOffset;
    // From the newest end with no row read: from the newest row counted, so that deliveries
    // committed since the count do not shift the page (the next refresh counts them).
    const bool fromNewest = request.range.backward != m_filter.newestFirst();
    if (!request.range.anchor && fromNewest && m_newest) {
        request.range.anchor = m_newest;
        request.range.inclusive = true;
    }

    m_requested.insert(page);
    HistoryReader *reader = m_reader;
    QMetaObject::invokeMethod(m_reader, [reader, request] { reader->fetch(request); });
}

void HistoryTableModel::showPage(const HistoryPage &page)
{
    if (page.generation != m_generation)
        return;
    m_requested.remove(page.page);
    m_lastPageMs = page.elapsedMs;
    if (!page.error.isEmpty()) {
        fail(page.error);
        return;
    }
    if (m_pages.size() >= CachedPages) {
        auto oldest = m_pages.begin();
        for (auto it = m_pages.begin(); it != m_pages.end(); ++it) {
            if (it->lastUse < oldest->lastUse)
                oldest = it;
        }
        m_pages.erase(oldest);
    }
    const qint64 first = page.page * PageSize;
    m_pages.insert(page.page, {page.rows, ++m_useCounter});
    if (page.rows.isEmpty())
        return;
    const qint64 last = first + page.rows.size() - 1;
    m_anchors.insert_or_assign(first, page.rows.constFirst().key());
    m_anchors.insert_or_assign(last, page.rows.constLast().key());
    const int lastShown = int(qMin(last, m_rowCount - 1));
    if (first <= lastShown) {
        Q_EMIT dataChanged(index(int(first), 0), index(lastShown, ColumnCount - 1));
        Q_EMIT pageLoaded(int(first), lastShown);
    }
}

void HistoryTableModel::locate(const QString &deliveryId)
{
    if (m_path.isEmpty())
        return;
    const quint64 generation = m_generation;
    const HistoryFilter filter = m_filter;
    QMetaObject::invokeMethod(m_reader, [reader = m_reader, generation, filter, deliveryId] {
        reader->locate(generation, filter, deliveryId);
    });
}

void HistoryTableModel::showLocated(quint64 generation, const QString &id, qint64 row)
{
    if (generation != m_generation)
        return;
    Q_EMIT located(id, row >= 0 && row < m_rowCount ? int(row) : -1);
}

// No rows at all rather than the ones that could be read: the rows shown, the pages kept and
// the count go, and a later count starts afresh.
void HistoryTableModel::fail(const QString &message)
{
    beginResetModel();
    m_failure = message;
    forgetRows();
    m_countIsRefresh = false;
    endResetModel();
    Q_EMIT readFailed(message);
}

// Within a model reset: no row, no count, and a new generation, so that what older reads bring
// is dropped.
void HistoryTableModel::forgetRows()
{
    m_generation = ++m_nextGeneration;
    m_generations->displayed = m_generation;
    m_counted = false;
    m_estimated = false;
    m_rowCount = 0;
    m_newest.reset();
    m_pages.clear();
    m_requested.clear();
    m_anchors.clear();
    m_stale.clear();
}

const HistoryRow *HistoryTableModel::row(int row) const
{
    if (row < 0 || row >= m_rowCount)
        return nullptr;
    const qint64 pageNumber = row / PageSize;
    const int slot = int(row - pageNumber * PageSize);
    auto it = m_pages.find(pageNumber);
    if (it != m_pages.end()) {
        it->lastUse = ++m_useCounter;
        // Read ahead in the direction of scrolling.
        if (slot >= PageSize * 3 / 4 && !m_pages.contains(pageNumber + 1))
            requestPage(pageNumber + 1);
        else if (slot < PageSize / 4 && pageNumber > 0 && !m_pages.contains(pageNumber - 1))
            requestPage(pageNumber - 1);
        return slot < it->rows.size() ? &it->rows.at(slot) : nullptr;
    }
    requestPage(pageNumber);
    const qint64 staleRow = row - m_staleShift;
    if (staleRow < 0)
        return nullptr;
    const auto stale = m_stale.constFind(staleRow / PageSize);
    if (stale == m_stale.constEnd())
        return nullptr;
    const int staleSlot = int(staleRow % PageSize);
    return staleSlot < stale->rows.size() ? &stale->rows.at(staleSlot) : nullptr;
}

void HistoryTableModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (m_rowCount > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

QString HistoryTableModel::statusText(DeliveryStatus status)
{
    switch (status) {
    case DeliveryStatus::Pending:
        return tr("Pending");
    case DeliveryStatus::Succeeded:
        return tr("Succeeded");
    case DeliveryStatus::Failed:
        return tr("Failed");
    }
    return {};
}

int HistoryTableModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return int(qMin<qint64>(m_rowCount, std::numeric_limits<int>::max()));
}

int HistoryTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoryTableModel::display(const HistoryRow &row, int column) const
{
    switch (column) {
    case TimeColumn:
        return QDateTime::fromMSecsSinceEpoch(row.createdAt).toString(u"yyyy-MM-dd HH:mm:ss"_s);
    case StatusColumn:
        return statusText(row.status);
    case AttemptsColumn:
        return row.attemptCount;
    case HttpColumn:
        return row.httpStatus ? QVariant(*row.httpStatus) : QVariant(QString());
    case RuleColumn:
        return row.ruleName.isEmpty() ? row.ruleId : row.ruleName;
    case EventColumn:
        return row.eventType;
    case UrlColumn:
        return row.url;
    case IdColumn:
        return row.id;
    case ErrorColumn:
        return row.lastError.section(u'\n', 0, 0);
    default:
        return {};
    }
}

QVariant HistoryTableModel::toolTip(const HistoryRow &row, int column) const
{
    switch (column) {
    case TimeColumn: {
        const QDateTime time = QDateTime::fromMSecsSinceEpoch(row.createdAt);
        return tr("%1 (UTC %2)")
            .arg(QLocale().toString(time, QLocale::LongFormat),
                 time.toUTC().toString(u"yyyy-MM-dd HH:mm:ss.zzz"_s));
    }
    case StatusColumn:
        return row.resendOf.isEmpty() ? QVariant()
                                      : QVariant(tr("Sent again from %1").arg(row.resendOf));
    case RuleColumn:
        return tr("Rule %1").arg(row.ruleId);
    case EventColumn:
        return tr("Event %1").arg(row.eventId);
    case UrlColumn:
        return row.url;
    case ErrorColumn:
        return row.lastError.isEmpty() ? QVariant() : QVariant(row.lastError);
    default:
        return {};
    }
}

QVariant HistoryTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const HistoryRow *shown = row(index.row());
    switch (role) {
    case Qt::DisplayRole:
        if (!shown)
            return index.column() == TimeColumn ? QVariant(tr("Loading…")) : QVariant();
        return display(*shown, index.column());
    case Qt::ToolTipRole:
        return shown ? toolTip(*shown, index.column()) : QVariant();
    case Qt::TextAlignmentRole:
        if (index.column() == AttemptsColumn || index.column() == HttpColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case DeliveryIdRole:
        return shown ? shown->id : QString();
    case LoadedRole:
        return shown != nullptr;
    default:
        return {};
    }
}

QVariant HistoryTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case StatusColumn:
        return tr("Status");
    case AttemptsColumn:
        return tr("Attempts");
    case HttpColumn:
        return tr("HTTP");
    case RuleColumn:
        return tr("Rule");
    case EventColumn:
        return tr("Event");
    case UrlColumn:
        return tr("URL");
    case IdColumn:
        return tr("Delivery id");
    case ErrorColumn:
        return tr("Last error");
    default:
        return {};
    }
}

Qt::ItemFlags HistoryTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

void HistoryTableModel::sort(int column, Qt::SortOrder order)
{
    if (column != TimeColumn || order == m_wantedFilter.order)
        return;
    HistoryFilter filter = m_wantedFilter;
    filter.order = order;
    setFilter(filter);
}

} // namespace Kanca

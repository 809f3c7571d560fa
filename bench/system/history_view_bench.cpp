// The designer's history view over a large history (offscreen): the time from opening the
// history (DeliveryService, as the designer does at start, or File ▸ Open Server History… for a
// server's PostgreSQL database) to the rows in view being shown, the time to scroll to the end
// until the last row is shown, and the resident memory of the process. A server's history opens
// from an estimate of its size (HistoryTableModel): the time until the count is exact is printed
// too, and the scroll to the end ends at the last row of the exact count (scrolled to again once
// it has come, as a person would). The same approach as
// tests/tst_historyview.cpp's millionAttempts, without the test framework.
//
//   QT_QPA_PLATFORM=offscreen kanca_bench_history_view FILE
//   QT_QPA_PLATFORM=offscreen kanca_bench_history_view postgresql://USER@HOST:PORT/DATABASE
//       (the password from PGPASSWORD or ~/.pgpass; history_postgres.sql fills a database)
//
// Prints: open_ms=T exact_ms=T scroll_end_ms=T rows=N estimated_rows=N rss_before_kib=M
//         rss_open_kib=M rss_end_kib=M
// (estimated_rows: the rows shown at open_ms, when they were an estimate; else the same as rows)
#include "BenchUtil.h"
#include "history/HistoryPanel.h"
#include "history/HistoryTableModel.h"
#include "postgres/PostgresUrl.h"
#include "services/DeliveryService.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTableView>
#include <QTextStream>
#include <QTimer>

#include <functional>

using namespace Kanca;
using namespace Qt::StringLiterals;

namespace {

// Runs the event loop until `done` holds, at most `timeoutMs`; a 1 ms timer wakes it to check.
bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QTimer tick;
    tick.start(1);
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

// The count and every page asked for have arrived, and the rows in view are read.
bool rowsInViewLoaded(HistoryPanel &panel)
{
    HistoryTableModel *model = panel.model();
    QTableView *table = panel.table();
    if (model->isLoading() || model->rowCount() == 0)
        return false;
    const int first = table->rowAt(0);
    const int last = table->rowAt(table->viewport()->height() - 1);
    for (int row = qMax(0, first); row >= 0 && row <= (last < 0 ? first : last); ++row) {
        if (!model->index(row, 0).data(HistoryTableModel::LoadedRole).toBool())
            return false;
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (QCoreApplication::arguments().size() != 2) {
        err << u"usage: kanca_bench_history_view FILE|URL"_s << Qt::endl;
        return 2;
    }
    const QString path = QCoreApplication::arguments().at(1);
    const qint64 rssBefore = Bench::residentKiB();

    QElapsedTimer timer;
    timer.start();
    DeliveryService service;
    QString error;
    const bool opened = PostgresUrl::isPostgresUrl(path)
                            ? service.openServerHistory(path, QString(), &error)
                            : service.open(path, &error);
    if (!opened) {
        err << error << Qt::endl;
        return 1;
    }
    HistoryPanel panel(&service);
    panel.resize(1200, 800);
    panel.show();
    if (!waitFor([&] { return rowsInViewLoaded(panel); }, 60000)) {
        err << u"the history view did not load within a minute"_s << Qt::endl;
        return 1;
    }
    const qint64 openMs = timer.elapsed();
    const qint64 rssOpen = Bench::residentKiB();
    HistoryTableModel *model = panel.model();
    const int shownRows = model->rowCount();
    qint64 exactMs = model->isEstimated() ? -1 : openMs;
    QObject::connect(model, &HistoryTableModel::counted, &panel, [&] {
        if (exactMs < 0 && !model->isEstimated())
            exactMs = timer.elapsed();
    });

    QElapsedTimer scrollTimer;
    scrollTimer.start();
    panel.table()->scrollToBottom();
    if (!waitFor(
            [&] {
                if (model->isEstimated())
                    return false;
                const QModelIndex last = model->index(model->rowCount() - 1, 0);
                QTableView *table = panel.table();
                if (table->rowAt(table->viewport()->height() - 1) != last.row())
                    table->scrollToBottom(); // the exact end, once it is known
                return last.data(HistoryTableModel::LoadedRole).toBool() && rowsInViewLoaded(panel);
            },
            60000)) {
        err << u"the end of the history did not load within a minute"_s << Qt::endl;
        return 1;
    }
    const qint64 scrollMs = scrollTimer.elapsed();
    const qint64 rssEnd = Bench::residentKiB();

    out << u"open_ms="_s << openMs << u" exact_ms="_s << exactMs << u" scroll_end_ms="_s << scrollMs
        << u" rows="_s << model->rowCount() << u" estimated_rows="_s << shownRows
        << u" rss_before_kib="_s << rssBefore << u" rss_open_kib="_s << rssOpen
        << u" rss_end_kib="_s << rssEnd << Qt::endl;
    return 0;
}

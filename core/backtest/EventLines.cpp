#include "EventLines.h"

#include "backtest/Parallel.h"
#include "catalog/Catalog.h"
#include "event/EventParser.h"

#include <QFile>
#include <QThread>

#include <algorithm>
#include <cstring>
#include <memory>
#include <optional>
#include <vector>

namespace Kanca {

namespace {

void skip(EventLines::Result &result, qint64 line, const QString &message)
{
    ++result.skippedCount;
    if (result.skipped.size() < EventLines::MaxReported)
        result.skipped.append({line, message});
}

} // namespace

EventLines::Result EventLines::read(QIODevice &device, const Catalog &catalog)
{
    Result result;
    // Lines are parsed in batches, each batch shared among the cores and its results taken in
    // line order: reading stays bounded (a batch of lines at a time) and the parse, the costly
    // part, uses the whole machine.
    struct Line
    {
        QByteArray text;
        qint64 number = 0;
        bool overlong = false;
        std::optional<CompactEvent> event;
        QString message;
    };
    constexpr qsizetype BatchLines = 8192;
    std::vector<Line> batch;
    batch.reserve(BatchLines);
    const int threads = std::clamp(QThread::idealThreadCount(), 1, 16);
    std::vector<std::unique_ptr<EventParser>> parsers;
    for (int i = 0; i < threads; ++i)
        parsers.push_back(std::make_unique<EventParser>());
    const auto parse = [&catalog](Line &line, EventParser &parser) {
        if (line.overlong) {
            line.message =
                tr("the line is longer than %1 bytes; events are one per line").arg(MaxLineBytes);
            return;
        }
        EventParser::Result read = parser.read(line.text, catalog);
        line.text.clear();
        if (read.event) {
            line.event = std::move(read.event);
            return;
        }
        QStringList messages;
        for (const Problem &problem : std::as_const(read.problems)) {
            if (problem.isError()) {
                messages.append(problem.pointer.isEmpty()
                                    ? problem.message
                                    : problem.pointer + QStringLiteral(": ") + problem.message);
            }
        }
        line.message = messages.join(QStringLiteral("; "));
    };
    const auto flush = [&] {
        const qsizetype count = qsizetype(batch.size());
        const int parts = count < 256 ? 1 : threads;
        const auto work = [&](int part) {
            for (qsizetype i = count * part / parts; i < count * (part + 1) / parts; ++i)
                parse(batch[std::size_t(i)], *parsers[std::size_t(part)]);
        };
        runInParts(parts, work);
        for (Line &line : batch) {
            if (line.event)
                result.events.append({std::move(*line.event), line.number});
            else
                skip(result, line.number, line.message);
        }
        batch.clear();
    };

    qint64 lineNumber = 0;
    QByteArray line;
    bool overlong = false; // the rest of a line past MaxLineBytes is being dropped
    char buffer[64 * 1024];
    const auto finishLine = [&] {
        ++lineNumber;
        if (overlong || !line.trimmed().isEmpty())
            batch.push_back({overlong ? QByteArray() : line, lineNumber, overlong, {}, {}});
        line.clear();
        overlong = false;
        if (qsizetype(batch.size()) >= BatchLines)
            flush();
    };
    for (;;) {
        const qint64 n = device.read(buffer, sizeof buffer);
        if (n < 0) {
            result.error = device.errorString();
            break;
        }
        if (n == 0) {
            if (device.atEnd() || !device.waitForReadyRead(-1))
                break;
            continue;
        }
        qint64 from = 0;
        while (from < n) {
            const char *newline =
                static_cast<const char *>(memchr(buffer + from, '\n', std::size_t(n - from)));
            const qint64 end = newline ? newline - buffer : n;
            if (!overlong) {
                if (line.size() + (end - from) > MaxLineBytes) {
                    overlong = true;
                    line.clear();
                } else {
                    line.append(buffer + from, end - from);
                }
            }
            if (!newline)
                break;
            finishLine();
            from = end + 1;
        }
    }
    if (!line.isEmpty() || overlong)
        finishLine();
    flush();
    return result;
}

EventLines::Result EventLines::readFile(const QString &path, const Catalog &catalog)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Result result;
        result.error = file.errorString();
        return result;
    }
    return read(file, catalog);
}

} // namespace Kanca

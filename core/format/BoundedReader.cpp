#include "format/BoundedReader.h"

#include <QFile>
#include <QFileInfo>
#include <QList>

#include <cstdio>

namespace Kanca {

namespace {

constexpr qsizetype PartSize = 1024 * 1024;

} // namespace

QString BoundedReader::tooLargeMessage(qint64 limit)
{
    constexpr qint64 MiB = 1024 * 1024;
    if (limit % MiB == 0) {
        return tr("is larger than %1 MiB (%2 bytes); larger inputs are not read")
            .arg(limit / MiB)
            .arg(limit);
    }
    return tr("is larger than %1 bytes; larger inputs are not read").arg(limit);
}

std::optional<QByteArray> BoundedReader::read(QIODevice &device, QString *error, qint64 limit)
{
    if (!device.isSequential()) {
        // A regular file says its size: one larger than the limit is refused unread, and the
        // others are read into one buffer of their size.
        const qint64 remaining = device.size() - device.pos();
        if (remaining > limit) {
            *error = tooLargeMessage(limit);
            return std::nullopt;
        }
    }
    // Whatever the device says, read in parts counting every byte, and stop one byte past the
    // limit. Parts are filled in place and joined once at the end: no part is copied while the
    // input grows, so the input costs its own size.
    QList<QByteArray> parts;
    qint64 total = 0;
    for (;;) {
        if (parts.isEmpty() || parts.last().size() == PartSize) {
            parts.append(QByteArray());
            parts.last().reserve(PartSize);
        }
        QByteArray &part = parts.last();
        const qsizetype filled = part.size();
        const qint64 wanted = qMin<qint64>(PartSize - filled, limit + 1 - total);
        part.resize(filled + wanted);
        const qint64 got = device.read(part.data() + filled, wanted);
        part.resize(filled + qMax<qint64>(0, got));
        if (got < 0) {
            *error = tr("cannot be read: %1").arg(device.errorString());
            return std::nullopt;
        }
        if (got == 0)
            break; // the end: a blocking read returns nothing only there
        total += got;
        if (total > limit) {
            *error = tooLargeMessage(limit);
            return std::nullopt;
        }
    }
    if (parts.size() == 1)
        return parts.first();
    QByteArray bytes;
    bytes.reserve(total);
    while (!parts.isEmpty())
        bytes.append(parts.takeFirst());
    return bytes;
}

std::optional<QByteArray> BoundedReader::readFile(const QString &fileName, QString *error,
                                                  qint64 limit)
{
    const QFileInfo info(fileName);
    if (!info.exists()) {
        *error = tr("no such file");
        return std::nullopt;
    }
    if (info.isDir()) {
        *error = tr("is a folder, not a file");
        return std::nullopt;
    }
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
        *error = tr("cannot be read: %1").arg(file.errorString());
        return std::nullopt;
    }
    return read(file, error, limit);
}

std::optional<QByteArray> BoundedReader::readStandardInput(QString *error, qint64 limit)
{
    QFile in;
    if (!in.open(fileno(stdin), QIODevice::ReadOnly | QIODevice::Unbuffered,
                 QFileDevice::DontCloseHandle)) {
        *error = tr("cannot be read: %1").arg(in.errorString());
        return std::nullopt;
    }
    return read(in, error, limit);
}

} // namespace Kanca

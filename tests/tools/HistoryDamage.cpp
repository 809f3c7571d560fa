#include "HistoryDamage.h"

#include <QFile>
#include <QRandomGenerator>

#include <functional>

using namespace Qt::StringLiterals;

namespace Kanca::HistoryDamage {

namespace {

constexpr qint64 Span = 64 * 1024;

// The page size in a SQLite file's header: two bytes, big-endian, at offset 16 (1 is 65536).
qint64 pageSizeOf(const QByteArray &header)
{
    const qint64 value = (quint8(header.at(16)) << 8) | quint8(header.at(17));
    return value == 1 ? 65536 : value;
}

QByteArray garbage(qint64 size)
{
    QRandomGenerator random(0x6b616e63); // "kanc": the same bytes on every run
    QByteArray bytes(size, Qt::Uninitialized);
    for (char &byte : bytes)
        byte = char(random.bounded(256));
    return bytes;
}

bool change(const QString &path, QString *error,
            const std::function<bool(QFile &file, qint64 size, qint64 page)> &how)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite)) {
        *error = path + u": "_s + file.errorString();
        return false;
    }
    const QByteArray header = file.read(100);
    const qint64 size = file.size();
    const qint64 page = header.size() == 100 ? pageSizeOf(header) : 0;
    if (!header.startsWith("SQLite format 3") || page < 512 || size < 2 * page) {
        *error = path + u": not a SQLite database of at least two pages"_s;
        return false;
    }
    if (!how(file, size, page) || !file.flush()) {
        *error = path + u": "_s + file.errorString();
        return false;
    }
    return true;
}

} // namespace

QList<Shape> shapes()
{
    return {Shape::GarbageInMiddle, Shape::GarbageAtAThird, Shape::ZerosInMiddle, Shape::Truncated,
            Shape::DamagedFirstPage};
}

QString name(Shape shape)
{
    switch (shape) {
    case Shape::GarbageInMiddle:
        return u"64 KiB of garbage in the middle"_s;
    case Shape::GarbageAtAThird:
        return u"64 KiB of garbage a third of the way in"_s;
    case Shape::ZerosInMiddle:
        return u"64 KiB of zeros in the middle"_s;
    case Shape::Truncated:
        return u"cut to half its size"_s;
    case Shape::DamagedFirstPage:
        return u"first page after the header overwritten"_s;
    }
    return {};
}

bool garbageAtPage(const QString &path, qint64 page, QString *error)
{
    return change(path, error, [page](QFile &file, qint64, qint64 pageSize) {
        return file.seek((page - 1) * pageSize) && file.write(garbage(Span)) == Span;
    });
}

bool damage(const QString &path, Shape shape, QString *error)
{
    return change(path, error, [shape](QFile &file, qint64 size, qint64 page) {
        const qint64 middle = size / 2 / page * page;
        switch (shape) {
        case Shape::GarbageInMiddle:
            return file.seek(middle) && file.write(garbage(Span)) == Span;
        case Shape::GarbageAtAThird:
            return file.seek(size / 3 / page * page) && file.write(garbage(Span)) == Span;
        case Shape::ZerosInMiddle:
            return file.seek(middle) && file.write(QByteArray(Span, '\0')) == Span;
        case Shape::Truncated:
            return file.resize(middle);
        case Shape::DamagedFirstPage:
            return file.seek(100) && file.write(garbage(page - 100)) == page - 100;
        }
        return false;
    });
}

} // namespace Kanca::HistoryDamage

#pragma once

#include <QList>
#include <QString>

namespace Kanca::HistoryDamage {

// The ways the tests damage a closed history file, as a failing disk, a crash of the machine or
// a careless copy would.
enum class Shape {
    GarbageInMiddle,  // 64 KiB of random bytes at the page boundary in the middle of the file
    GarbageAtAThird,  // the same, a third of the way into the file
    ZerosInMiddle,    // 64 KiB of zeros at the page boundary in the middle of the file
    Truncated,        // cut to half its size, at a page boundary
    DamagedFirstPage, // the first page after SQLite's 100-byte header (the schema) overwritten
};

QList<Shape> shapes();
QString name(Shape shape);

// Damages the file at `path` (a SQLite database of at least two pages, closed by everyone).
// The garbage is the same on every run.
bool damage(const QString &path, Shape shape, QString *error);

// Writes 64 KiB of garbage from the start of page `page` (the first page is 1, as SQLite counts
// them), as a failing disk would under a program that has the file open.
bool garbageAtPage(const QString &path, qint64 page, QString *error);

} // namespace Kanca::HistoryDamage

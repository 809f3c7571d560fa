#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <optional>

class QIODevice;

namespace Kanca {

// Reads a whole input (a rule set, an event) with a limit counted while it is read, whatever
// the input is: a file, a pipe, a FIFO, standard input, /dev/zero. Never more than the limit
// plus one chunk is held, so an endless input costs the limit, not all memory. Every program
// that reads a rule set or an event (the command line, the designer) reads it here.
class BoundedReader final
{
    Q_DECLARE_TR_FUNCTIONS(BoundedReader)

public:
    // No rule set or event comes near this.
    static constexpr qint64 MaxSize = 64 * 1024 * 1024;

    // The file's bytes; nullopt with the reason in *error ("no such file", "is larger than
    // 64 MiB…") for a folder, an unreadable file or one larger than `limit`. The reason does
    // not repeat the file's name: callers print "NAME: reason".
    static std::optional<QByteArray> readFile(const QString &fileName, QString *error,
                                              qint64 limit = MaxSize);
    // Standard input to its end, the same way.
    static std::optional<QByteArray> readStandardInput(QString *error, qint64 limit = MaxSize);
    // An open device from where it stands to its end, the same way.
    static std::optional<QByteArray> read(QIODevice &device, QString *error,
                                          qint64 limit = MaxSize);

    // "is larger than 64 MiB (67108864 bytes); larger inputs are not read"
    static QString tooLargeMessage(qint64 limit);
};

} // namespace Kanca

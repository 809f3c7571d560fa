#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace Kanca {

// Why the designer cannot send: its history could not be opened, or could not be written (a
// full disk, a read-only file, an I/O error) and the delivery engine stopped. Said in words for
// the window: what happened (the storage's message names the file and SQLite's reason), that
// sending has stopped, which deliveries may be sent again when it resumes, and what to do.
struct StorageFailure
{
    Q_DECLARE_TR_FUNCTIONS(StorageFailure)

public:
    enum class Stage { Opening, Writing };

    Stage stage = Stage::Writing;
    QString file;           // the history file
    QString reason;         // the storage's message: the file and SQLite's reason
    QStringList unrecorded; // sent, but their results are not recorded: they may be sent again

    // One line: "Sending has stopped: the history cannot be written."
    QString headline() const;
    // The rest, a sentence a line: the reason, what it means for the deliveries, what to do.
    QString explanation() const;
    // What the window's button does: "Resume Sending", "Open Again".
    QString actionText() const;
};

} // namespace Kanca

#include "services/StorageFailure.h"

#include <QDir>

namespace Kanca {

QString StorageFailure::headline() const
{
    return stage == Stage::Opening ? tr("Nothing can be sent: the history cannot be opened.")
                                   : tr("Sending has stopped: the history cannot be written.");
}

QString StorageFailure::explanation() const
{
    QStringList lines;
    QString said = reason.trimmed();
    if (!said.isEmpty() && !said.endsWith(u'.'))
        said += u'.';
    if (!said.isEmpty())
        lines.append(said);
    if (stage == Stage::Opening) {
        lines.append(tr("Send test and Resend send nothing until the history %1 opens; the "
                        "deliveries already in it wait there.")
                         .arg(QDir::toNativeSeparators(file)));
        lines.append(tr("Free space on its disk, or make the file and its folder writable, then "
                        "choose Open Again."));
        return lines.join(u'\n');
    }
    if (!unrecorded.isEmpty()) {
        lines.append(tr("%n delivery(ies) may have reached the receiver without the result "
                        "being recorded; sent again (with the same webhook-id) when sending "
                        "resumes: %1.",
                        nullptr, int(unrecorded.size()))
                         .arg(unrecorded.join(u", ")));
    }
    lines.append(tr("Nothing is lost: every delivery not finished stays in the history %1 and is "
                    "sent when sending resumes.")
                     .arg(QDir::toNativeSeparators(file)));
    lines.append(tr("Free space on its disk, or make the file and its folder writable, then "
                    "choose Resume Sending."));
    return lines.join(u'\n');
}

QString StorageFailure::actionText() const
{
    return stage == Stage::Opening ? tr("Open Again") : tr("Resume Sending");
}

} // namespace Kanca

#pragma once

#include "model/RuleSet.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QTimer>

namespace Kanca {

class RuleSetDocument;

// Keeps a copy of unsaved work: every few seconds after a change, the document is written
// (atomically) to an autosave file in the application-data folder; saving or closing cleanly
// removes it. After a crash, the next start finds it and offers to recover it.
class Autosave final : public QObject
{
    Q_OBJECT

public:
    static constexpr int IntervalMs = 5000;

    explicit Autosave(RuleSetDocument *document, QObject *parent = nullptr);
    ~Autosave() override;

    struct Recovery
    {
        QString autosaveFile;
        QString originalFile; // empty for an untitled document
        QDateTime savedAt;
    };
    static QList<Recovery> pending();
    // Loads a recovery into the document (marked modified) and removes its file.
    static bool recover(const Recovery &recovery, RuleSetDocument *document, QString *error);
    static void discard(const Recovery &recovery);
    static QString directory();

    void writeNow();
    void removeFile();

private:
    QString fileFor(const QString &originalFile) const;

    RuleSetDocument *m_document;
    QTimer m_timer;
    QString m_file; // the autosave file of the current document, once written
};

} // namespace Kanca

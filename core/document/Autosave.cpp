#include "document/Autosave.h"

#include "catalog/Catalog.h"
#include "document/RuleSetDocument.h"
#include "engine/RuleSetLoader.h"
#include "format/BoundedReader.h"
#include "format/RuleSetWriter.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace Kanca {

namespace {
const QString originSuffix = QStringLiteral(".origin");
}

Autosave::Autosave(RuleSetDocument *document, QObject *parent)
    : QObject(parent)
    , m_document(document)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(IntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &Autosave::writeNow);
    connect(m_document, &RuleSetDocument::modifiedChanged, this, [this](bool modified) {
        if (!modified)
            removeFile();
    });
    const auto changed = [this] {
        if (m_document->isModified() && !m_timer.isActive())
            m_timer.start();
    };
    connect(m_document, &RuleSetDocument::ruleChanged, this, changed);
    connect(m_document, &RuleSetDocument::ruleInserted, this, changed);
    connect(m_document, &RuleSetDocument::ruleRemoved, this, changed);
    connect(m_document, &RuleSetDocument::ruleMoved, this, changed);
    connect(m_document, &RuleSetDocument::propertiesChanged, this, changed);
    connect(m_document, &RuleSetDocument::resetDone, this, [this] { removeFile(); });
}

Autosave::~Autosave() = default;

QString Autosave::directory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
           + QStringLiteral("/autosave");
}

QString Autosave::fileFor(const QString &originalFile) const
{
    const QByteArray key =
        originalFile.isEmpty()
            ? QByteArray("untitled-") + QByteArray::number(QCoreApplication::applicationPid())
            : QFileInfo(originalFile).absoluteFilePath().toUtf8();
    const QByteArray hash = QCryptographicHash::hash(key, QCryptographicHash::Sha1).toHex();
    return directory() + u'/' + QString::fromLatin1(hash.left(16)) + QStringLiteral(".kanca.json");
}

void Autosave::writeNow()
{
    m_timer.stop();
    if (!m_document->isModified())
        return;
    QDir().mkpath(directory());
    const QString file = fileFor(m_document->fileName());
    if (!m_file.isEmpty() && m_file != file)
        removeFile();
    QString error;
    if (!RuleSetWriter::save(m_document->ruleSet(), file, &error))
        return; // nothing to lose: the document itself is intact; try again on the next change
    QFile origin(file + originSuffix);
    if (origin.open(QIODevice::WriteOnly | QIODevice::Truncate))
        origin.write(m_document->fileName().toUtf8());
    m_file = file;
}

void Autosave::removeFile()
{
    m_timer.stop();
    if (m_file.isEmpty())
        return;
    QFile::remove(m_file);
    QFile::remove(m_file + originSuffix);
    m_file.clear();
}

QList<Autosave::Recovery> Autosave::pending()
{
    QList<Recovery> result;
    const QDir dir(directory());
    for (const QFileInfo &info :
         dir.entryInfoList({QStringLiteral("*.kanca.json")}, QDir::Files, QDir::Time)) {
        // The original's file name, as autosave() wrote it: a path, never large.
        QString ignored;
        const std::optional<QByteArray> origin =
            BoundedReader::readFile(info.absoluteFilePath() + originSuffix, &ignored, 64 * 1024);
        const QString original = origin ? QString::fromUtf8(*origin) : QString();
        result.append({info.absoluteFilePath(), original, info.lastModified()});
    }
    return result;
}

bool Autosave::recover(const Recovery &recovery, RuleSetDocument *document, QString *error)
{
    const RuleSetLoader::Result loaded =
        RuleSetLoader::loadFile(recovery.autosaveFile, Catalog::builtIn());
    if (!loaded.compiled) {
        if (error && !loaded.problems.isEmpty())
            *error = loaded.problems.first().message;
        return false;
    }
    document->reset(loaded.ruleSet(), recovery.originalFile);
    document->markModified();
    discard(recovery);
    return true;
}

void Autosave::discard(const Recovery &recovery)
{
    QFile::remove(recovery.autosaveFile);
    QFile::remove(recovery.autosaveFile + originSuffix);
}

} // namespace Kanca

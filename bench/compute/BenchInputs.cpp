#include "BenchInputs.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace KancaBench {

namespace {

QByteArray readAll(const QString &fileName, QString *error)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = fileName + QStringLiteral(": ") + file.errorString();
        return {};
    }
    return file.readAll();
}

QJsonDocument readJson(const QString &fileName, QString *error)
{
    const QByteArray bytes = readAll(fileName, error);
    if (!error->isEmpty())
        return {};
    QJsonParseError parseError;
    QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        *error = fileName + QStringLiteral(": ") + parseError.errorString();
    return document;
}

} // namespace

bool BenchInputs::read(const QString &directory, QString *error)
{
    m_directory = directory;
    const QDir dir(directory);
    error->clear();

    const QJsonObject manifest =
        readJson(dir.filePath(QStringLiteral("manifest.json")), error).object();
    if (!error->isEmpty())
        return false;
    for (const QJsonValue count : manifest.value(QLatin1String("ruleCounts")).toArray())
        m_ruleCounts.append(count.toInt());
    m_runs = manifest.value(QLatin1String("runs")).toInt(5);
    m_budgetMs = manifest.value(QLatin1String("budgetMs")).toInt(300);
    const QJsonObject verify = manifest.value(QLatin1String("verifyEvents")).toObject();
    for (auto it = verify.begin(); it != verify.end(); ++it)
        m_verifyEvents.insert(it.key().toInt(), it.value().toInt());

    const QJsonArray events = readJson(dir.filePath(QStringLiteral("events.json")), error).array();
    if (!error->isEmpty())
        return false;
    for (const QJsonValue event : events)
        m_events.append(event.toObject());

    const QJsonObject templates =
        readJson(dir.filePath(QStringLiteral("templates.json")), error).object();
    if (!error->isEmpty())
        return false;
    m_templateEvent = templates.value(QLatin1String("event")).toObject();
    for (const QJsonValue set : templates.value(QLatin1String("templates")).toArray()) {
        TemplateSet templateSet;
        templateSet.name = set.toObject().value(QLatin1String("name")).toString();
        for (const QJsonValue text : set.toObject().value(QLatin1String("texts")).toArray())
            templateSet.texts.append(text.toString());
        m_templateSets.append(templateSet);
    }
    return true;
}

QByteArray BenchInputs::ruleSetJson(int ruleCount) const
{
    QString error;
    return readAll(QDir(m_directory).filePath(QStringLiteral("rules-%1.kanca.json").arg(ruleCount)),
                   &error);
}

} // namespace KancaBench

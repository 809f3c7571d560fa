#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace KancaBench {

// The inputs node/generate.js wrote into one directory, read once: the same files the peers read.
class BenchInputs final
{
public:
    struct TemplateSet
    {
        QString name;      // "seed-000", "5kb-50"
        QStringList texts; // JSON payload templates
    };

    // On failure returns false and says why in *error.
    bool read(const QString &directory, QString *error);

    QList<int> ruleCounts() const { return m_ruleCounts; }
    int runs() const { return m_runs; }
    int budgetMs() const { return m_budgetMs; }
    int verifyEvents(int ruleCount) const { return m_verifyEvents.value(ruleCount); }

    QByteArray ruleSetJson(int ruleCount) const; // the Kanca rule set
    const QList<QJsonObject> &events() const { return m_events; }
    const QJsonObject &templateEvent() const { return m_templateEvent; }
    const QList<TemplateSet> &templateSets() const { return m_templateSets; }

private:
    QString m_directory;
    QList<int> m_ruleCounts;
    int m_runs = 5;
    int m_budgetMs = 300;
    QHash<int, int> m_verifyEvents;
    QList<QJsonObject> m_events;
    QJsonObject m_templateEvent;
    QList<TemplateSet> m_templateSets;
};

} // namespace KancaBench

#include "text/Suggest.h"

#include <QCoreApplication>

#include <algorithm>
#include <vector>

namespace Kanca {

namespace {

qsizetype editDistance(QStringView a, QStringView b)
{
    std::vector<qsizetype> previous(std::size_t(b.size()) + 1);
    std::vector<qsizetype> current(previous.size());
    for (qsizetype j = 0; j <= b.size(); ++j)
        previous[std::size_t(j)] = j;
    for (qsizetype i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const bool same = a[i - 1].toCaseFolded() == b[j - 1].toCaseFolded();
            current[std::size_t(j)] =
                std::min({previous[std::size_t(j)] + 1, current[std::size_t(j - 1)] + 1,
                          previous[std::size_t(j - 1)] + (same ? 0 : 1)});
        }
        std::swap(previous, current);
    }
    return previous[std::size_t(b.size())];
}

} // namespace

QString closestMatch(QStringView word, const QStringList &candidates)
{
    if (word.isEmpty() || word.size() > 200)
        return {};
    QString best;
    qsizetype bestDistance = 0;
    for (const QString &candidate : candidates) {
        const qsizetype d = editDistance(word, candidate);
        if (best.isEmpty() || d < bestDistance) {
            best = candidate;
            bestDistance = d;
        }
    }
    // Close enough: at most a third of the word wrong, and never more than 3 edits.
    const qsizetype allowed = std::min<qsizetype>(3, std::max<qsizetype>(1, word.size() / 3));
    if (best.isEmpty() || best == word || bestDistance > allowed)
        return {};
    return best;
}

QString didYouMean(QStringView word, const QStringList &candidates)
{
    const QString match = closestMatch(word, candidates);
    if (match.isEmpty())
        return {};
    return QCoreApplication::translate("Kanca::Suggest", " (did you mean \"%1\"?)").arg(match);
}

} // namespace Kanca

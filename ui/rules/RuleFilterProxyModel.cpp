#include "rules/RuleFilterProxyModel.h"

#include "rules/RuleListModel.h"
#include "settings/LanguageManager.h"
#include "text/TextCase.h"

namespace Kanca {

RuleFilterProxyModel::RuleFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
    // How case folds depends on the language, and the trigger labels change with it.
    connect(&LanguageManager::instance(), &LanguageManager::languageChanged, this, [this] {
        updateTerms();
        invalidateRowsFilter();
    });
}

RuleFilterProxyModel::~RuleFilterProxyModel() = default;

void RuleFilterProxyModel::setFilterText(const QString &text)
{
    if (text == m_filterText)
        return;
    m_filterText = text;
    updateTerms();
    invalidateRowsFilter();
}

void RuleFilterProxyModel::updateTerms()
{
    m_terms = TextCase::fold(m_filterText.simplified(), LanguageManager::instance().language())
                  .split(u' ', Qt::SkipEmptyParts);
}

bool RuleFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_terms.isEmpty())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const QString haystack =
        TextCase::fold(QStringList{index.data(Qt::DisplayRole).toString(),
                                   index.data(RuleListModel::RuleIdRole).toString(),
                                   index.data(RuleListModel::TriggerLabelRole).toString(),
                                   index.data(RuleListModel::TriggerRole).toString()}
                           .join(u'\n'),
                       LanguageManager::instance().language());
    for (const QString &term : m_terms) {
        if (!haystack.contains(term))
            return false;
    }
    return true;
}

} // namespace Kanca

#pragma once

#include <QSortFilterProxyModel>
#include <QStringList>

namespace Kanca {

// Filters the rule list by name, id and trigger (its label in the interface language and its
// event id). Case is folded the way the interface language folds it, so a Turkish "açıldı"
// finds "AÇILDI". Every word of the filter must occur; rules keep the document's order.
class RuleFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RuleFilterProxyModel)

public:
    explicit RuleFilterProxyModel(QObject *parent = nullptr);
    ~RuleFilterProxyModel() override;

    void setFilterText(const QString &text);
    bool isFiltering() const { return !m_terms.isEmpty(); }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    void updateTerms();

    QString m_filterText;
    QStringList m_terms; // folded
};

} // namespace Kanca

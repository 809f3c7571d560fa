#include "editor/ConditionItemWidget.h"

namespace Kanca {

ConditionItemWidget::ConditionItemWidget(ConditionBuilder *builder, ConditionPath path,
                                         QWidget *parent)
    : QFrame(parent)
    , m_builder(builder)
    , m_path(std::move(path))
{}

ConditionItemWidget *ConditionItemWidget::find(const ConditionPath &path)
{
    return path == m_path ? this : nullptr;
}

QWidget *ConditionItemWidget::ownWidget(const QString &objectName) const
{
    const auto owner = [](const QWidget *widget) -> const ConditionItemWidget * {
        for (const QWidget *p = widget->parentWidget(); p; p = p->parentWidget()) {
            if (const auto *item = qobject_cast<const ConditionItemWidget *>(p))
                return item;
        }
        return nullptr;
    };
    QList<QWidget *> chain;
    appendFocusChain(chain);
    for (QWidget *widget : std::as_const(chain)) {
        if (widget->objectName() == objectName && owner(widget) == this)
            return widget;
    }
    return nullptr;
}

} // namespace Kanca

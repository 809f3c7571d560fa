#include "problems/ProblemsPanel.h"

#include "document/RuleSetDocument.h"
#include "format/ProblemPlace.h"

#include <QEvent>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QRegularExpression>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Kanca {

using namespace Qt::StringLiterals;

namespace {

constexpr int PointerRole = Qt::UserRole + 1;

// "/rules/3/then/0/url" -> 3; -1 for the rule set's own keys.
qsizetype ruleIndexOf(const QString &pointer)
{
    static const QRegularExpression rule(u"^/rules/([0-9]+)(/.*)?$"_s);
    const QRegularExpressionMatch match = rule.match(pointer);
    return match.hasMatch() ? match.captured(1).toLongLong() : -1;
}

} // namespace

ProblemsPanel::ProblemsPanel(RuleSetDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_list(new QTreeWidget(this))
    , m_empty(new QLabel(this))
{
    setObjectName(u"problemsPanel"_s);
    m_list->setObjectName(u"problemsList"_s);
    m_list->setColumnCount(3);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->header()->setStretchLastSection(true);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_list->header()->setSectionResizeMode(1, QHeaderView::Interactive);
    const int character = fontMetrics().averageCharWidth();
    m_list->setColumnWidth(0, 32 * character); // a rule's name
    m_list->setColumnWidth(1, 30 * character); // "Then › webhook 1 › Headers › 2"
    m_empty->setObjectName(u"problemsEmpty"_s);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_empty, 1);

    connect(m_list, &QTreeWidget::itemClicked, this, &ProblemsPanel::activate);
    connect(m_list, &QTreeWidget::itemActivated, this, &ProblemsPanel::activate);

    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(150);
    connect(&m_refreshTimer, &QTimer::timeout, this, &ProblemsPanel::refresh);
    connect(m_document, &RuleSetDocument::resetDone, this, &ProblemsPanel::scheduleRefresh);
    connect(m_document, &RuleSetDocument::propertiesChanged, this, &ProblemsPanel::scheduleRefresh);
    connect(m_document, &RuleSetDocument::ruleInserted, this, &ProblemsPanel::scheduleRefresh);
    connect(m_document, &RuleSetDocument::ruleRemoved, this, &ProblemsPanel::scheduleRefresh);
    connect(m_document, &RuleSetDocument::ruleChanged, this, &ProblemsPanel::scheduleRefresh);
    connect(m_document, &RuleSetDocument::ruleMoved, this, &ProblemsPanel::scheduleRefresh);

    retranslateUi();
    refresh();
}

QString ProblemsPanel::title() const
{
    const int count = m_errors + m_warnings;
    return count == 0 ? tr("Problems") : tr("Problems (%1)").arg(count);
}

void ProblemsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        scheduleRefresh(); // the messages are translated too
    }
    QWidget::changeEvent(event);
}

void ProblemsPanel::retranslateUi()
{
    m_list->setHeaderLabels({tr("Rule"), tr("Where"), tr("Problem")});
    m_list->setAccessibleName(tr("Problems of the rule set"));
    m_empty->setText(tr("No problems: the rule set can be saved, reopened and exported."));
}

void ProblemsPanel::scheduleRefresh()
{
    m_refreshTimer.start();
}

QString ProblemsPanel::ruleLabel(qsizetype index) const
{
    if (index < 0)
        return tr("Rule set");
    if (index >= m_document->ruleCount())
        return tr("Rule %1").arg(index + 1);
    const Rule &rule = m_document->rule(index);
    if (!rule.name.trimmed().isEmpty())
        return rule.name;
    if (!rule.id.isEmpty())
        return rule.id;
    return tr("Rule %1 (no name)").arg(index + 1);
}

void ProblemsPanel::refresh()
{
    m_refreshTimer.stop();
    const Problems &problems = m_document->problems();
    const QIcon error = style()->standardIcon(QStyle::SP_MessageBoxCritical);
    const QIcon warning = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    m_list->clear();
    m_errors = 0;
    m_warnings = 0;
    QList<QTreeWidgetItem *> items;
    const QJsonObject outline =
        problems.isEmpty() ? QJsonObject() : ProblemPlace::outline(m_document->ruleSet());
    for (const Problem &problem : problems) {
        auto *item = new QTreeWidgetItem;
        item->setText(0, ruleLabel(ruleIndexOf(problem.pointer)));
        // Where in the rule, in the words of the rest of the designer; the pointer beside.
        item->setText(1, ProblemPlace::of(problem.pointer, outline).where());
        item->setToolTip(1, ProblemPlace::detail(problem));
        item->setText(2, problem.message);
        item->setToolTip(2, problem.message);
        item->setIcon(0, problem.isError() ? error : warning);
        item->setData(0, PointerRole, problem.pointer);
        items.append(item);
        ++(problem.isError() ? m_errors : m_warnings);
    }
    m_list->addTopLevelItems(items);
    m_list->setVisible(!items.isEmpty());
    m_empty->setVisible(items.isEmpty());
    Q_EMIT countChanged();
}

void ProblemsPanel::activate(QTreeWidgetItem *item)
{
    if (item)
        Q_EMIT problemActivated(item->data(0, PointerRole).toString());
}

} // namespace Kanca

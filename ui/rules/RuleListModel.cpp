#include "rules/RuleListModel.h"

#include "catalog/Catalog.h"
#include "document/RuleSetDocument.h"
#include "settings/LanguageManager.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDataStream>
#include <QIODevice>
#include <QMimeData>
#include <QStyle>

namespace Kanca {

using namespace Qt::Literals::StringLiterals;

// Marks the model as passing on a change of the document for as long as it lives.
class RuleListModel::UpdateScope
{
public:
    explicit UpdateScope(RuleListModel *model)
        : m_model(model)
    {
        ++m_model->m_updating;
    }
    ~UpdateScope() { --m_model->m_updating; }
    Q_DISABLE_COPY_MOVE(UpdateScope)

private:
    RuleListModel *m_model;
};

RuleListModel::RuleListModel(RuleSetDocument *document, QObject *parent)
    : QAbstractListModel(parent)
    , m_document(document)
{
    // Structural changes: the about-to signal opens the change, the done signal closes it.
    connect(document, &RuleSetDocument::aboutToReset, this, [this] {
        ++m_updating;
        beginResetModel();
    });
    connect(document, &RuleSetDocument::resetDone, this, [this] {
        m_problemsValid = false;
        endResetModel();
        --m_updating;
    });
    connect(document, &RuleSetDocument::ruleAboutToBeInserted, this, [this](qsizetype index) {
        ++m_updating;
        beginInsertRows({}, int(index), int(index));
    });
    connect(document, &RuleSetDocument::ruleInserted, this, [this] {
        m_problemsValid = false;
        endInsertRows();
        problemsChanged();
        --m_updating;
    });
    connect(document, &RuleSetDocument::ruleAboutToBeRemoved, this, [this](qsizetype index) {
        ++m_updating;
        beginRemoveRows({}, int(index), int(index));
    });
    connect(document, &RuleSetDocument::ruleRemoved, this, [this] {
        m_problemsValid = false;
        endRemoveRows();
        problemsChanged();
        --m_updating;
    });
    connect(document, &RuleSetDocument::ruleAboutToBeMoved, this,
            [this](qsizetype from, qsizetype to) {
                ++m_updating;
                // The document's "to" is where the rule ends up; Qt's destination is the row
                // it is inserted before.
                beginMoveRows({}, int(from), int(from), {}, int(to > from ? to + 1 : to));
            });
    connect(document, &RuleSetDocument::ruleMoved, this, [this] {
        m_problemsValid = false;
        endMoveRows();
        problemsChanged();
        --m_updating;
    });
    connect(document, &RuleSetDocument::ruleChanged, this, [this](qsizetype index) {
        const UpdateScope scope(this);
        m_problemsValid = false;
        const QModelIndex changed = this->index(int(index));
        Q_EMIT dataChanged(changed, changed);
        problemsChanged(); // a change can fix or cause a problem of another rule (same id)
    });
    connect(document, &RuleSetDocument::propertiesChanged, this, [this] {
        const UpdateScope scope(this);
        m_problemsValid = false;
        problemsChanged(); // the locale changes how conditions compile
    });

    // Trigger labels come from the catalog in the interface language.
    connect(&LanguageManager::instance(), &LanguageManager::languageChanged, this, [this] {
        const UpdateScope scope(this);
        emitAllChanged();
        Q_EMIT headerDataChanged(Qt::Horizontal, 0, 0);
    });
}

RuleListModel::~RuleListModel() = default;

QString RuleListModel::mimeType()
{
    return u"application/x-kanca-rule-row"_s;
}

int RuleListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_document->ruleCount());
}

QVariant RuleListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const Rule &rule = m_document->rule(row);
    switch (role) {
    case Qt::DisplayRole:
        return displayName(rule);
    case Qt::EditRole:
        return rule.name;
    case Qt::CheckStateRole:
        return rule.enabled ? Qt::Checked : Qt::Unchecked;
    case Qt::DecorationRole:
        if (!problemsOf(row).hasErrors)
            return {};
        if (m_errorIcon.isNull())
            m_errorIcon = QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        return m_errorIcon;
    case Qt::ToolTipRole: {
        const QString text = toolTip(row);
        return text.isEmpty() ? QVariant() : QVariant(text);
    }
    case Qt::AccessibleDescriptionRole:
        return triggerLabel(rule.when);
    case TriggerLabelRole:
        return triggerLabel(rule.when);
    case TriggerRole:
        return rule.when;
    case RuleIdRole:
        return rule.id;
    case HasErrorsRole:
        return problemsOf(row).hasErrors;
    case ProblemsRole:
        return problemsOf(row).messages;
    default:
        return {};
    }
}

bool RuleListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const int row = index.row();
    Rule rule = m_document->rule(row);
    switch (role) {
    case Qt::CheckStateRole: {
        const bool enabled = value.value<Qt::CheckState>() == Qt::Checked;
        if (enabled == rule.enabled)
            return true;
        rule.enabled = enabled;
        m_document->changeRule(row, rule, enabled ? tr("Enable Rule") : tr("Disable Rule"));
        return true;
    }
    case Qt::EditRole: {
        const QString name = value.toString().trimmed();
        if (name.isEmpty())
            return false; // a rule needs a name; keep the one it has
        if (name == rule.name)
            return true;
        rule.name = name;
        m_document->changeRule(row, rule, tr("Rename Rule"));
        return true;
    }
    default:
        return false;
    }
}

Qt::ItemFlags RuleListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::ItemIsDropEnabled; // drops go between rules, never onto one
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsEditable
           | Qt::ItemIsDragEnabled | Qt::ItemNeverHasChildren;
}

QVariant RuleListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (section == 0 && orientation == Qt::Horizontal && role == Qt::DisplayRole)
        return tr("Rules");
    return QAbstractListModel::headerData(section, orientation, role);
}

QHash<int, QByteArray> RuleListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(TriggerLabelRole, QByteArrayLiteral("triggerLabel"));
    names.insert(TriggerRole, QByteArrayLiteral("trigger"));
    names.insert(RuleIdRole, QByteArrayLiteral("ruleId"));
    names.insert(HasErrorsRole, QByteArrayLiteral("hasErrors"));
    names.insert(ProblemsRole, QByteArrayLiteral("problems"));
    return names;
}

Qt::DropActions RuleListModel::supportedDropActions() const
{
    return Qt::MoveAction;
}

Qt::DropActions RuleListModel::supportedDragActions() const
{
    return Qt::MoveAction;
}

QStringList RuleListModel::mimeTypes() const
{
    return {mimeType()};
}

QMimeData *RuleListModel::mimeData(const QModelIndexList &indexes) const
{
    // One rule at a time: the list selects one rule.
    if (indexes.size() != 1 || !checkIndex(indexes.first(), CheckIndexOption::IndexIsValid))
        return nullptr;
    QByteArray encoded;
    QDataStream stream(&encoded, QIODevice::WriteOnly);
    // Which model the row belongs to, so that a drop into another window is refused.
    stream << QCoreApplication::applicationPid() << quint64(reinterpret_cast<quintptr>(this))
           << qint32(indexes.first().row());
    auto *data = new QMimeData;
    data->setData(mimeType(), encoded);
    return data;
}

std::optional<int> RuleListModel::decodeRow(const QMimeData *data) const
{
    if (!data || !data->hasFormat(mimeType()))
        return std::nullopt;
    QDataStream stream(data->data(mimeType()));
    qint64 pid = 0;
    quint64 model = 0;
    qint32 row = -1;
    stream >> pid >> model >> row;
    if (stream.status() != QDataStream::Ok || pid != QCoreApplication::applicationPid()
        || model != quint64(reinterpret_cast<quintptr>(this)) || row < 0 || row >= rowCount())
        return std::nullopt;
    return row;
}

bool RuleListModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int row,
                                    int column, const QModelIndex &parent) const
{
    Q_UNUSED(row)
    Q_UNUSED(parent)
    return action == Qt::MoveAction && column <= 0 && decodeRow(data).has_value();
}

bool RuleListModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                 const QModelIndex &parent)
{
    if (action == Qt::IgnoreAction)
        return true;
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    // Dropped onto a rule: before it. Dropped below the last rule: at the end.
    const int destination = parent.isValid() ? parent.row() : (row < 0 ? rowCount() : row);
    return moveRows({}, *decodeRow(data), 1, {}, destination);
}

bool RuleListModel::moveRows(const QModelIndex &sourceParent, int sourceRow, int count,
                             const QModelIndex &destinationParent, int destinationChild)
{
    if (sourceParent.isValid() || destinationParent.isValid() || count != 1 || sourceRow < 0
        || sourceRow >= rowCount() || destinationChild < 0 || destinationChild > rowCount())
        return false;
    const int to = destinationChild > sourceRow ? destinationChild - 1 : destinationChild;
    if (to == sourceRow)
        return false;
    m_document->moveRule(sourceRow, to);
    return true;
}

QString RuleListModel::triggerLabel(const QString &eventId)
{
    if (eventId.isEmpty())
        return tr("No trigger");
    if (const EventTypeInfo *event = Catalog::builtIn().event(eventId))
        return event->label.in(LanguageManager::instance().language());
    return eventId;
}

const RuleListModel::RowProblems &RuleListModel::problemsOf(int row) const
{
    if (!m_problemsValid) {
        m_problems = QList<RowProblems>(m_document->ruleCount());
        QList<QStringList> warnings(m_document->ruleCount());
        static const QString prefix = u"/rules/"_s;
        for (const Problem &problem : m_document->problems()) {
            if (!problem.pointer.startsWith(prefix))
                continue;
            const qsizetype end = problem.pointer.indexOf(u'/', prefix.size());
            bool ok = false;
            const int index =
                QStringView(problem.pointer)
                    .sliced(prefix.size(), (end < 0 ? problem.pointer.size() : end) - prefix.size())
                    .toInt(&ok);
            if (!ok || index < 0 || index >= m_problems.size())
                continue;
            if (problem.isError()) {
                m_problems[index].hasErrors = true;
                m_problems[index].messages.append(problem.message);
            } else {
                warnings[index].append(problem.message);
            }
        }
        for (qsizetype i = 0; i < m_problems.size(); ++i)
            m_problems[i].messages.append(warnings.at(i));
        m_problemsValid = true;
    }
    return m_problems.at(row);
}

QString RuleListModel::displayName(const Rule &rule) const
{
    if (!rule.name.trimmed().isEmpty())
        return rule.name;
    if (!rule.id.isEmpty())
        return rule.id;
    return tr("Unnamed rule");
}

QString RuleListModel::toolTip(int row) const
{
    // Plain text, one paragraph each: the description, then every problem on its own line.
    QStringList paragraphs;
    const QString description = m_document->rule(row).description.trimmed();
    if (!description.isEmpty())
        paragraphs.append(description);
    const QStringList &problems = problemsOf(row).messages;
    if (!problems.isEmpty()) {
        QStringList lines;
        for (const QString &message : problems)
            lines.append(u"\u2022 "_s + message);
        paragraphs.append(lines.join(u'\n'));
    }
    return paragraphs.join(u"\n\n"_s);
}

void RuleListModel::emitAllChanged(const QList<int> &roles)
{
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0), index(rowCount() - 1), roles);
}

void RuleListModel::problemsChanged()
{
    emitAllChanged({Qt::DecorationRole, Qt::ToolTipRole, HasErrorsRole, ProblemsRole});
}

} // namespace Kanca

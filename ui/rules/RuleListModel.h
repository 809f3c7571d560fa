#pragma once

#include <QAbstractListModel>
#include <QIcon>
#include <QList>
#include <QStringList>

#include <optional>

namespace Kanca {

class RuleSetDocument;
struct Rule;

// The rules of a document as a list: a passive adapter that follows the document's about-to /
// done signals. setData() never changes a rule: it asks the document, which pushes an undo
// command, so every edit made in a view is undoable.
class RuleListModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RuleListModel)

public:
    enum Role {
        TriggerLabelRole = Qt::UserRole + 1, // the event's label in the interface language
        TriggerRole,                         // the event id, "chat.opened"
        RuleIdRole,                          // "vip-to-slack"
        HasErrorsRole,                       // bool: the rule has at least one error
        ProblemsRole,                        // QStringList: its problems, errors first
    };
    Q_ENUM(Role)

    // The drag-and-drop format of a rule row (for this process and model only).
    static QString mimeType();

    explicit RuleListModel(RuleSetDocument *document, QObject *parent = nullptr);
    ~RuleListModel() override;

    RuleSetDocument *document() const { return m_document; }

    // True while the model is passing on a change of the document (between begin and end of
    // an insertion, removal, move or reset, and while it announces changed data). Views use it
    // to tell their own selection changes from those the change causes.
    bool isUpdating() const { return m_updating > 0; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Drag and drop reorders the rules, each move one undo step.
    Qt::DropActions supportedDropActions() const override;
    Qt::DropActions supportedDragActions() const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;
    // Moves one rule so that it stands before destinationChild (Qt's convention).
    bool moveRows(const QModelIndex &sourceParent, int sourceRow, int count,
                  const QModelIndex &destinationParent, int destinationChild) override;

    // The label of an event in the interface language, or the id itself if the catalog does
    // not know it.
    static QString triggerLabel(const QString &eventId);

private:
    class UpdateScope;

    struct RowProblems
    {
        bool hasErrors = false;
        QStringList messages; // errors first, then warnings
    };

    const RowProblems &problemsOf(int row) const;
    QString displayName(const Rule &rule) const;
    QString toolTip(int row) const;
    std::optional<int> decodeRow(const QMimeData *data) const;

    void emitAllChanged(const QList<int> &roles = {});
    void problemsChanged();

    RuleSetDocument *m_document;
    int m_updating = 0;
    mutable bool m_problemsValid = false;
    mutable QList<RowProblems> m_problems;
    mutable QIcon m_errorIcon;
};

} // namespace Kanca

#include "preview/ComparisonView.h"

#include "endpoints/CaughtRequest.h"

#include <QEvent>
#include <QFontDatabase>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QTabBar>
#include <QTableWidget>
#include <QTextBlock>
#include <QVBoxLayout>

namespace Kanca {

namespace {

QString shown(const QByteArray &bytes, const QString &name, const QSet<QString> &secretHeaders)
{
    const QString text = CaughtRequest::fieldText(bytes);
    if (text.isEmpty() || !secretHeaders.contains(name.toLower()))
        return text;
    QStringList lines = text.split(u'\n');
    for (QString &line : lines)
        line = RenderedRequest::masked(line);
    return lines.join(u'\n');
}

// Selects `bytes` from the byte offset on in the editor showing them as UTF-8.
void selectFrom(QPlainTextEdit *editor, const QByteArray &bytes, qint64 offset)
{
    if (offset < 0 || offset > bytes.size())
        return;
    const int start = int(QString::fromUtf8(bytes.left(offset)).size());
    QTextCursor cursor = editor->textCursor();
    cursor.setPosition(qMin(start, editor->document()->characterCount() - 1));
    cursor.movePosition(QTextCursor::NextCharacter, QTextCursor::KeepAnchor);
    editor->setTextCursor(cursor);
    editor->centerCursor();
}

} // namespace

ComparisonView::ComparisonView(QWidget *parent)
    : QWidget(parent)
    , m_tabs(new QTabBar(this))
    , m_title(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_signature(new QLabel(this))
    , m_table(new QTableWidget(0, 4, this))
    , m_bodyNote(new QLabel(this))
    , m_sentLabel(new QLabel(this))
    , m_receivedLabel(new QLabel(this))
    , m_sentBody(new QPlainTextEdit(this))
    , m_receivedBody(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("previewComparison"));
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_tabs->setObjectName(QStringLiteral("comparisonTabs"));
    m_tabs->setDrawBase(false);
    m_tabs->setExpanding(false);
    m_tabs->hide();
    for (QLabel *label : {m_title, m_summary, m_signature, m_bodyNote}) {
        label->setWordWrap(true);
        label->setTextFormat(Qt::PlainText);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_summary->setObjectName(QStringLiteral("comparisonSummary"));
    m_signature->setObjectName(QStringLiteral("comparisonSignature"));
    QFont bold = m_summary->font();
    bold.setBold(true);
    m_summary->setFont(bold);
    m_table->setObjectName(QStringLiteral("comparisonTable"));
    m_table->setFont(fixed);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setTabKeyNavigation(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    // The values share the width; the part and the verdict take what they need.
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(3, QHeaderView::ResizeToContents);
    for (QPlainTextEdit *body : {m_sentBody, m_receivedBody}) {
        body->setReadOnly(true);
        body->setFont(fixed);
        body->setTabChangesFocus(true);
        body->setLineWrapMode(QPlainTextEdit::NoWrap);
    }
    m_sentBody->setObjectName(QStringLiteral("comparisonSentBody"));
    m_receivedBody->setObjectName(QStringLiteral("comparisonReceivedBody"));

    auto *bodies = new QGridLayout;
    bodies->addWidget(m_sentLabel, 0, 0);
    bodies->addWidget(m_receivedLabel, 0, 1);
    bodies->addWidget(m_sentBody, 1, 0);
    bodies->addWidget(m_receivedBody, 1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
    layout->addWidget(m_title);
    layout->addWidget(m_summary);
    layout->addWidget(m_signature);
    layout->addWidget(m_table, 3);
    layout->addWidget(m_bodyNote);
    layout->addLayout(bodies, 2);

    connect(m_tabs, &QTabBar::currentChanged, this, &ComparisonView::showCurrent);
    retranslateUi();
    clear();
}

ComparisonView::~ComparisonView() = default;

void ComparisonView::clear()
{
    m_entries.clear();
    updateTabs();
    showCurrent();
}

void ComparisonView::showChecking(int index, const QString &where)
{
    Entry &entry = m_entries[index];
    entry = Entry{};
    entry.where = where;
    updateTabs();
    showCurrent();
}

void ComparisonView::showFailed(int index, const QString &where, const QString &message)
{
    Entry &entry = m_entries[index];
    entry.state = Entry::State::Failed;
    entry.where = where;
    entry.message = message;
    updateTabs();
    showCurrent();
}

void ComparisonView::showResult(int index, const ReceivedCheck::Result &result)
{
    Entry &entry = m_entries[index];
    entry.state = Entry::State::Done;
    entry.where = result.where;
    entry.result = result;
    updateTabs();
    showCurrent();
}

QString ComparisonView::summaryText() const
{
    return m_summary->text();
}

QString ComparisonView::signatureText() const
{
    return m_signature->text();
}

QString ComparisonView::sentBody() const
{
    return m_sentBody->toPlainText();
}

QString ComparisonView::receivedBody() const
{
    return m_receivedBody->toPlainText();
}

QString ComparisonView::verdictText(RequestComparison::Verdict verdict)
{
    switch (verdict) {
    case RequestComparison::Verdict::Same:
        return tr("✓ same");
    case RequestComparison::Verdict::Equivalent:
        return tr("≈ equivalent");
    case RequestComparison::Verdict::Different:
        return tr("✗ different");
    case RequestComparison::Verdict::Missing:
        return tr("✗ did not arrive");
    case RequestComparison::Verdict::Added:
        return tr("+ added on the way");
    case RequestComparison::Verdict::Ignored:
        return tr("· not compared");
    case RequestComparison::Verdict::Unknown:
        return tr("? cannot tell");
    }
    return {};
}

void ComparisonView::updateTabs()
{
    const QList<int> indexes = m_entries.keys();
    while (m_tabs->count() > indexes.size())
        m_tabs->removeTab(m_tabs->count() - 1);
    while (m_tabs->count() < indexes.size())
        m_tabs->addTab(QString());
    QString mark;
    for (int i = 0; i < indexes.size(); ++i) {
        const Entry &entry = m_entries.value(indexes.at(i));
        const QString state =
            entry.state == Entry::State::Checking ? QStringLiteral("…")
            : entry.state == Entry::State::Failed
                ? QStringLiteral("!")
                : (entry.result.comparison.matches() && entry.result.outcome.delivered
                       ? QStringLiteral("✓")
                       : QStringLiteral("✗"));
        m_tabs->setTabText(i, tr("Action %1 %2").arg(indexes.at(i) + 1).arg(state));
        m_tabs->setTabData(i, indexes.at(i));
        if (mark.isEmpty() || state == u"✗" || (state == u"!" && mark != u"✗")
            || (state == u"…" && mark == u"✓"))
            mark = state;
    }
    m_tabs->setVisible(indexes.size() > 1);
    Q_EMIT stateChanged(mark);
}

void ComparisonView::showCurrent()
{
    m_table->setRowCount(0);
    m_sentBody->clear();
    m_receivedBody->clear();
    m_bodyNote->clear();
    m_signature->clear();
    const bool any = !m_entries.isEmpty();
    const int index = m_tabs->currentIndex() >= 0 ? m_tabs->tabData(m_tabs->currentIndex()).toInt()
                      : any                       ? m_entries.firstKey()
                                                  : -1;
    if (!m_entries.contains(index)) {
        m_title->setText(tr("Send a test to a webhook.site URL or to the local catcher (the "
                            "buttons beside the action's URL) to see here what arrived beside "
                            "what was sent."));
        m_summary->clear();
        setDetailsVisible(false);
        return;
    }
    const Entry &entry = m_entries.value(index);
    setDetailsVisible(entry.state == Entry::State::Done);
    switch (entry.state) {
    case Entry::State::Checking:
        m_title->setText(tr("Fetching what %1 received…").arg(entry.where));
        m_summary->clear();
        return;
    case Entry::State::Failed:
        m_title->setText(tr("Sent and received at %1").arg(entry.where));
        m_summary->setText(entry.message);
        return;
    case Entry::State::Done:
        break;
    }

    const ReceivedCheck::Result &result = entry.result;
    const RequestComparison &comparison = result.comparison;
    m_title->setText(
        tr("Sent, and received at %1 at %2")
            .arg(entry.where, QLocale().toString(result.received.receivedAt.toLocalTime(),
                                                 QLocale::ShortFormat)));
    if (!result.outcome.delivered) {
        // Arriving is not being delivered: say first that the receiver refused it.
        const QString answered =
            tr("✗ Received, but answered %1: the test failed.").arg(result.outcome.answerText());
        if (comparison.matches()) {
            m_summary->setText(answered + u'\n'
                               + tr("What arrived is what was sent, byte for byte."));
        } else {
            const QStringList differences = comparison.differences();
            m_summary->setText(answered + u'\n'
                               + tr("%n difference(s): ", nullptr, int(differences.size()))
                               + differences.join(QLatin1StringView("; ")));
        }
    } else if (comparison.matches()) {
        m_summary->setText(tr("✓ Everything sent arrived unchanged, byte for byte."));
    } else {
        const QStringList differences = comparison.differences();
        m_summary->setText(tr("✗ %n difference(s): ", nullptr, int(differences.size()))
                           + differences.join(QLatin1StringView("; ")));
    }
    switch (comparison.signature.status) {
    case SignatureCheck::Status::NotChecked:
        m_signature->setText(tr("Signature: not checked (the action does not sign, or its "
                                "secret has no value)."));
        break;
    case SignatureCheck::Status::Absent:
        m_signature->setText(
            tr("Signature: ✗ none arrived (%1).").arg(comparison.signature.reason));
        break;
    case SignatureCheck::Status::Valid:
        m_signature->setText(
            tr("Signature (%1): ✓ valid with the rule's secret.").arg(comparison.signature.scheme));
        break;
    case SignatureCheck::Status::Invalid:
        m_signature->setText(tr("Signature (%1): ✗ invalid: %2")
                                 .arg(comparison.signature.scheme, comparison.signature.reason));
        break;
    }

    QList<const RequestComparison::Item *> items{&comparison.method, &comparison.target};
    for (const RequestComparison::Item &item : comparison.headers)
        items.append(&item);
    m_table->setRowCount(int(items.size()));
    for (int row = 0; row < items.size(); ++row) {
        const RequestComparison::Item &item = *items.at(row);
        // The verdict is short; why (a header's case, a hop that adds it) is its tooltip.
        const QStringList cells{item.name, shown(item.sent, item.name, result.secretHeaders),
                                shown(item.received, item.name, result.secretHeaders),
                                verdictText(item.verdict)};
        for (int column = 0; column < cells.size(); ++column) {
            auto *cell = new QTableWidgetItem(cells.at(column));
            cell->setToolTip(column == 3 && !item.note.isEmpty() ? item.note : cells.at(column));
            m_table->setItem(row, column, cell);
        }
    }
    showBodies(result);
}

void ComparisonView::setDetailsVisible(bool visible)
{
    for (QWidget *widget : std::initializer_list<QWidget *>{
             m_table, m_bodyNote, m_sentLabel, m_receivedLabel, m_sentBody, m_receivedBody})
        widget->setVisible(visible);
}

void ComparisonView::showBodies(const ReceivedCheck::Result &result)
{
    const RequestComparison::Body &body = result.comparison.body;
    m_sentBody->setPlainText(QString::fromUtf8(body.sent));
    m_receivedBody->setPlainText(QString::fromUtf8(body.received));
    const QLocale locale;
    switch (body.verdict) {
    case RequestComparison::Verdict::Same:
        m_bodyNote->setText(tr("Body: ✓ the same %n byte(s).", nullptr, int(body.sent.size())));
        break;
    case RequestComparison::Verdict::Unknown:
        m_bodyNote->setText(tr("Body: ? %1").arg(body.note));
        break;
    default:
        m_bodyNote->setText(
            tr("Body: ✗ %1 bytes sent, %2 received; the first difference is at byte %3 "
               "(selected).")
                .arg(locale.toString(body.sent.size()), locale.toString(body.receivedSize),
                     locale.toString(body.firstDifference)));
        selectFrom(m_sentBody, body.sent, body.firstDifference);
        selectFrom(m_receivedBody, body.received, body.firstDifference);
        break;
    }
}

void ComparisonView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
}

void ComparisonView::retranslateUi()
{
    m_table->setHorizontalHeaderLabels({tr("Part"), tr("Sent"), tr("Received"), tr("Result")});
    m_sentLabel->setText(tr("Sent body"));
    m_receivedLabel->setText(tr("Received body"));
    updateTabs();
    showCurrent();
}

} // namespace Kanca

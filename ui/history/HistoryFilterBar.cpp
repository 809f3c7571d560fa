#include "history/HistoryFilterBar.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Kanca {

namespace {

// The status combo's items, in order; -1 is every status.
constexpr int StatusValues[] = {-1, int(DeliveryStatus::Succeeded), int(DeliveryStatus::Failed),
                                int(DeliveryStatus::Pending)};

} // namespace

HistoryFilterBar::HistoryFilterBar(QWidget *parent)
    : QWidget(parent)
    , m_ruleLabel(new QLabel(this))
    , m_rule(new QComboBox(this))
    , m_statusLabel(new QLabel(this))
    , m_status(new QComboBox(this))
    , m_periodLabel(new QLabel(this))
    , m_period(new QComboBox(this))
    , m_from(new QDateTimeEdit(this))
    , m_toLabel(new QLabel(this))
    , m_to(new QDateTimeEdit(this))
    , m_text(new QLineEdit(this))
{
    m_rule->setObjectName(u"historyFilterRule"_s);
    m_status->setObjectName(u"historyFilterStatus"_s);
    // As wide as its longest entry in the language shown now, also after a switch.
    m_status->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_period->setObjectName(u"historyFilterPeriod"_s);
    m_from->setObjectName(u"historyFilterFrom"_s);
    m_to->setObjectName(u"historyFilterTo"_s);
    m_text->setObjectName(u"historyFilterText"_s);

    m_ruleLabel->setBuddy(m_rule);
    m_statusLabel->setBuddy(m_status);
    m_periodLabel->setBuddy(m_period);
    m_toLabel->setBuddy(m_to);
    m_rule->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_rule->addItem(QString(), QString());
    for (const int value : StatusValues)
        m_status->addItem(QString(), value);
    for (int i = 0; i <= int(Period::Custom); ++i)
        m_period->addItem(QString(), i);
    const QDateTime now = QDateTime::currentDateTime();
    for (QDateTimeEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(u"yyyy-MM-dd HH:mm"_s);
        edit->setVisible(false);
    }
    m_from->setDateTime(now.addDays(-1));
    m_to->setDateTime(now);
    m_toLabel->setVisible(false);
    m_text->setClearButtonEnabled(true);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_ruleLabel);
    layout->addWidget(m_rule);
    layout->addWidget(m_statusLabel);
    layout->addWidget(m_status);
    layout->addWidget(m_periodLabel);
    layout->addWidget(m_period);
    layout->addWidget(m_from);
    layout->addWidget(m_toLabel);
    layout->addWidget(m_to);
    layout->addWidget(m_text, 1);

    m_typingTimer.setSingleShot(true);
    m_typingTimer.setInterval(TypingDelayMs);
    connect(&m_typingTimer, &QTimer::timeout, this, &HistoryFilterBar::filterChanged);
    connect(m_text, &QLineEdit::textChanged, this, [this] { m_typingTimer.start(); });
    connect(m_text, &QLineEdit::returnPressed, this, [this] {
        if (m_typingTimer.isActive()) {
            m_typingTimer.stop();
            Q_EMIT filterChanged();
        }
    });
    connect(m_rule, &QComboBox::currentIndexChanged, this, &HistoryFilterBar::filterChanged);
    connect(m_status, &QComboBox::currentIndexChanged, this, &HistoryFilterBar::filterChanged);
    connect(m_period, &QComboBox::currentIndexChanged, this, &HistoryFilterBar::periodChanged);
    connect(m_from, &QDateTimeEdit::dateTimeChanged, this, &HistoryFilterBar::filterChanged);
    connect(m_to, &QDateTimeEdit::dateTimeChanged, this, &HistoryFilterBar::filterChanged);

    retranslateUi();
}

HistoryFilter HistoryFilterBar::filter() const
{
    HistoryFilter filter;
    filter.ruleId = m_rule->currentData().toString();
    const int status = m_status->currentData().toInt();
    if (status >= 0)
        filter.status = DeliveryStatus(status);
    filter.text = m_text->text().trimmed();
    const QDateTime now = QDateTime::currentDateTime();
    switch (Period(m_period->currentData().toInt())) {
    case Period::All:
        break;
    case Period::LastHour:
        filter.from = now.addSecs(-3600);
        break;
    case Period::Today:
        filter.from = QDateTime(now.date(), QTime(0, 0));
        break;
    case Period::LastSevenDays:
        filter.from = now.addDays(-7);
        break;
    case Period::Custom:
        filter.from = m_from->dateTime();
        filter.to = m_to->dateTime();
        break;
    }
    return filter;
}

void HistoryFilterBar::setRules(const QList<HistoryRule> &rules)
{
    const QString chosen = m_rule->currentData().toString();
    QList<HistoryRule> offered = rules;
    const bool present = chosen.isEmpty()
                         || std::any_of(rules.cbegin(), rules.cend(),
                                        [&](const HistoryRule &rule) { return rule.id == chosen; });
    if (!present)
        offered.append({chosen, m_rule->currentText()});
    std::sort(offered.begin(), offered.end(), [](const HistoryRule &a, const HistoryRule &b) {
        return QString::localeAwareCompare(a.name.isEmpty() ? a.id : a.name,
                                           b.name.isEmpty() ? b.id : b.name)
               < 0;
    });
    const auto sameIds = [&] {
        if (offered.size() != m_rules.size())
            return false;
        for (qsizetype i = 0; i < offered.size(); ++i) {
            if (offered.at(i).id != m_rules.at(i).id || offered.at(i).name != m_rules.at(i).name)
                return false;
        }
        return true;
    };
    if (sameIds())
        return;
    m_rules = offered;
    const QSignalBlocker blocker(m_rule);
    while (m_rule->count() > 1)
        m_rule->removeItem(1);
    for (const HistoryRule &rule : std::as_const(m_rules)) {
        m_rule->addItem(rule.name.isEmpty() ? rule.id : rule.name, rule.id);
        m_rule->setItemData(m_rule->count() - 1, tr("Rule id: %1").arg(rule.id), Qt::ToolTipRole);
    }
    m_rule->setCurrentIndex(qMax(0, m_rule->findData(chosen)));
}

void HistoryFilterBar::focusSearch()
{
    m_text->setFocus(Qt::ShortcutFocusReason);
    m_text->selectAll();
}

void HistoryFilterBar::periodChanged()
{
    const bool custom = Period(m_period->currentData().toInt()) == Period::Custom;
    m_from->setVisible(custom);
    m_toLabel->setVisible(custom);
    m_to->setVisible(custom);
    Q_EMIT filterChanged();
}

void HistoryFilterBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void HistoryFilterBar::retranslateUi()
{
    m_ruleLabel->setText(tr("&Rule:"));
    m_statusLabel->setText(tr("S&tatus:"));
    m_periodLabel->setText(tr("T&ime:"));
    m_toLabel->setText(tr("to"));
    m_rule->setItemText(0, tr("All rules"));
    m_status->setItemText(0, tr("All statuses"));
    m_status->setItemText(1, tr("Succeeded"));
    m_status->setItemText(2, tr("Failed"));
    m_status->setItemText(3, tr("Pending"));
    m_period->setItemText(int(Period::All), tr("All time"));
    m_period->setItemText(int(Period::LastHour), tr("Last hour"));
    m_period->setItemText(int(Period::Today), tr("Today"));
    m_period->setItemText(int(Period::LastSevenDays), tr("Last 7 days"));
    m_period->setItemText(int(Period::Custom), tr("Custom range"));
    m_text->setPlaceholderText(tr("Search URL, rule, event or error"));

    m_rule->setAccessibleName(tr("Rule filter"));
    m_status->setAccessibleName(tr("Status filter"));
    m_period->setAccessibleName(tr("Time filter"));
    m_from->setAccessibleName(tr("From"));
    m_to->setAccessibleName(tr("To"));
    m_text->setAccessibleName(tr("Search the history"));
    m_text->setToolTip(tr("Finds deliveries whose URL, rule, event or last error contains this "
                          "text. On a large history a search reads every delivery, in the "
                          "background."));
}

} // namespace Kanca

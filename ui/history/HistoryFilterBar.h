#pragma once

#include "history/HistoryFilter.h"
#include "history/HistoryRule.h"

#include <QTimer>
#include <QWidget>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;

namespace Kanca {

// The history's filters in one row: rule, status, time (presets or a custom range) and a
// search text (typing is debounced). Presets are turned into times when the filter is read.
class HistoryFilterBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryFilterBar)

public:
    static constexpr int TypingDelayMs = 300;

    enum class Period { All, LastHour, Today, LastSevenDays, Custom };

    explicit HistoryFilterBar(QWidget *parent = nullptr);

    // The filters as they stand now (order: newest first).
    HistoryFilter filter() const;
    // The rules offered, keeping the one chosen (even if it has no delivery any more).
    void setRules(const QList<HistoryRule> &rules);
    void focusSearch();

Q_SIGNALS:
    void filterChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void periodChanged();

    QLabel *m_ruleLabel;
    QComboBox *m_rule;
    QLabel *m_statusLabel;
    QComboBox *m_status;
    QLabel *m_periodLabel;
    QComboBox *m_period;
    QDateTimeEdit *m_from;
    QLabel *m_toLabel;
    QDateTimeEdit *m_to;
    QLineEdit *m_text;
    QTimer m_typingTimer;
    QList<HistoryRule> m_rules;
};

} // namespace Kanca

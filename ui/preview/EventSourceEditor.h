#pragma once

#include "format/Problem.h"
#include "model/RuleSet.h"

#include <QJsonObject>
#include <QString>
#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace Kanca {

// Where the previewed event comes from: the catalog's Turkish or English sample of the rule's
// event type, or a custom event edited as JSON. The editor always shows the event's JSON (the
// sample pretty-printed); editing it switches to the custom event, and "Reset to sample" goes
// back. Reading a custom event is the owner's work, once per pause in typing: this widget only
// counts edits (customRevision) and shows the problems it is given, with line and column.
class EventSourceEditor final : public QWidget
{
    Q_OBJECT

public:
    enum class Source { TurkishSample, EnglishSample, Custom };

    explicit EventSourceEditor(QWidget *parent = nullptr);
    ~EventSourceEditor() override;

    // The rule's event type: a sample shown is replaced by the sample of this type.
    void setEventType(const QString &eventType);
    const QString &eventType() const { return m_eventType; }

    Source source() const { return m_source; }
    void setSource(Source source);
    // The language of the samples offered first and of "Reset to sample".
    void setSampleLanguage(Language language);

    // The catalog's sample for the event type in the chosen sample language.
    QJsonObject sample() const;
    // The editor's text, and a number that changes with every edit of it.
    QString customText() const;
    // Shows `text` as the custom event (an event chosen elsewhere, such as in a backtest).
    void setCustomText(const QString &text);
    quint64 customRevision() const { return m_revision; }

    // Problems of reading the custom event; shown under the editor ("Line 3, column 5: ...").
    void setProblems(const Problems &problems);
    QString problemText() const;

    QWidget *firstFocusWidget() const;
    QWidget *lastFocusWidget() const;

Q_SIGNALS:
    // The event to preview changed: another source, another sample, or an edit.
    void eventChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void sourceActivated(int index);
    void textEdited();
    void showSampleText();
    void resetToSample();

    QComboBox *m_sourceCombo;
    QPushButton *m_resetButton;
    QPlainTextEdit *m_editor;
    QLabel *m_problems;
    QString m_eventType;
    Source m_source = Source::TurkishSample;
    Language m_sampleLanguage = Language::Turkish;
    QString m_savedCustomText; // the custom event, kept while a sample is shown
    quint64 m_revision = 0;
    bool m_settingText = false;
};

} // namespace Kanca

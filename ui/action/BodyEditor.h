#pragma once

#include "model/WebhookAction.h"

#include <QStringList>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QStackedWidget;
class QToolButton;

namespace Kanca {

class NameValueTable;
class ProblemLabel;
class TemplateEditor;

// The request body: JSON or text as a template (in the payload editor), form fields, or none;
// presets for well-known receivers and "Format JSON".
class BodyEditor final : public QWidget
{
    Q_OBJECT

public:
    explicit BodyEditor(QWidget *parent = nullptr);

    const Body &body() const { return m_body; }
    // Shows this body without emitting bodyEdited(); keeps focus and the text cursor.
    void setBody(const Body &body);
    // Problems of the rule set about the body other than its template (the payload editor
    // finds those itself, as you type).
    void setProblems(const QStringList &messages);

    TemplateEditor *templateEditor() const { return m_editor; }

Q_SIGNALS:
    void bodyEdited(const Kanca::Body &body, const QString &undoText, const QString &mergeKey);
    void presetChosen(const QString &presetId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void rebuildPresetMenu();
    void updatePage();
    void updateTemplateProblems();
    void updateLargeNotice();
    void formatJson();

    Body m_body;
    QLabel *m_formatLabel;
    QComboBox *m_format;
    QLabel *m_contentTypeLabel;
    QLineEdit *m_contentType;
    QToolButton *m_presets;
    QMenu *m_presetMenu;
    QToolButton *m_formatJson;
    QStackedWidget *m_pages;
    TemplateEditor *m_editor;
    ProblemLabel *m_templateProblems;
    QLabel *m_largeNotice; // a payload too large to highlight, and what changes for it
    NameValueTable *m_fields;
    QLabel *m_noBody;
    ProblemLabel *m_problems;
};

} // namespace Kanca

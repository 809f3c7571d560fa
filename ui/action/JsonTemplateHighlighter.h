#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

class QPalette;

namespace Kanca {

// Colours a payload template: JSON keys, strings, numbers, true / false / null and punctuation,
// and every {{placeholder}} (also inside a string) in a style of its own. In plain-text mode
// only the placeholders. The colours come from the palette (EditorColors), so a dark palette
// gets light colours.
class JsonTemplateHighlighter final : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    explicit JsonTemplateHighlighter(QTextDocument *document);

    void setJson(bool json);
    void setPalette(const QPalette &palette);

protected:
    void highlightBlock(const QString &text) override;

private:
    enum State { Normal = 0, InPlaceholder = 1, InPlaceholderInString = 2 };

    qsizetype highlightPlaceholder(const QString &text, qsizetype start, bool inString);
    qsizetype highlightString(const QString &text, qsizetype start);
    void highlightJsonToken(const QString &text, qsizetype *i);

    bool m_json = true;
    QTextCharFormat m_placeholder;
    QTextCharFormat m_key;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_keyword;
    QTextCharFormat m_punctuation;
};

} // namespace Kanca

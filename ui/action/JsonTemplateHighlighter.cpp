#include "action/JsonTemplateHighlighter.h"

#include "action/EditorColors.h"

#include <QGuiApplication>
#include <QPalette>

namespace Kanca {

namespace {

bool startsPlaceholder(const QString &text, qsizetype i)
{
    return i + 1 < text.size() && text[i] == u'{' && text[i + 1] == u'{';
}

bool isNumberChar(QChar c)
{
    return c.isDigit() || c == u'-' || c == u'+' || c == u'.' || c == u'e' || c == u'E';
}

} // namespace

JsonTemplateHighlighter::JsonTemplateHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    setPalette(QGuiApplication::palette());
}

void JsonTemplateHighlighter::setJson(bool json)
{
    if (json == m_json)
        return;
    m_json = json;
    rehighlight();
}

void JsonTemplateHighlighter::setPalette(const QPalette &palette)
{
    m_placeholder = {};
    m_placeholder.setForeground(EditorColors::placeholder(palette));
    m_placeholder.setBackground(EditorColors::placeholderBackground(palette));
    m_placeholder.setFontWeight(QFont::DemiBold);
    m_key = {};
    m_key.setForeground(EditorColors::key(palette));
    m_string = {};
    m_string.setForeground(EditorColors::string(palette));
    m_number = {};
    m_number.setForeground(EditorColors::number(palette));
    m_keyword = {};
    m_keyword.setForeground(EditorColors::keyword(palette));
    m_punctuation = {};
    m_punctuation.setForeground(EditorColors::punctuation(palette));
    rehighlight();
}

void JsonTemplateHighlighter::highlightBlock(const QString &text)
{
    setCurrentBlockState(Normal);
    qsizetype i = 0;
    const int previous = previousBlockState();
    if (previous == InPlaceholder || previous == InPlaceholderInString) {
        // A placeholder that began on an earlier line.
        const qsizetype close = text.indexOf(u"}}");
        const qsizetype end = close < 0 ? text.size() : close + 2;
        setFormat(0, int(end), m_placeholder);
        if (close < 0) {
            setCurrentBlockState(previous);
            return;
        }
        i = end;
        if (previous == InPlaceholderInString && m_json)
            i = highlightString(text, i);
    }
    while (i < text.size() && currentBlockState() == Normal) {
        if (startsPlaceholder(text, i))
            i = highlightPlaceholder(text, i, false);
        else if (!m_json)
            ++i;
        else if (text[i] == u'"')
            i = highlightString(text, i + 1);
        else
            highlightJsonToken(text, &i);
    }
}

// From "{{" to its "}}"; an unclosed one continues on the next line.
qsizetype JsonTemplateHighlighter::highlightPlaceholder(const QString &text, qsizetype start,
                                                        bool inString)
{
    const qsizetype close = text.indexOf(u"}}", start + 2);
    const qsizetype end = close < 0 ? text.size() : close + 2;
    setFormat(int(start), int(end - start), m_placeholder);
    if (close < 0)
        setCurrentBlockState(inString ? InPlaceholderInString : InPlaceholder);
    return end;
}

// The rest of a string whose opening quote is before `start`. A string followed by ":" is a key.
qsizetype JsonTemplateHighlighter::highlightString(const QString &text, qsizetype start)
{
    qsizetype segmentStart = start > 0 && text[start - 1] == u'"' ? start - 1 : start;
    qsizetype i = start;
    while (i < text.size()) {
        if (startsPlaceholder(text, i)) {
            setFormat(int(segmentStart), int(i - segmentStart), m_string);
            i = highlightPlaceholder(text, i, true);
            if (currentBlockState() != Normal)
                return i;
            segmentStart = i;
            continue;
        }
        if (text[i] == u'\\') {
            i += 2;
            continue;
        }
        if (text[i] == u'"') {
            ++i;
            qsizetype next = i;
            while (next < text.size() && text[next].isSpace())
                ++next;
            const bool key = next < text.size() && text[next] == u':';
            setFormat(int(segmentStart), int(i - segmentStart), key ? m_key : m_string);
            return i;
        }
        ++i;
    }
    // A JSON string cannot go on past the end of its line.
    i = std::min(i, text.size());
    setFormat(int(segmentStart), int(i - segmentStart), m_string);
    return i;
}

void JsonTemplateHighlighter::highlightJsonToken(const QString &text, qsizetype *i)
{
    const QChar c = text[*i];
    if (c.isDigit() || c == u'-') {
        qsizetype end = *i + 1;
        while (end < text.size() && isNumberChar(text[end]))
            ++end;
        setFormat(int(*i), int(end - *i), m_number);
        *i = end;
    } else if (c.isLetter()) {
        qsizetype end = *i + 1;
        while (end < text.size() && text[end].isLetter())
            ++end;
        const QStringView word = QStringView(text).mid(*i, end - *i);
        if (word == u"true" || word == u"false" || word == u"null")
            setFormat(int(*i), int(end - *i), m_keyword);
        *i = end;
    } else {
        if (c == u'{' || c == u'}' || c == u'[' || c == u']' || c == u',' || c == u':')
            setFormat(int(*i), 1, m_punctuation);
        ++*i;
    }
}

} // namespace Kanca

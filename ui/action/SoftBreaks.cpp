#include "action/SoftBreaks.h"

#include "editing/LongLineCuts.h"

#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

#include <algorithm>

namespace Kanca::SoftBreaks {

namespace {

constexpr int ContinuationProperty = QTextFormat::UserProperty + 0x50f7;

// The characters QTextCursor::insertText turns into block separators ("\r\n" counts as one).
bool isLineBreak(QChar c)
{
    return c == u'\n' || c == u'\r' || c == QChar::ParagraphSeparator || c == QChar(0xfdd0)
           || c == QChar(0xfdd1);
}

// `plain` (the document's plain text from document position `from` on) without the soft breaks
// at `breaks`.
QString withoutBreaks(const QString &plain, const QList<int> &breaks, int from)
{
    const int to = from + int(plain.size());
    auto it = std::lower_bound(breaks.cbegin(), breaks.cend(), from);
    if (it == breaks.cend() || *it >= to)
        return plain;
    QString result;
    result.reserve(plain.size());
    int copied = from;
    for (; it != breaks.cend() && *it < to; ++it) {
        result += QStringView(plain).mid(copied - from, *it - copied);
        copied = *it + 1;
    }
    result += QStringView(plain).mid(copied - from);
    return result;
}

} // namespace

bool isContinuation(const QTextBlock &block)
{
    return block.isValid() && block.blockFormat().boolProperty(ContinuationProperty);
}

QTextBlockFormat continuationFormat(QTextBlockFormat format, bool continuation)
{
    if (continuation)
        format.setProperty(ContinuationProperty, true);
    else
        format.clearProperty(ContinuationProperty);
    return format;
}

QList<int> positions(const QTextDocument *document)
{
    QList<int> result;
    for (QTextBlock block = document->begin().next(); block.isValid(); block = block.next()) {
        if (isContinuation(block))
            result.append(block.position() - 1);
    }
    return result;
}

QString text(const QTextDocument *document)
{
    return withoutBreaks(document->toPlainText(), positions(document), 0);
}

QString text(const QTextDocument *document, int from, int to)
{
    return withoutBreaks(document->toPlainText().mid(from, to - from), positions(document), from);
}

int toDocument(const QList<int> &breaks, qsizetype offset)
{
    // Break i (from 0) stands before the character of the text as written at breaks[i] - i:
    // count the breaks at or before `offset` (breaks[i] - i never decreases).
    qsizetype low = 0;
    qsizetype high = breaks.size();
    while (low < high) {
        const qsizetype middle = (low + high) / 2;
        if (breaks[middle] - middle <= offset)
            low = middle + 1;
        else
            high = middle;
    }
    return int(offset + low);
}

qsizetype toText(const QList<int> &breaks, int position)
{
    return position
           - (std::lower_bound(breaks.cbegin(), breaks.cend(), position) - breaks.cbegin());
}

qsizetype textLength(const QTextDocument *document)
{
    // Without the final paragraph separator.
    return document->characterCount() - 1 - positions(document).size();
}

qsizetype longestLine(const QTextDocument *document)
{
    qsizetype longest = 0;
    qsizetype line = 0;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        line += block.length() - 1;
        if (!isContinuation(block.next())) {
            longest = std::max(longest, line);
            line = 0;
        }
    }
    return longest;
}

bool mayMakeLongLine(QStringView text, qsizetype lineLength)
{
    qsizetype line = 0;
    for (const QChar c : text) {
        if (isLineBreak(c)) {
            line = 0;
        } else if (++line + lineLength > LongLineCuts::LongLine) {
            return true;
        }
    }
    return false;
}

void insert(QTextCursor &cursor, QStringView text)
{
    cursor.beginEditBlock();
    cursor.removeSelectedText();
    QTextDocument *document = cursor.document();
    const int start = cursor.position();
    const QTextBlockFormat line = continuationFormat(cursor.blockFormat(), false);
    const QTextBlockFormat piece = continuationFormat(line, true);
    qsizetype i = 0;
    while (true) {
        qsizetype end = i;
        while (end < text.size() && !isLineBreak(text[end]))
            ++end;
        const QStringView segment = text.mid(i, end - i);
        qsizetype pieceStart = 0;
        for (const qsizetype cut : LongLineCuts::cuts(segment)) {
            cursor.insertText(segment.mid(pieceStart, cut - pieceStart).toString());
            cursor.insertBlock(piece);
            pieceStart = cut;
        }
        cursor.insertText(segment.mid(pieceStart).toString());
        if (end == text.size())
            break;
        if (text[end] == u'\r' && end + 1 < text.size() && text[end + 1] == u'\n')
            ++end;
        cursor.insertBlock(line);
        i = end + 1;
    }
    // The lines the text was inserted into (its first and last) may have become long.
    cutLongBlock(document, cursor.position());
    cutLongBlock(document, start);
    cursor.endEditBlock();
}

bool cutLongBlock(QTextDocument *document, int position)
{
    const QTextBlock block = document->findBlock(position);
    const QList<qsizetype> cuts = LongLineCuts::cuts(block.text());
    if (cuts.isEmpty())
        return false;
    const QTextBlockFormat piece = continuationFormat(block.blockFormat(), true);
    const int blockStart = block.position();
    QTextCursor cursor(document);
    cursor.beginEditBlock();
    // From the last cut back, so that the positions of the earlier ones stay.
    for (auto cut = cuts.crbegin(); cut != cuts.crend(); ++cut) {
        cursor.setPosition(blockStart + int(*cut));
        cursor.insertBlock(piece);
    }
    cursor.endEditBlock();
    return true;
}

} // namespace Kanca::SoftBreaks

#pragma once

#include <QList>
#include <QString>
#include <QStringView>

class QTextBlock;
class QTextBlockFormat;
class QTextCursor;
class QTextDocument;

namespace Kanca::SoftBreaks {

// The payload editor shows a line of more than LongLineCuts::LongLine characters in pieces, one
// text block each (see LongLineCuts), so that a change lays out one piece instead of the whole
// line. The break between two pieces is "soft": it is not in the text as written. A block that
// continues the line of the block before it carries a property in its block format; Qt keeps
// block formats through undo and redo, and a block that is merged into the one before it takes
// that one's format, so deleting across pieces keeps the marks right by itself. A block split
// off a continuation (Enter, a pasted line break) copies its format and must be made a line of
// its own (lineFormat).

// Whether the break before `block` is soft.
bool isContinuation(const QTextBlock &block);
// `format` marked as a continuation (or not).
QTextBlockFormat continuationFormat(QTextBlockFormat format, bool continuation);

// The document positions of the soft breaks (the separators between pieces), ascending.
QList<int> positions(const QTextDocument *document);
// The text as written: the document's plain text without its soft breaks; between the document
// positions `from` and `to` in the second form.
QString text(const QTextDocument *document);
QString text(const QTextDocument *document, int from, int to);
// An offset into the text as written as a document position, and back (`breaks` from
// positions()). An offset where a soft break is becomes the start of the next piece.
int toDocument(const QList<int> &breaks, qsizetype offset);
qsizetype toText(const QList<int> &breaks, int position);
// Characters of the text as written, counted without copying it.
qsizetype textLength(const QTextDocument *document);
// The length of the longest line as written.
qsizetype longestLine(const QTextDocument *document);
// Whether inserting `text` where a line of `lineLength` characters is may make a line of more
// than LongLine characters.
bool mayMakeLongLine(QStringView text, qsizetype lineLength);

// Inserts `text` as written at the cursor (replacing its selection): its line breaks become
// lines, as QTextCursor::insertText makes them, and a line that becomes longer than LongLine is
// cut into pieces. One undo step with what the caller does in its edit block.
void insert(QTextCursor &cursor, QStringView text);
// Cuts the block at `position` into pieces if it is longer than LongLine; whether it did.
bool cutLongBlock(QTextDocument *document, int position);

} // namespace Kanca::SoftBreaks

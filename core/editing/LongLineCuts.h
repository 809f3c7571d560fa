#pragma once

#include <QList>
#include <QStringView>

namespace Kanca::LongLineCuts {

// A line longer than this is shown in pieces by the payload editor: Qt lays a line (a text
// block) out again as a whole at every change, which costs about a millisecond per thousand
// characters, so typing into a minified body of megabytes on one line would take seconds a key.
constexpr qsizetype LongLine = 10000;
// The longest piece such a line is shown in, about a screen's width of text.
constexpr qsizetype PieceLength = 120;

// Where to cut `line` (without line breaks) into pieces of at most PieceLength characters, as
// offsets into it in ascending order; none for a line of at most LongLine characters. A cut
// goes, where there is one in the second half of a piece, after a "," outside a JSON string
// (so that a minified body shows about one member a row), else after a space; else at the end
// of the piece, but never inside a surrogate pair, before a combining mark or next to a zero
// width joiner. Only where the text is shown changes: the pieces join back exactly.
QList<qsizetype> cuts(QStringView line);

} // namespace Kanca::LongLineCuts

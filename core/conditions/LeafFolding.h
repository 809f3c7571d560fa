#pragma once

#include "model/RuleSet.h"

#include <QByteArrayView>
#include <QString>
#include <QStringView>

// How a condition leaf folds an event's text as its needles were folded (TextCase::fold), on the
// evaluation's hot path: text below U+0300 character by character into a reused buffer, anything
// else through TextCase. Private to core/conditions (ConditionEvaluation).
namespace Kanca::LeafFolding {

// The event's text folded (case-insensitive) or in NFC (case-sensitive). Text made only of
// characters below U+0300 (ASCII, Latin-1 and Latin Extended: all of Turkish, and most event
// data) is already in NFC, since nothing there composes without a combining mark, so it is folded
// character by character into `scratch`: once it is large enough, no memory is allocated.
// Anything else goes through TextCase::fold. The view is valid until `scratch` is used again.
QStringView fold(const QString &text, Language language, bool caseSensitive, QString &scratch);

// As fold(), on text in UTF-8 (the event's compact form holds its texts so): text below U+0300
// (one or two bytes a character) is decoded and folded in one pass, without making a QString of
// it first. Anything else (a character from U+0300 on, a case-sensitive comparison) goes through
// QString::fromUtf8 and fold().
QStringView foldUtf8(QByteArrayView utf8, Language language, bool caseSensitive, QString &scratch);

// The thread's scratch buffer for fold() and foldUtf8().
QString &scratchBuffer();

// Whether the character is a dotted or dotless i of either case (i, I, İ, ı).
bool isAnI(char16_t c);

// Whether the text holds a dotted or dotless i of either case, where a regular expression,
// which knows no Turkish, may need the text's other forms.
bool holdsAnI(QStringView text);

} // namespace Kanca::LeafFolding

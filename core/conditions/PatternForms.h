#pragma once

#include <QString>
#include <QStringView>

#include <optional>

// Whether a `matches` leaf's caseless search must also look in a text's other forms. PCRE2 knows
// no Turkish: its caseless matching pairs i with I, but not with İ, nor ı with I. So when a
// caseless expression is not found in a text that holds an i, the evaluator searches the text
// folded and in capitals too (TextCase::fold, TextCase::toUpper, in the leaf's language), where
// the language's dotted and dotless i agree with the expression's own case. Private to
// core/conditions (ConditionCompiler, ConditionEvaluation).
namespace Kanca::PatternForms {

// A plain expression has no i of any kind (i, I, ı, İ), no class in brackets ("[…]"), no escape
// but of punctuation ("\." for a dot) or of a class or anchor that case does not change ("\d",
// "\s", "\w", "\b"…: CaseBlindClasses, CaseBlindAnchors), and no group that starts with "(?" or
// "(*" (options, such as one that turns caseless matching off, look-arounds, verbs). Such an
// expression, searched caselessly, finds a form of a text exactly where it finds the text itself
// when the forms map each character to one (TextCase::mapsOneToOne): each character then becomes
// one that PCRE2's caseless matching takes as the same, and that is in the same case-blind
// classes, or an i becomes another i, which nothing in a plain expression tells from it.
// tst_conditions checks that for every character below U+0300, and the verdicts against
// searching every form, on random expressions and texts.
bool isPlain(QStringView pattern);

// An expression plain but for its i's, with each i of any kind made to match any i ("[iIİı]"):
// searched caselessly in a text whose forms map it one character to one, it finds the text
// wherever the expression finds the text or one of its forms (it may find more). Where it finds
// nothing, the forms need not be searched. Nothing for any other expression.
std::optional<QString> withAnyI(QStringView pattern);

// The letters that, after a backslash, make a plain expression's classes (a character is in
// each exactly when its other case forms are: tst_conditions checks every one of them) and its
// anchors (which look at the \\w class or at the ends of the text only).
inline constexpr char CaseBlindClasses[] = "dDsSwWhHvV";
inline constexpr char CaseBlindAnchors[] = "bBAzZ";

} // namespace Kanca::PatternForms

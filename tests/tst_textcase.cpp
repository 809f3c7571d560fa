#include "text/TextCase.h"

#include <QTest>

using namespace Kanca;

namespace {

// A text from a UTF-16 literal, all of it: an embedded NUL does not end it.
template<std::size_t N>
QString text(const char16_t (&utf16)[N])
{
    return QString::fromUtf16(utf16, qsizetype(N) - 1);
}

// The code points of a text, for failure messages that show what differs ("U+0131 U+006C").
QString codePoints(const QString &s)
{
    QStringList points;
    for (const char32_t c : s.toUcs4())
        points.append(QStringLiteral("U+%1").arg(uint(c), 4, 16, QLatin1Char('0')).toUpper());
    return points.join(u' ');
}

} // namespace

class TestTextCase : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fold_data();
    void fold();
    void toLower_data();
    void toLower();
    void toUpper_data();
    void toUpper();
    void normalized_data();
    void normalized();
    void nfcIsNormalized();
    void foldIsIdempotent_data();
    void foldIsIdempotent();
    void foldKeepsLongTextIntact();
    void everyCharacterMapsLikeQt();
};

void TestTextCase::fold_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("turkish");
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty, en") << QString() << false << QString();
    QTest::newRow("empty, tr") << QString() << true << QString();
    QTest::newRow("ASCII word, en")
        << QStringLiteral("Hello WORLD") << false << QStringLiteral("hello world");
    QTest::newRow("capital I, en: i") << QStringLiteral("I") << false << QStringLiteral("i");
    QTest::newRow("capital I, tr: dotless ı") << QStringLiteral("I") << true << text(u"ı");
    QTest::newRow("dotted İ, en: i") << text(u"İ") << false << QStringLiteral("i");
    QTest::newRow("dotted İ, tr: i") << text(u"İ") << true << QStringLiteral("i");
    QTest::newRow("dotless ı, en: unchanged") << text(u"ı") << false << text(u"ı");
    QTest::newRow("dotless ı, tr: unchanged") << text(u"ı") << true << text(u"ı");
    QTest::newRow("small i, en") << QStringLiteral("i") << false << QStringLiteral("i");
    QTest::newRow("small i, tr") << QStringLiteral("i") << true << QStringLiteral("i");
    QTest::newRow("ILIK, en: ilik") << QStringLiteral("ILIK") << false << QStringLiteral("ilik");
    QTest::newRow("ILIK, tr: ılık") << QStringLiteral("ILIK") << true << text(u"ılık");
    QTest::newRow("product example, tr")
        << text(u"SİSTEM ÇALIŞMIYOR") << true << text(u"sistem çalışmıyor");
    QTest::newRow("product example, en: I reads as i")
        << text(u"SİSTEM ÇALIŞMIYOR") << false << text(u"sistem çalişmiyor");
    QTest::newRow("İstanbul, tr") << text(u"İSTANBUL") << true << QStringLiteral("istanbul");
    QTest::newRow("decomposed Ş composes, tr") << text(u"S\u0327") << true << text(u"ş");
    QTest::newRow("decomposed ş equals composed, en") << text(u"s\u0327") << false << text(u"ş");
    QTest::newRow("I + combining dot above is İ, tr")
        << text(u"I\u0307") << true << QStringLiteral("i");
    QTest::newRow("I + combining dot above is İ, en")
        << text(u"I\u0307") << false << QStringLiteral("i");
    QTest::newRow("ß stays ß (no full folding)") << text(u"Straße") << false << text(u"straße");
    QTest::newRow("capital ẞ folds to ß") << text(u"\u1E9E") << false << text(u"ß");
    QTest::newRow("final sigma folds like sigma")
        << text(u"ΟΔΟΣ οδος") << false << text(u"οδοσ οδοσ");
    QTest::newRow("Kelvin sign folds to k") << text(u"\u212A") << false << QStringLiteral("k");
    QTest::newRow("Angstrom sign normalises then folds") << text(u"\u212B") << true << text(u"å");
    QTest::newRow("emoji untouched")
        << text(u"👍🏽 OK 🇹🇷") << true << text(u"👍🏽 ok 🇹🇷");
    QTest::newRow("RTL text untouched") << text(u"שלום مرحبا") << false << text(u"שלום مرحبا");
    QTest::newRow("NUL kept") << text(u"A\u0000B") << false << text(u"a\u0000b");
    QTest::newRow("NUL kept, length") << text(u"\u0000I") << true << text(u"\u0000ı");
}

void TestTextCase::fold()
{
    QFETCH(QString, input);
    QFETCH(bool, turkish);
    QFETCH(QString, expected);
    const QString actual = TextCase::fold(input, turkish ? Language::Turkish : Language::English);
    QCOMPARE(codePoints(actual), codePoints(expected));
    QCOMPARE(actual, expected);
}

void TestTextCase::toLower_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("turkish");
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty") << QString() << true << QString();
    QTest::newRow("I, en") << QStringLiteral("I") << false << QStringLiteral("i");
    QTest::newRow("I, tr") << QStringLiteral("I") << true << text(u"ı");
    QTest::newRow("İ, en: plain i, no combining dot") << text(u"İ") << false << QStringLiteral("i");
    QTest::newRow("İ, tr") << text(u"İ") << true << QStringLiteral("i");
    QTest::newRow("ı, en") << text(u"ı") << false << text(u"ı");
    QTest::newRow("i, tr") << QStringLiteral("i") << true << QStringLiteral("i");
    QTest::newRow("IĞDIR, tr") << text(u"IĞDIR") << true << text(u"ığdır");
    QTest::newRow("IĞDIR, en") << text(u"IĞDIR") << false << text(u"iğdir");
    QTest::newRow("decomposed Ş") << text(u"S\u0327EKER") << true << text(u"şeker");
    QTest::newRow("ẞ lowers to ß") << text(u"STRA\u1E9EE") << false << text(u"straße");
    QTest::newRow("emoji untouched") << text(u"😀 A") << false << text(u"😀 a");
}

void TestTextCase::toLower()
{
    QFETCH(QString, input);
    QFETCH(bool, turkish);
    QFETCH(QString, expected);
    const QString actual =
        TextCase::toLower(input, turkish ? Language::Turkish : Language::English);
    QCOMPARE(codePoints(actual), codePoints(expected));
}

void TestTextCase::toUpper_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("turkish");
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty") << QString() << false << QString();
    QTest::newRow("i, en") << QStringLiteral("i") << false << QStringLiteral("I");
    QTest::newRow("i, tr: İ") << QStringLiteral("i") << true << text(u"İ");
    QTest::newRow("ı, en") << text(u"ı") << false << QStringLiteral("I");
    QTest::newRow("ı, tr") << text(u"ı") << true << QStringLiteral("I");
    QTest::newRow("istanbul, tr") << QStringLiteral("istanbul") << true << text(u"İSTANBUL");
    QTest::newRow("istanbul, en") << QStringLiteral("istanbul") << false
                                  << QStringLiteral("ISTANBUL");
    QTest::newRow("ılık, tr") << text(u"ılık") << true << QStringLiteral("ILIK");
    QTest::newRow("decomposed ş") << text(u"s\u0327") << true << text(u"Ş");
    QTest::newRow("ß uppers to SS") << text(u"straße") << false << QStringLiteral("STRASSE");
    QTest::newRow("ß uppers to SS, tr") << text(u"ß") << true << QStringLiteral("SS");
    QTest::newRow("emoji untouched") << text(u"ok 👍") << true << text(u"OK 👍");
}

void TestTextCase::toUpper()
{
    QFETCH(QString, input);
    QFETCH(bool, turkish);
    QFETCH(QString, expected);
    const QString actual =
        TextCase::toUpper(input, turkish ? Language::Turkish : Language::English);
    QCOMPARE(codePoints(actual), codePoints(expected));
}

void TestTextCase::normalized_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("ASCII unchanged") << QStringLiteral("Kanca 1.0") << QStringLiteral("Kanca 1.0");
    QTest::newRow("composed Turkish unchanged") << text(u"Çağrı Ş") << text(u"Çağrı Ş");
    QTest::newRow("S + cedilla composes to Ş") << text(u"S\u0327") << text(u"Ş");
    QTest::newRow("e + acute composes to é") << text(u"e\u0301") << text(u"é");
    QTest::newRow("Angstrom sign is Å") << text(u"\u212B") << text(u"Å");
    QTest::newRow("Ohm sign is Ω") << text(u"\u2126") << text(u"Ω");
    QTest::newRow("Greek question mark is ;") << text(u"\u037E") << QStringLiteral(";");
    QTest::newRow("case kept") << text(u"I\u0307") << text(u"İ");
    QTest::newRow("emoji untouched") << text(u"👍🏽") << text(u"👍🏽");
}

void TestTextCase::normalized()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(codePoints(TextCase::normalized(input)), codePoints(expected));
}

void TestTextCase::nfcIsNormalized()
{
    // nfc() gives what normalized() gives: for the same texts as above, around the blocks of
    // eight it checks at once, and for every character below U+0300 (each its own NFC), where it
    // shares the text instead of copying it.
    QStringList texts{QString(),        text(u"Kanca 1.0"), text(u"Çağrı Ş"), text(u"S\u0327"),
                      text(u"e\u0301"), text(u"\u212B"),    text(u"\u2126"),  text(u"\u037E"),
                      text(u"I\u0307"), text(u"👍🏽"),  text(u"\u0300")};
    for (int at = 0; at < 20; ++at) {
        for (const char16_t mark : {u'\u0300', u'\u0327', u'\u0307'}) {
            QString decomposed(20, u'a');
            decomposed[at] = QChar(mark);
            texts.append(decomposed);
        }
    }
    for (const QString &input : std::as_const(texts))
        QCOMPARE(codePoints(TextCase::nfc(input)), codePoints(TextCase::normalized(input)));
    QString below;
    for (char16_t c = 1; c < 0x0300; ++c)
        below.append(QChar(c));
    QCOMPARE(below.normalized(QString::NormalizationForm_C), below);
    const QString shared = TextCase::nfc(below);
    QCOMPARE(shared, below);
    QVERIFY(shared.isSharedWith(below));
}

void TestTextCase::foldIsIdempotent_data()
{
    QTest::addColumn<QString>("input");
    QTest::newRow("Turkish sentence") << text(u"Işık İçin ÇALIŞIYORUZ");
    QTest::newRow("mixed scripts") << text(u"Straße ΟΔΟΣ Ünal 👍 I\u0307");
}

void TestTextCase::foldIsIdempotent()
{
    QFETCH(QString, input);
    for (const Language language : {Language::English, Language::Turkish}) {
        const QString once = TextCase::fold(input, language);
        QCOMPARE(TextCase::fold(once, language), once);
    }
}

void TestTextCase::foldKeepsLongTextIntact()
{
    QString big(1 << 20, u'A');
    big += text(u"İ");
    const QString folded = TextCase::fold(big, Language::Turkish);
    QCOMPARE(folded.size(), big.size());
    QCOMPARE(folded.at(0), QChar(u'a'));
    QCOMPARE(folded.back(), QChar(u'i'));
}

// TextCase maps text below U+0300 character by character; it must give what the general way
// gives (NFC, the dotted and dotless i, then QString's own conversion) for every character.
void TestTextCase::everyCharacterMapsLikeQt()
{
    for (const Language language : {Language::English, Language::Turkish}) {
        const bool turkish = language == Language::Turkish;
        for (char16_t c = 1; c < 0x0400; ++c) {
            if (QChar(c).isSurrogate())
                continue;
            const QString text = QStringLiteral("aI") + QChar(c) + QStringLiteral("i\u0130\u0131");
            QString lowered = text.normalized(QString::NormalizationForm_C);
            QString uppered = lowered;
            for (QChar &ch : lowered) {
                if (ch == u'I' && turkish)
                    ch = QChar(u'\u0131');
                else if (ch == u'\u0130')
                    ch = QChar(u'i');
            }
            for (QChar &ch : uppered) {
                if (ch == u'i' && turkish)
                    ch = QChar(u'\u0130');
            }
            const QString at = QStringLiteral("U+%1").arg(uint(c), 4, 16, QLatin1Char('0'));
            QVERIFY2(TextCase::fold(text, language) == lowered.toCaseFolded(), qPrintable(at));
            QVERIFY2(TextCase::toUpper(text, language) == uppered.toUpper(), qPrintable(at));
        }
    }
}

QTEST_GUILESS_MAIN(TestTextCase)
#include "tst_textcase.moc"

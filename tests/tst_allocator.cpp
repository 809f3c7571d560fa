// Kanca's programs allocate through mimalloc (kanca_allocator, CMakeLists.txt): this test is
// linked the way they are, and checks that every allocation of the process comes from it, those
// made inside Qt, SQLite's driver and the C++ library included, not only the test's own.
#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QTest>

#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>

#ifdef KANCA_MIMALLOC
#include <mimalloc.h>
#endif

using namespace Qt::StringLiterals;

class TestAllocator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cAndCppAllocationsComeFromMimalloc();
    void qtsAllocationsComeFromMimalloc();

private:
    static bool fromMimalloc(const void *pointer);
};

void TestAllocator::init()
{
#ifndef KANCA_MIMALLOC
    QSKIP("Built with a sanitizer, whose runtime allocates instead of mimalloc.");
#endif
}

bool TestAllocator::fromMimalloc(const void *pointer)
{
#ifdef KANCA_MIMALLOC
    return pointer && mi_is_in_heap_region(pointer);
#else
    Q_UNUSED(pointer);
    return false;
#endif
}

void TestAllocator::cAndCppAllocationsComeFromMimalloc()
{
    // What mimalloc did not allocate is told apart: the stack, a static.
    const int onTheStack = 1;
    static const int notAllocated = 2;
    QVERIFY(!fromMimalloc(&onTheStack));
    QVERIFY(!fromMimalloc(&notAllocated));

    for (const std::size_t size : {std::size_t(24), std::size_t(8 * 1024 * 1024)}) {
        const std::unique_ptr<char, decltype(&std::free)> block(
            static_cast<char *>(std::malloc(size)), &std::free);
        QVERIFY(block);
        std::memset(block.get(), 1, size);
        QVERIFY2(fromMimalloc(block.get()), qPrintable(QString::number(size)));
    }

    const auto object = std::make_unique<std::string>(200, 'x');
    QVERIFY(fromMimalloc(object.get()));
    QVERIFY(fromMimalloc(object->data()));
}

void TestAllocator::qtsAllocationsComeFromMimalloc()
{
    // Allocated by libQt6Core's code, not this file's.
    const QByteArray bytes(1000, 'k');
    QVERIFY(fromMimalloc(bytes.constData()));
    const QString text = QString::number(12345678901234LL).repeated(20);
    QVERIFY(fromMimalloc(text.constData()));
    const QJsonDocument document =
        QJsonDocument::fromJson(R"({"event": {"type": "chat.opened", "tags": ["a", "b"]}})");
    const QByteArray written = document.toJson(QJsonDocument::Compact);
    QVERIFY(fromMimalloc(written.constData()));

    // SQLite, through Qt's driver: a row read back is SQLite's copy, then Qt's.
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"allocator"_s);
        db.setDatabaseName(u":memory:"_s);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(u"SELECT printf('%.*c', 5000, 'x')"_s));
        QVERIFY(query.next());
        const QString value = query.value(0).toString();
        QCOMPARE(value.size(), 5000);
        QVERIFY(fromMimalloc(value.constData()));
    }
    QSqlDatabase::removeDatabase(u"allocator"_s);
}

QTEST_GUILESS_MAIN(TestAllocator)
#include "tst_allocator.moc"

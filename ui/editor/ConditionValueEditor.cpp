#include "editor/ConditionValueEditor.h"

#include "editor/ProblemMarker.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QEvent>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QRegularExpression>
#include <QSignalBlocker>
#include <QTimeZone>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Kanca {

namespace {

const QDateTime &noDateTime()
{
    static const QDateTime none(QDate(2000, 1, 1), QTime(0, 0), QTimeZone::utc());
    return none;
}

QDateTime parseDateTime(const QJsonValue &value)
{
    const QString text = value.toString().trimmed();
    QDateTime result = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!result.isValid()) {
        const QDate date = QDate::fromString(text, Qt::ISODate);
        if (date.isValid())
            result = date.startOfDay(QTimeZone::utc());
    }
    if (result.isValid() && result.timeSpec() == Qt::LocalTime)
        result.setTimeZone(QTimeZone::utc()); // no offset: UTC, as the engine reads it
    return result.isValid() ? result.toUTC() : QDateTime();
}

} // namespace

ConditionValueEditor::ConditionValueEditor(Kind kind, const FieldInfo *field, QWidget *parent)
    : QWidget(parent)
    , m_kind(kind)
{
    setObjectName(u"conditionValueEditor"_s);
    if (field)
        m_field = *field;
    createEditor();
    retranslateUi();
}

void ConditionValueEditor::createEditor()
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins({});
    switch (m_kind) {
    case Kind::None:
        return;
    case Kind::DateTime:
        m_dateTimeEdit = new QDateTimeEdit(this);
        m_dateTimeEdit->setTimeSpec(Qt::UTC);
        m_dateTimeEdit->setDisplayFormat(u"yyyy-MM-dd HH:mm:ss"_s);
        m_dateTimeEdit->setCalendarPopup(true);
        m_dateTimeEdit->setMinimumDateTime(noDateTime());
        m_dateTimeEdit->setDateTime(noDateTime());
        connect(m_dateTimeEdit, &QDateTimeEdit::dateTimeChanged, this,
                [this](const QDateTime &dateTime) {
                    m_value = dateTime == noDateTime()
                                  ? QJsonValue(QJsonValue::Undefined)
                                  : QJsonValue(dateTime.toUTC().toString(Qt::ISODate));
                    Q_EMIT valueEdited(m_value);
                });
        m_editor = m_dateTimeEdit;
        break;
    case Kind::Choice:
        m_choice = new QComboBox(this);
        connect(m_choice, &QComboBox::activated, this, [this] {
            m_value = m_choice->currentData().toString();
            Q_EMIT valueEdited(m_value);
        });
        m_editor = m_choice;
        break;
    case Kind::ChoiceList:
        m_choiceList = new QListWidget(this);
        m_choiceList->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
        m_choiceList->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Maximum);
        connect(m_choiceList, &QListWidget::itemChanged, this, [this] {
            m_value = checkedChoices();
            Q_EMIT valueEdited(m_value);
        });
        m_editor = m_choiceList;
        break;
    case Kind::Text:
    case Kind::TextList:
    case Kind::Number:
    case Kind::NumberList:
    case Kind::Pattern:
        m_lineEdit = new QLineEdit(this);
        m_lineEdit->setClearButtonEnabled(m_kind != Kind::Pattern);
        connect(m_lineEdit, &QLineEdit::textEdited, this, &ConditionValueEditor::textEdited);
        m_editor = m_lineEdit;
        break;
    }
    m_editor->setObjectName(u"conditionValue"_s);
    setFocusProxy(m_editor);
    layout->addWidget(m_editor);
    if (m_kind == Kind::Pattern) {
        m_patternStatus = new QLabel(this);
        m_patternStatus->setObjectName(u"conditionRegexStatus"_s);
        m_patternStatus->setWordWrap(true);
        m_patternStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_patternStatus->hide();
        layout->addWidget(m_patternStatus);
    }
}

void ConditionValueEditor::retranslateUi()
{
    if (!m_editor)
        return;
    m_editor->setAccessibleName(tr("Value"));
    const QString from = m_field && m_field->minimum ? formatNumber(*m_field->minimum) : QString();
    const QString to = m_field && m_field->maximum ? formatNumber(*m_field->maximum) : QString();
    switch (m_kind) {
    case Kind::None:
        break;
    case Kind::Text:
        m_lineEdit->setPlaceholderText(m_field && m_field->type == FieldType::TextList
                                           ? tr("One tag, e.g. VIP")
                                           : tr("Value"));
        break;
    case Kind::TextList:
        m_lineEdit->setPlaceholderText(tr("Values, separated by commas"));
        break;
    case Kind::Number:
        if (!from.isEmpty() && !to.isEmpty())
            m_lineEdit->setPlaceholderText(tr("A number from %1 to %2").arg(from, to));
        else if (!from.isEmpty())
            m_lineEdit->setPlaceholderText(tr("A number, at least %1").arg(from));
        else
            m_lineEdit->setPlaceholderText(tr("A number"));
        break;
    case Kind::NumberList:
        m_lineEdit->setPlaceholderText(tr("Numbers, separated by “%1”").arg(listSeparator()));
        break;
    case Kind::Pattern:
        m_lineEdit->setPlaceholderText(tr("Regular expression, e.g. %1").arg(u"^(demo|fiyat)"_s));
        updatePatternStatus();
        break;
    case Kind::DateTime:
        m_dateTimeEdit->setSpecialValueText(tr("Choose a date and time"));
        ProblemMarker::setToolTip(m_dateTimeEdit, tr("Date and time in UTC"));
        break;
    case Kind::Choice:
        m_choice->setPlaceholderText(tr("Choose a value"));
        break;
    case Kind::ChoiceList:
        ProblemMarker::setToolTip(m_choiceList, tr("Tick every value that counts"));
        break;
    }
}

void ConditionValueEditor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ConditionValueEditor::setValue(const QJsonValue &value)
{
    // Input that is not applied stays while the value behind it is unchanged.
    if (!m_invalidInput.isEmpty() && value == m_value)
        return;
    m_value = value;
    m_invalidInput.clear();
    if (m_lineEdit) {
        QString ignored;
        const std::optional<QJsonValue> shown = parseText(m_lineEdit->text(), &ignored);
        if (!shown || *shown != value)
            m_lineEdit->setText(format(value));
        if (m_patternStatus)
            updatePatternStatus();
    } else if (m_dateTimeEdit) {
        const QDateTime dateTime = value.isString() ? parseDateTime(value) : QDateTime();
        const QDateTime target = dateTime.isValid() ? dateTime : noDateTime();
        if (m_dateTimeEdit->dateTime() != target) {
            const QSignalBlocker blocker(m_dateTimeEdit);
            m_dateTimeEdit->setDateTime(target);
        }
    } else if (m_choice) {
        fillChoices(value);
    } else if (m_choiceList) {
        if (checkedChoices() != value)
            fillChoices(value);
    }
    refreshMark();
}

void ConditionValueEditor::setProblems(const Problems &problems)
{
    m_problems = problems;
    refreshMark();
}

QList<QWidget *> ConditionValueEditor::focusWidgets() const
{
    return m_editor ? QList<QWidget *>{m_editor} : QList<QWidget *>{};
}

void ConditionValueEditor::textEdited(const QString &text)
{
    QString message;
    const std::optional<QJsonValue> value = parseText(text, &message);
    if (m_patternStatus)
        updatePatternStatus();
    if (!value) {
        m_invalidInput = message;
        refreshMark();
        return;
    }
    m_invalidInput.clear();
    refreshMark();
    m_value = *value;
    Q_EMIT valueEdited(*value);
}

std::optional<QJsonValue> ConditionValueEditor::parseText(const QString &text,
                                                          QString *message) const
{
    const QJsonValue none(QJsonValue::Undefined);
    switch (m_kind) {
    case Kind::Number: {
        if (text.trimmed().isEmpty())
            return none;
        const std::optional<double> number = parseNumber(text, message);
        return number ? std::optional<QJsonValue>(*number) : std::nullopt;
    }
    case Kind::NumberList:
    case Kind::TextList: {
        QJsonArray list;
        const QChar separator = m_kind == Kind::NumberList ? listSeparator() : u',';
        for (const QString &part : text.split(separator, Qt::SkipEmptyParts)) {
            const QString item = part.trimmed();
            if (item.isEmpty())
                continue;
            if (m_kind == Kind::TextList) {
                list.append(item);
                continue;
            }
            const std::optional<double> number = parseNumber(item, message);
            if (!number)
                return std::nullopt;
            list.append(*number);
        }
        return list.isEmpty() ? none : QJsonValue(list);
    }
    default:
        return text.isEmpty() ? none : QJsonValue(text);
    }
}

QString ConditionValueEditor::format(const QJsonValue &value) const
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return formatNumber(value.toDouble());
    if (value.isArray()) {
        QStringList parts;
        for (const QJsonValue &item : value.toArray())
            parts.append(item.isDouble() ? formatNumber(item.toDouble()) : format(item));
        const QChar separator = m_kind == Kind::NumberList ? listSeparator() : u',';
        return parts.join(QString(separator) + u' ');
    }
    if (value.isUndefined() || value.isNull())
        return {};
    return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact))
        .mid(1)
        .chopped(1);
}

std::optional<double> ConditionValueEditor::parseNumber(const QString &text, QString *message) const
{
    QLocale locale;
    locale.setNumberOptions(QLocale::RejectGroupSeparator);
    bool ok = false;
    double number = locale.toDouble(text.trimmed(), &ok);
    if (!ok)
        number = QLocale::c().toDouble(text.trimmed(), &ok);
    if (!ok) {
        *message = tr("“%1” is not a number.").arg(text.trimmed());
        return std::nullopt;
    }
    const bool low = m_field && m_field->minimum && number < *m_field->minimum;
    const bool high = m_field && m_field->maximum && number > *m_field->maximum;
    if (low || high) {
        if (m_field->minimum && m_field->maximum)
            *message = tr("Enter a number from %1 to %2.")
                           .arg(formatNumber(*m_field->minimum), formatNumber(*m_field->maximum));
        else if (low)
            *message = tr("Enter a number of at least %1.").arg(formatNumber(*m_field->minimum));
        else
            *message = tr("Enter a number of at most %1.").arg(formatNumber(*m_field->maximum));
        return std::nullopt;
    }
    return number;
}

QString ConditionValueEditor::formatNumber(double number) const
{
    QLocale locale;
    locale.setNumberOptions(QLocale::OmitGroupSeparator);
    return locale.toString(number, 'g', QLocale::FloatingPointShortest);
}

QChar ConditionValueEditor::listSeparator() const
{
    // Where the decimal point is a comma (Turkish: 4,5), numbers are separated by semicolons.
    return QLocale().decimalPoint() == u"," ? u';' : u',';
}

void ConditionValueEditor::updatePatternStatus()
{
    const QString pattern = m_lineEdit->text();
    if (pattern.isEmpty()) {
        m_patternStatus->hide();
        return;
    }
    const QRegularExpression expression(pattern, QRegularExpression::UseUnicodePropertiesOption);
    QPalette palette = m_patternStatus->palette();
    if (expression.isValid()) {
        m_patternStatus->setText(tr("Valid regular expression."));
        palette.setColor(QPalette::WindowText, palette.color(QPalette::PlaceholderText));
    } else {
        m_patternStatus->setText(tr("Invalid regular expression: %1 at character %2.")
                                     .arg(expression.errorString(),
                                          QString::number(expression.patternErrorOffset() + 1)));
        palette.setColor(QPalette::WindowText,
                         ProblemMarker::color(palette, Problem::Severity::Error));
    }
    m_patternStatus->setPalette(palette);
    m_patternStatus->show();
}

void ConditionValueEditor::fillChoices(const QJsonValue &value)
{
    QStringList values = m_field ? m_field->allowedValues : QStringList();
    QStringList chosen;
    if (value.isArray()) {
        for (const QJsonValue &item : value.toArray())
            chosen.append(format(item));
    } else if (!value.isUndefined() && !value.isNull()) {
        chosen.append(format(value));
    }
    for (const QString &text : std::as_const(chosen)) {
        if (!values.contains(text))
            values.append(text); // from a file: shown, and marked by its problem
    }
    if (m_choice) {
        const QSignalBlocker blocker(m_choice);
        QStringList shown;
        for (int i = 0; i < m_choice->count(); ++i)
            shown.append(m_choice->itemText(i));
        if (shown != values) {
            m_choice->clear();
            for (const QString &text : std::as_const(values))
                m_choice->addItem(text, text);
        }
        m_choice->setCurrentIndex(chosen.isEmpty() ? -1 : m_choice->findData(chosen.first()));
        return;
    }
    const QSignalBlocker blocker(m_choiceList);
    m_choiceList->clear();
    for (const QString &text : values) {
        auto *item = new QListWidgetItem(text, m_choiceList);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(chosen.contains(text) ? Qt::Checked : Qt::Unchecked);
    }
}

QJsonValue ConditionValueEditor::checkedChoices() const
{
    QJsonArray checked;
    for (int row = 0; row < m_choiceList->count(); ++row) {
        const QListWidgetItem *item = m_choiceList->item(row);
        if (item->checkState() == Qt::Checked)
            checked.append(item->text());
    }
    return checked.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(checked);
}

void ConditionValueEditor::refreshMark()
{
    if (!m_editor)
        return;
    if (m_invalidInput.isEmpty())
        ProblemMarker::mark(m_editor, m_problems);
    else
        ProblemMarker::markInvalidInput(m_editor, m_invalidInput);
}

} // namespace Kanca

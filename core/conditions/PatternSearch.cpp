#include "conditions/PatternSearch.h"

#define PCRE2_CODE_UNIT_WIDTH 16
#include <pcre2.h>

namespace Kanca {

namespace {

// As QRegularExpression compiles an expression: UTF always, its pattern options as PCRE2's.
uint32_t compileOptions(QRegularExpression::PatternOptions options)
{
    uint32_t pcre = PCRE2_UTF;
    if (options.testFlag(QRegularExpression::CaseInsensitiveOption))
        pcre |= PCRE2_CASELESS;
    if (options.testFlag(QRegularExpression::DotMatchesEverythingOption))
        pcre |= PCRE2_DOTALL;
    if (options.testFlag(QRegularExpression::MultilineOption))
        pcre |= PCRE2_MULTILINE;
    if (options.testFlag(QRegularExpression::ExtendedPatternSyntaxOption))
        pcre |= PCRE2_EXTENDED;
    if (options.testFlag(QRegularExpression::InvertedGreedinessOption))
        pcre |= PCRE2_UNGREEDY;
    if (options.testFlag(QRegularExpression::DontCaptureOption))
        pcre |= PCRE2_NO_AUTO_CAPTURE;
    if (options.testFlag(QRegularExpression::UseUnicodePropertiesOption))
        pcre |= PCRE2_UCP;
    return pcre;
}

// What a thread searches with: match data for the whole match only (a search asks whether,
// not where or what it captured) and a match context whose JIT stack grows from 32 KiB to
// 512 KiB, as QRegularExpression's does.
class ThreadSearch
{
public:
    ThreadSearch()
        : m_data(pcre2_match_data_create(1, nullptr))
        , m_context(pcre2_match_context_create(nullptr))
        , m_stack(pcre2_jit_stack_create(32 * 1024, 512 * 1024, nullptr))
    {
        if (m_context && m_stack)
            pcre2_jit_stack_assign(m_context, nullptr, m_stack);
    }
    ~ThreadSearch()
    {
        pcre2_jit_stack_free(m_stack);
        pcre2_match_context_free(m_context);
        pcre2_match_data_free(m_data);
    }
    ThreadSearch(const ThreadSearch &) = delete;
    ThreadSearch &operator=(const ThreadSearch &) = delete;

    bool ready() const { return m_data && m_context && m_stack; }
    pcre2_match_data *data() const { return m_data; }
    pcre2_match_context *context() const { return m_context; }

private:
    pcre2_match_data *m_data;
    pcre2_match_context *m_context;
    pcre2_jit_stack *m_stack;
};

} // namespace

PatternSearch::PatternSearch(const QRegularExpression &regex)
{
    if (!regex.isValid())
        return;
    const QString pattern = regex.pattern();
    int errorCode = 0;
    PCRE2_SIZE errorOffset = 0;
    pcre2_code *code =
        pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.utf16()), PCRE2_SIZE(pattern.size()),
                      compileOptions(regex.patternOptions()), &errorCode, &errorOffset, nullptr);
    if (!code)
        return;
    pcre2_jit_compile(code, PCRE2_JIT_COMPLETE); // without the JIT (not built in), it interprets
    m_code = std::shared_ptr<pcre2_real_code_16>(code, &pcre2_code_free);
}

ConditionVerdict PatternSearch::search(QStringView subject, bool wellFormed) const
{
    thread_local const ThreadSearch thread;
    if (!m_code || !thread.ready())
        return ConditionVerdict::Undecided;
    // An empty view may have no data; PCRE2 takes a null subject only with a zero length.
    static const char16_t empty = 0;
    const auto *text = subject.isEmpty() ? reinterpret_cast<PCRE2_SPTR>(&empty)
                                         : reinterpret_cast<PCRE2_SPTR>(subject.utf16());
    const int result =
        pcre2_match(m_code.get(), text, PCRE2_SIZE(subject.size()), 0,
                    wellFormed ? PCRE2_NO_UTF_CHECK : 0, thread.data(), thread.context());
    // 0: matched, with more captures than the match data holds.
    if (result >= 0)
        return ConditionVerdict::True;
    return result == PCRE2_ERROR_NOMATCH ? ConditionVerdict::False : ConditionVerdict::Undecided;
}

} // namespace Kanca

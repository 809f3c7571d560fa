<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="tr_TR">
<context>
    <name>Catalog</name>
    <message>
        <source>line %1, column %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the document is not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown key %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be an array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be a non-empty text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there are no events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an event must be an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a field must be an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an operator must be an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>operator %1 is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>malformed event id %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown group %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate event id %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>malformed field path %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate field path %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown type %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a field of type &quot;oneOf&quot; needs a non-empty array &quot;values&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;values&quot; must hold non-empty texts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate value %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only a field of type &quot;oneOf&quot; has &quot;values&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only a field of type &quot;number&quot; has &quot;minimum&quot; or &quot;maximum&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;minimum&quot; is greater than &quot;maximum&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;personal&quot; must be true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown operator %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate operator %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;appliesTo&quot; is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown type %1 in &quot;appliesTo&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not a text)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate type %1 in &quot;appliesTo&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 belongs in each event&apos;s sample, not in the base</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not an event of the catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a sample must be an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;type&quot; is %1, not the event&apos;s id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no sample for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a part of an event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a part of an event must be an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a field of the catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a list of texts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected one of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is less than the minimum, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is greater than the maximum, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an ISO 8601 date-time with a time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown field type</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Kanca %1: design, test and ship webhook rules.

Usage: kanca COMMAND [OPTIONS]

Commands:
  validate FILE...   check rule sets and list every problem
  render FILE ...    show the requests a rule set would send for an event
  help [COMMAND]     show this help, or a command&apos;s

Run &quot;kanca COMMAND --help&quot; for a command&apos;s options.

Secrets: a rule set names its secrets ({&quot;secret&quot;: &quot;CRM_TOKEN&quot;}); the command line
reads their values from environment variables, KANCA_SECRET_CRM_TOKEN for
CRM_TOKEN.

Exit status:
  0  success
  1  invalid input: a rule set, an event or a file has problems (listed on
     standard error as FILE:LINE:COL: /json/pointer: message); nothing was done
  2  usage error: the command line itself is wrong
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kanca help: unknown command &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kanca: unknown command &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompiledRuleSet</name>
    <message>
        <source>rule id &quot;%1&quot; is not valid: use 1 to 64 letters, digits, dots, dashes or underscores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rule id &quot;%1&quot; is already used by rule %2: ids must be unique</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a rule needs a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown event &quot;%1&quot;%2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventInput</name>
    <message>
        <source>%1: cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--sample: unknown event type &quot;%1&quot;%2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventReader</name>
    <message>
        <source>not valid JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an event is a JSON object such as {&quot;type&quot;: &quot;chat.opened&quot;, …}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the event has no &quot;type&quot; (such as &quot;chat.opened&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the event&apos;s &quot;type&quot; must be a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown event type &quot;%1&quot;%2: no rule will fire for it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;occurredAt&quot; is not an ISO 8601 date-time such as &quot;2026-11-21T10:30:00Z&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JsonLocator</name>
    <message>
        <source>duplicate key &quot;%1&quot;: a key may appear once in an object</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Kanca::CompiledAction</name>
    <message>
        <source>%1 at %2:%3 of the template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a secret is required here: {&quot;secret&quot;: &quot;NAME&quot;}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the secret name &quot;%1&quot; is not valid: use capital letters, digits and &quot;_&quot;, at most 64 of them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown method &quot;%1&quot;%2: use GET, POST, PUT, PATCH or DELETE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the URL must start with http:// or https://</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the header name is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the header name &quot;%1&quot; is not valid: use letters, digits and ! # $ % &amp; &apos; * + - . ^ _ ` | ~</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the header &quot;%1&quot; is set when the request is sent; remove it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the header &quot;%1&quot; is set by the action&apos;s authentication; remove it from the headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the header &quot;%1&quot; is set by the action&apos;s signing; remove it from the headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the user name cannot hold &quot;:&quot; or a control character</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the header &quot;%1&quot; is set by the action&apos;s signing; choose another name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the signature prefix cannot hold a line break or another control character</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a %1 request has no body: remove the body or use POST, PUT or PATCH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the content type cannot hold a line break or another control character</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the form field name is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the timeout must be between 1 and 600000 ms (10 minutes), not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the number of attempts must be between 1 and 100, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the first retry delay cannot be negative (%1 ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the longest retry delay (%1 ms) cannot be shorter than the first (%2 ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the body is not valid JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>secret &quot;%1&quot; is not set (set %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>secret &quot;%1&quot; holds a line break or another control character and cannot go in a header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>secret &quot;%1&quot; is not a Standard Webhooks secret: &quot;whsec_&quot; followed by base64</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standard Webhooks signing needs a delivery id</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Kanca::CompiledCondition</name>
    <message>
        <source>Conditions are nested more than %1 levels deep; simplify this condition.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&quot;not&quot; must hold exactly one condition, not %n.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>A condition needs a field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown field &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown field &quot;%1&quot;. Did you mean &quot;%2&quot;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The operator &quot;%1&quot; does not apply to the text field &quot;%2&quot;; use one of: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The operator &quot;%1&quot; does not apply to the list field &quot;%2&quot;; use one of: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The operator &quot;%1&quot; does not apply to the field &quot;%2&quot;, which holds one of a fixed set of values; use one of: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The operator &quot;%1&quot; does not apply to the number field &quot;%2&quot;; use one of: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The operator &quot;%1&quot; does not apply to the date-time field &quot;%2&quot;; use one of: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The operator &quot;%1&quot; takes no value; remove &quot;value&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The operator &quot;%1&quot; needs a value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The operator &quot;%1&quot; needs a list of values, such as [&quot;a&quot;, &quot;b&quot;].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value must be a number, such as 42.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value must be a date and time, such as &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value must be text in quotes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a value of &quot;%2&quot;; use one of: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a value of &quot;%2&quot;. Did you mean &quot;%4&quot;? The values are: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value of &quot;matches&quot; must be a regular expression in quotes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid regular expression: %1 at character %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is below the smallest value of &quot;%2&quot;, %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is above the largest value of &quot;%2&quot;, %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Kanca::Suggest</name>
    <message>
        <source> (did you mean &quot;%1&quot;?)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Kanca::Template</name>
    <message>
        <source>a URL cannot hold a space or a control character; write a space as %20</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a header value cannot hold a line break or another control character</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unclosed &quot;{{&quot;: a placeholder ends with &quot;}}&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the quoted argument is not closed with &quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty placeholder: write a field path between the braces, e.g. {{contact.fullname}}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a placeholder starts with a field path, e.g. {{contact.fullname | upper}}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected &quot;%1&quot; in the placeholder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown field &quot;%1&quot;%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected &quot;%1&quot; in the placeholder: filters follow a &quot;|&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a filter name is missing after &quot;|&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown filter &quot;%1&quot;%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown escape in a quoted argument: only \&quot; and \\ are allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an argument in quotes or a whole number must follow &quot;:&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the filter &quot;%1&quot; takes no argument</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the filter &quot;default&quot; needs a text in quotes, e.g. default:&quot;unknown&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the filter &quot;date&quot; needs a date format in quotes, e.g. date:&quot;yyyy-MM-dd&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the filter &quot;truncate&quot; needs a number of characters, e.g. truncate:100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the length of &quot;truncate&quot; must be a whole number of at least 1, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a placeholder cannot stand inside a backslash escape of a JSON string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the body is not valid JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the filter &quot;date&quot; needs a date-time (ISO 8601), but &quot;%1&quot; is &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RenderCommand</name>
    <message>
        <source>Usage: kanca render FILE --event EVENT.json|- [--lang en|tr] [--explain] [--show-secrets]
       kanca render FILE --sample EVENT_TYPE [--lang en|tr] [--explain] [--show-secrets]

Evaluates the rule set FILE against one event and prints, as one JSON array on
standard output, the request each action of every enabled matching rule would send,
in rule order:
  {&quot;rule&quot;: ID, &quot;action&quot;: INDEX, &quot;matched&quot;: true, &quot;method&quot;: ..., &quot;url&quot;: ...,
   &quot;headers&quot;: [{&quot;name&quot;: ..., &quot;value&quot;: ...}], &quot;body&quot;: &quot;...&quot;}
Nothing is sent.

Options:
  --event FILE     the event as JSON ({&quot;type&quot;: &quot;chat.opened&quot;, ...}); - reads standard input
  --sample TYPE    the built-in sample event of TYPE (such as chat.opened)
  --lang en|tr     the language of the sample and of the explanations
                   (default: the rule set&apos;s locale)
  --explain        list rules that do not match too (&quot;matched&quot;: false, with a
                   &quot;reason&quot;), and give every object a &quot;trace&quot; of its conditions
  --show-secrets   print secret header values (Authorization, secret headers) in clear;
                   without it they are masked

Secrets named in the rule set are read from the environment variables
KANCA_SECRET_&lt;NAME&gt;; a missing one is an error that names it.

Exit status: 0 on success, 1 if the rule set or the event is invalid or a request cannot
be rendered (problems on standard error, as kanca validate prints them), 2 on a usage
error.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name exactly one rule set file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give either --event or --sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--lang takes &quot;en&quot; or &quot;tr&quot;, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RuleSetLoader</name>
    <message>
        <source>no such file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is a folder, not a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is %1 MB; files larger than %2 MB are not read</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RuleSetReader</name>
    <message>
        <source>null</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a string, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be true or false, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a whole number, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a list, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an object, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown key &quot;%1&quot;%2: a file exported for a server holds only the keys of format version 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown key &quot;%1&quot;%2: it is ignored, and lost when the rule set is saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be &quot;kanca.ruleset&quot;: this is not a Kanca rule set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a whole number such as 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this file is format version %1; this Kanca reads version %2 and older. Open it with a newer Kanca.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown locale &quot;%1&quot;: use &quot;en&quot; or &quot;tr&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a rule must be an object, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a condition object, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a rule needs at least one action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an action must be an object, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>conditions are nested more than %1 levels deep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a condition needs one of &quot;all&quot;, &quot;any&quot;, &quot;not&quot; or &quot;field&quot;%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a condition is a group (&quot;all&quot; or &quot;any&quot;), a negation (&quot;not&quot;) or a comparison (&quot;field&quot;), not several: this one has %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown operator &quot;%1&quot;%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a secret reference such as {&quot;secret&quot;: &quot;CRM_TOKEN&quot;}: a rule set never holds a secret&apos;s value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown action type &quot;%1&quot;: format version 1 knows &quot;webhook&quot;%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an object with &quot;name&quot; and &quot;value&quot;, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown auth type &quot;%1&quot;%2: use none, basic, bearer or header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown encoding &quot;%1&quot;: use &quot;hex&quot; or &quot;base64&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown signing type &quot;%1&quot;%2: use none, standard-webhooks or hmac-sha256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown body format &quot;%1&quot;%2: use json, text or form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not valid JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a rule set is a JSON object, this document is a list</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RuleSetWriter</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ValidateCommand</name>
    <message>
        <source>Usage: kanca validate [--strict] FILE...

Checks rule sets of format version 1. For each valid file prints one line of
summary on standard output; for each problem prints one line on standard error:
  FILE:LINE:COL: /json/pointer: message
or, where the position is not known,
  FILE: /json/pointer: message

Options:
  --strict   treat unknown keys as errors, as for a file exported for a server
             (without it they are warnings)

Exit status: 0 if every file is valid, 1 if any is not, 2 on a usage error.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kanca validate: name at least one file</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: valid: &quot;%2&quot;, locale %3, %n rule(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n enabled</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n action(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>secrets: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

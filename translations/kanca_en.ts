<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CatchCommand</name>
    <message numerus="yes">
        <source>kanca catch: stopped after %n request(s)</source>
        <translation>
            <numerusform>kanca catch: stopped after %n request</numerusform>
            <numerusform>kanca catch: stopped after %n requests</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeliverCommand</name>
    <message numerus="yes">
        <source>%n delivery(ies) are being sent by another program on this history right now; they were left to it.</source>
        <translation>
            <numerusform>%n delivery is being sent by another program on this history right now; it was left to it.</numerusform>
            <numerusform>%n deliveries are being sent by another program on this history right now; they were left to it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FleetCommand</name>
    <message numerus="yes">
        <source>%n rule set(s) in the fleet: a half-finished roll-out?</source>
        <translation>
            <numerusform>%n rule set in the fleet: a half-finished roll-out?</numerusform>
            <numerusform>%n rule sets in the fleet: a half-finished roll-out?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n worker(s)</source>
        <translation>
            <numerusform>%n worker</numerusform>
            <numerusform>%n workers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n running worker(s), all on the rule set %1.</source>
        <translation>
            <numerusform>%n running worker, on the rule set %1.</numerusform>
            <numerusform>%n running workers, all on the rule set %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n worker(s) stale: no report for 30 s or more (died, hung, or cut off from the database).</source>
        <translation>
            <numerusform>%n worker stale: no report for 30 s or more (died, hung, or cut off from the database).</numerusform>
            <numerusform>%n workers stale: no report for 30 s or more (died, hung, or cut off from the database).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n worker(s) gone: the process stopped without removing itself (killed or crashed); the deliveries it held are taken over.</source>
        <translation>
            <numerusform>%n worker gone: the process stopped without removing itself (killed or crashed); the deliveries it held are taken over.</numerusform>
            <numerusform>%n workers gone: the processes stopped without removing themselves (killed or crashed); the deliveries they held are taken over.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Kanca::CatcherPanel</name>
    <message numerus="yes">
        <source>%n request(s)</source>
        <translation>
            <numerusform>%n request</numerusform>
            <numerusform>%n requests</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dropped (oldest)</source>
        <translation>
            <numerusform>%n dropped (oldest)</numerusform>
            <numerusform>%n dropped (oldest)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n malformed</source>
        <translation>
            <numerusform>%n malformed</numerusform>
            <numerusform>%n malformed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Kanca::ComparisonView</name>
    <message numerus="yes">
        <source>✗ %n difference(s): </source>
        <translation>
            <numerusform>✗ %n difference: </numerusform>
            <numerusform>✗ %n differences: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Body: ✓ the same %n byte(s).</source>
        <translation>
            <numerusform>Body: ✓ the same %n byte.</numerusform>
            <numerusform>Body: ✓ the same %n bytes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n difference(s): </source>
        <translation>
            <numerusform>%n difference: </numerusform>
            <numerusform>%n differences: </numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Kanca::CompiledCondition</name>
    <message numerus="yes">
        <source>&quot;not&quot; must hold exactly one condition, not %n.</source>
        <translation>
            <numerusform>&quot;not&quot; must hold exactly one condition, not %n.</numerusform>
            <numerusform>&quot;not&quot; must hold exactly one condition, not %n.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Kanca::DocumentController</name>
    <message numerus="yes">
        <source>Import %n Rule(s)</source>
        <translation>
            <numerusform>Import %n Rule</numerusform>
            <numerusform>Import %n Rules</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 was opened with %n problem(s): they are listed in the Problems panel.</source>
        <translation>
            <numerusform>%1 was opened with %n problem: it is listed in the Problems panel.</numerusform>
            <numerusform>%1 was opened with %n problems: they are listed in the Problems panel.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved %1 with %n problem(s): it opens again as it is, but a server would refuse it until they are fixed (see the Problems panel).</source>
        <translation>
            <numerusform>Saved %1 with %n problem: it opens again as it is, but a server would refuse it until it is fixed (see the Problems panel).</numerusform>
            <numerusform>Saved %1 with %n problems: it opens again as it is, but a server would refuse it until they are fixed (see the Problems panel).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Kanca::HistoryDetailView</name>
    <message numerus="yes">
        <source>(%n byte(s) of binary data)</source>
        <translation>
            <numerusform>(%n byte of binary data)</numerusform>
            <numerusform>(%n bytes of binary data)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Kanca::HistoryPanel</name>
    <message numerus="yes">
        <source>about %Ln delivery(ies)</source>
        <translation>
            <numerusform>about %Ln delivery</numerusform>
            <numerusform>about %Ln deliveries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln delivery(ies)</source>
        <translation>
            <numerusform>%Ln delivery</numerusform>
            <numerusform>%Ln deliveries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Kanca::ReceivedCheck</name>
    <message numerus="yes">
        <source>Nothing has arrived at the catcher (it keeps the last %n request(s)).</source>
        <translation>
            <numerusform>Nothing has arrived at the catcher (it keeps the last %n request).</numerusform>
            <numerusform>Nothing has arrived at the catcher (it keeps the last %n requests).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Kanca::RuleListPanel</name>
    <message numerus="yes">
        <source>%1 of %n rule(s) shown</source>
        <translation>
            <numerusform>%1 of %n rule shown</numerusform>
            <numerusform>%1 of %n rules shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Kanca::WebhookSiteReply</name>
    <message numerus="yes">
        <source>%1 did not answer within %n second(s)</source>
        <translation>
            <numerusform>%1 did not answer within %n second</numerusform>
            <numerusform>%1 did not answer within %n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 is limiting requests (HTTP 429): try again in %n second(s)</source>
        <translation>
            <numerusform>%1 is limiting requests (HTTP 429): try again in %n second</numerusform>
            <numerusform>%1 is limiting requests (HTTP 429): try again in %n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResendCommand</name>
    <message numerus="yes">
        <source>%n failed delivery(ies) to send again</source>
        <translation>
            <numerusform>%n failed delivery to send again</numerusform>
            <numerusform>%n failed deliveries to send again</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n already sent again, left out</source>
        <translation>
            <numerusform>; %n already sent again, left out</numerusform>
            <numerusform>; %n already sent again, left out</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SignatureVerifier</name>
    <message numerus="yes">
        <source>the signature matches, but webhook-timestamp is %n second(s) old, beyond the tolerance of %1 seconds</source>
        <translation>
            <numerusform>the signature matches, but webhook-timestamp is %n second old, beyond the tolerance of %1 seconds</numerusform>
            <numerusform>the signature matches, but webhook-timestamp is %n seconds old, beyond the tolerance of %1 seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the signature matches, but webhook-timestamp is %n second(s) in the future, beyond the tolerance of %1 seconds</source>
        <translation>
            <numerusform>the signature matches, but webhook-timestamp is %n second in the future, beyond the tolerance of %1 seconds</numerusform>
            <numerusform>the signature matches, but webhook-timestamp is %n seconds in the future, beyond the tolerance of %1 seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StorageFailure</name>
    <message numerus="yes">
        <source>%n delivery(ies) may have reached the receiver without the result being recorded; sent again (with the same webhook-id) when sending resumes: %1.</source>
        <translation>
            <numerusform>%n delivery may have reached its receiver without its result being recorded; it is sent again (with the same webhook-id) when sending resumes: %1.</numerusform>
            <numerusform>%n deliveries may have reached their receivers without their results being recorded; they are sent again (with the same webhook-id) when sending resumes: %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TestOutcome</name>
    <message numerus="yes">
        <source>✗ HTTP %1 after %n attempt(s)</source>
        <translation>
            <numerusform>✗ HTTP %1 after %n attempt</numerusform>
            <numerusform>✗ HTTP %1 after %n attempts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>✗ No answer after %n attempt(s)</source>
        <translation>
            <numerusform>✗ No answer after %n attempt</numerusform>
            <numerusform>✗ No answer after %n attempts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ValidateCommand</name>
    <message numerus="yes">
        <source>%1: valid: &quot;%2&quot;, locale %3, %n rule(s)</source>
        <translation>
            <numerusform>%1: valid: &quot;%2&quot;, locale %3, %n rule</numerusform>
            <numerusform>%1: valid: &quot;%2&quot;, locale %3, %n rules</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n enabled</source>
        <translation>
            <numerusform>%n enabled</numerusform>
            <numerusform>%n enabled</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n action(s)</source>
        <translation>
            <numerusform>%n action</numerusform>
            <numerusform>%n actions</numerusform>
        </translation>
    </message>
</context>
</TS>

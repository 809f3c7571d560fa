<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
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

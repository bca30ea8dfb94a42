<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>MemoDialog</name>
    <message numerus="yes">
        <source>%n note(s) in the memo</source>
        <translation>
            <numerusform>%n note in the memo</numerusform>
            <numerusform>%n notes in the memo</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message numerus="yes">
        <source>%n note(s) on all documents.</source>
        <translation>
            <numerusform>%n note on all documents.</numerusform>
            <numerusform>%n notes on all documents.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s) on this document.</source>
        <translation>
            <numerusform>%n note on this document.</numerusform>
            <numerusform>%n notes on this document.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n note(s) on all documents.</source>
        <translation>
            <numerusform>{shown} of %n note on all documents.</numerusform>
            <numerusform>{shown} of %n notes on all documents.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n note(s) on this document.</source>
        <translation>
            <numerusform>{shown} of %n note on this document.</numerusform>
            <numerusform>{shown} of %n notes on this document.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Plurals</name>
    <message numerus="yes">
        <source>%n sentence(s)</source>
        <translation>
            <numerusform>%n sentence</numerusform>
            <numerusform>%n sentences</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n word(s)</source>
        <translation>
            <numerusform>%n word</numerusform>
            <numerusform>%n words</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rec(s)</source>
        <comment>short for recommendations</comment>
        <translation>
            <numerusform>%n rec</numerusform>
            <numerusform>%n recs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n recommendation(s)</source>
        <translation>
            <numerusform>%n recommendation</numerusform>
            <numerusform>%n recommendations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n recommendation(s) on this topic</source>
        <translation>
            <numerusform>%n recommendation on this topic</numerusform>
            <numerusform>%n recommendations on this topic</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n passage(s)</source>
        <translation>
            <numerusform>%n passage</numerusform>
            <numerusform>%n passages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>At least %n passage(s)</source>
        <comment>the server stopped counting there</comment>
        <translation>
            <numerusform>At least %n passage</numerusform>
            <numerusform>At least %n passages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n document(s)</source>
        <translation>
            <numerusform>in %n document</numerusform>
            <numerusform>in %n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) imported</source>
        <translation>
            <numerusform>%n document imported</numerusform>
            <numerusform>%n documents imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported {imported} of %n file(s).</source>
        <translation>
            <numerusform>Imported {imported} of %n file.</numerusform>
            <numerusform>Imported {imported} of %n files.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n note(s) to {path}.</source>
        <translation>
            <numerusform>Exported %n note to {path}.</numerusform>
            <numerusform>Exported %n notes to {path}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n recommendation(s) to {path}.</source>
        <translation>
            <numerusform>Exported %n recommendation to {path}.</numerusform>
            <numerusform>Exported %n recommendations to {path}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>“{title}” has %n note(s). What should become of them?</source>
        <translation>
            <numerusform>“{title}” has %n note. What should become of it?</numerusform>
            <numerusform>“{title}” has %n notes. What should become of them?</numerusform>
        </translation>
    </message>
</context>
</TS>

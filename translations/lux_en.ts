<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>lux::UserService</name>
    <message numerus="yes">
        <source>The password needs at least %n characters.</source>
        <translation><numerusform>The password needs at least %n character.</numerusform><numerusform>The password needs at least %n characters.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Too many failed attempts. Try again in %n second(s).</source>
        <translation><numerusform>Too many failed attempts. Try again in %n second.</numerusform><numerusform>Too many failed attempts. Try again in %n seconds.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>The email or password is not correct. Try again in %n second(s).</source>
        <translation><numerusform>The email or password is not correct. Try again in %n second.</numerusform><numerusform>The email or password is not correct. Try again in %n seconds.</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::ui::AccountForm</name>
    <message numerus="yes">
        <source>At least %n characters</source>
        <translation><numerusform>At least %n character</numerusform><numerusform>At least %n characters</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::ui::ContactsPage</name>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation><numerusform>%n contact</numerusform><numerusform>%n contacts</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::ui::MainWindow</name>
    <message numerus="yes">
        <source>Automatic backup saved as %1; %n older backup(s) removed.</source>
        <translation><numerusform>Automatic backup saved as %1; %n older backup removed.</numerusform><numerusform>Automatic backup saved as %1; %n older backups removed.</numerusform></translation>
    </message>
</context>
<context>
    <name>lux::ui::SegmentBuilder</name>
    <message numerus="yes">
        <source>%n contact(s) match</source>
        <translation><numerusform>%n contact matches</numerusform><numerusform>%n contacts match</numerusform></translation>
    </message>
</context>
</TS>

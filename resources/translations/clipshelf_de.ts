<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ActivitySection</name>
    <message>
        <source>Account created</source>
        <translation>Konto erstellt</translation>
    </message>
    <message>
        <source>Settings changed</source>
        <translation>Einstellungen geändert</translation>
    </message>
    <message>
        <source>Picture changed</source>
        <translation>Bild geändert</translation>
    </message>
    <message>
        <source>API key created</source>
        <translation>API-Schlüssel erstellt</translation>
    </message>
    <message>
        <source>API key revoked</source>
        <translation>API-Schlüssel widerrufen</translation>
    </message>
    <message>
        <source>Video deleted</source>
        <translation>Video gelöscht</translation>
    </message>
    <message>
        <source>Recent activity</source>
        <translation>Letzte Aktivitäten</translation>
    </message>
    <message>
        <source>Security-relevant events on your account, newest first.</source>
        <translation>Sicherheitsrelevante Ereignisse in deinem Konto, neueste zuerst.</translation>
    </message>
    <message>
        <source>Nothing yet.</source>
        <translation>Noch nichts.</translation>
    </message>
</context>
<context>
    <name>AddVideoDialog</name>
    <message>
        <source>Save a video</source>
        <translation>Video speichern</translation>
    </message>
    <message>
        <source>Paste a YouTube link. A title, tags and notes are optional.</source>
        <translation>Füge einen YouTube-Link ein. Titel, Tags und Notizen sind optional.</translation>
    </message>
    <message>
        <source>YouTube link</source>
        <translation>YouTube-Link</translation>
    </message>
    <message>
        <source>This is not a YouTube video link.</source>
        <translation>Das ist kein Link zu einem YouTube-Video.</translation>
    </message>
    <message>
        <source>Already in your library</source>
        <translation>Schon in deiner Bibliothek</translation>
    </message>
    <message>
        <source>YouTube video</source>
        <translation>YouTube-Video</translation>
    </message>
    <message>
        <source>Show it in the library</source>
        <translation>In der Bibliothek zeigen</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>Without one, the link is shown</source>
        <translation>Ohne Titel wird der Link angezeigt</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Enter or comma after each tag.</source>
        <translation>Eingabetaste oder Komma nach jedem Tag.</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Why this one? What to remember?</source>
        <translation>Warum dieses Video? Was willst du dir merken?</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert …</translation>
    </message>
    <message>
        <source>Save video</source>
        <translation>Video speichern</translation>
    </message>
</context>
<context>
    <name>ApiKeySecretDialog</name>
    <message>
        <source>Your new API key</source>
        <translation>Dein neuer API-Schlüssel</translation>
    </message>
    <message>
        <source>“%1” is ready. Copy the key and keep it somewhere safe, like a password manager.</source>
        <translation>„%1“ ist bereit. Kopiere den Schlüssel und bewahre ihn sicher auf, etwa in einem Passwort-Manager.</translation>
    </message>
    <message>
        <source>You won’t see this key again</source>
        <translation>Du wirst diesen Schlüssel nicht wieder sehen</translation>
    </message>
    <message>
        <source>Clipshelf doesn’t keep it. If you lose it, revoke it and create a new one.</source>
        <translation>Clipshelf speichert ihn nicht. Wenn du ihn verlierst, widerrufe ihn und erstelle einen neuen.</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
</context>
<context>
    <name>ApiKeysSection</name>
    <message>
        <source>API keys</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Let scripts and other programs use your library. Treat a key like a password.</source>
        <translation>Damit können Skripte und andere Programme deine Bibliothek nutzen. Behandle einen Schlüssel wie ein Passwort.</translation>
    </message>
    <message>
        <source>No API keys yet.</source>
        <translation>Noch keine API-Schlüssel.</translation>
    </message>
    <message>
        <source>Created %1</source>
        <translation>Erstellt: %1</translation>
    </message>
    <message>
        <source>last used %1</source>
        <translation>zuletzt benutzt: %1</translation>
    </message>
    <message>
        <source>never used</source>
        <translation>nie benutzt</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Revoke %1</source>
        <translation>%1 widerrufen</translation>
    </message>
    <message>
        <source>New key</source>
        <translation>Neuer Schlüssel</translation>
    </message>
    <message>
        <source>A name helps you recognise it later, e.g. “Backup script”.</source>
        <translation>Ein Name hilft dir, ihn später wiederzuerkennen, z. B. „Backup-Skript“.</translation>
    </message>
    <message>
        <source>Key name</source>
        <translation>Name des Schlüssels</translation>
    </message>
    <message>
        <source>Name of the new API key</source>
        <translation>Name des neuen API-Schlüssels</translation>
    </message>
    <message>
        <source>Create key</source>
        <translation>Schlüssel erstellen</translation>
    </message>
    <message>
        <source>Revoke “%1”?</source>
        <translation>„%1“ widerrufen?</translation>
    </message>
    <message>
        <source>Programs using this key stop working at once. This can’t be undone.</source>
        <translation>Programme, die diesen Schlüssel nutzen, funktionieren sofort nicht mehr. Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Revoke key</source>
        <translation>Schlüssel widerrufen</translation>
    </message>
</context>
<context>
    <name>AppearanceSection</name>
    <message>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <source>Changes apply right away, on every computer you use.</source>
        <translation>Änderungen gelten sofort, auf jedem Computer, den du nutzt.</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Farbschema</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
</context>
<context>
    <name>AvatarFileDialog</name>
    <message>
        <source>Choose a profile picture</source>
        <translation>Profilbild auswählen</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif *.bmp *.webp)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.gif *.bmp *.webp)</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <source>Confirm</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>ConnectionIndicator</name>
    <message>
        <source>Reconnecting in %1 s</source>
        <translation>Neue Verbindung in %1 s</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Verbindung wird wiederhergestellt …</translation>
    </message>
    <message>
        <source>Offline · retrying in %1 s</source>
        <translation>Offline · neuer Versuch in %1 s</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Session ended</source>
        <translation>Sitzung beendet</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Clipshelf could not renew your sign-in just now and will try again by itself. You stay signed in.</source>
        <translation>Clipshelf konnte deine Anmeldung gerade nicht erneuern und versucht es von selbst wieder. Du bleibst angemeldet.</translation>
    </message>
    <message>
        <source>Clipshelf cannot reach the service. You stay signed in, and it reconnects by itself.</source>
        <translation>Clipshelf erreicht den Dienst nicht. Du bleibst angemeldet, und die Verbindung wird von selbst wiederhergestellt.</translation>
    </message>
    <message>
        <source>Your session has ended — please sign in again.</source>
        <translation>Deine Sitzung ist beendet – bitte melde dich erneut an.</translation>
    </message>
    <message>
        <source>Connected to your Clipshelf account.</source>
        <translation>Mit deinem Clipshelf-Konto verbunden.</translation>
    </message>
</context>
<context>
    <name>DeviceSection</name>
    <message>
        <source>This computer</source>
        <translation>Dieser Computer</translation>
    </message>
    <message>
        <source>Sign out here, or also remove everything Clipshelf keeps on this computer.</source>
        <translation>Melde dich hier ab – oder entferne zusätzlich alles, was Clipshelf auf diesem Computer speichert.</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Sign out and forget this device</source>
        <translation>Abmelden und dieses Gerät vergessen</translation>
    </message>
    <message>
        <source>Sign out and forget this device?</source>
        <translation>Abmelden und dieses Gerät vergessen?</translation>
    </message>
    <message>
        <source>Clipshelf removes your sign-in, the saved copy of your library and the thumbnails from this computer. Your videos stay in your account.</source>
        <translation>Clipshelf entfernt deine Anmeldung, die gespeicherte Kopie deiner Bibliothek und die Vorschaubilder von diesem Computer. Deine Videos bleiben in deinem Konto.</translation>
    </message>
    <message>
        <source>1 change hasn’t synced yet and will be lost.</source>
        <translation>1 Änderung ist noch nicht synchronisiert und geht verloren.</translation>
    </message>
    <message>
        <source>%1 changes haven’t synced yet and will be lost.</source>
        <translation>%1 Änderungen sind noch nicht synchronisiert und gehen verloren.</translation>
    </message>
    <message>
        <source>Sign out and forget</source>
        <translation>Abmelden und vergessen</translation>
    </message>
</context>
<context>
    <name>Formats</name>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message>
        <source>1 minute ago</source>
        <translation>vor 1 Minute</translation>
    </message>
    <message>
        <source>%1 minutes ago</source>
        <translation>vor %1 Minuten</translation>
    </message>
    <message>
        <source>1 hour ago</source>
        <translation>vor 1 Stunde</translation>
    </message>
    <message>
        <source>%1 hours ago</source>
        <translation>vor %1 Stunden</translation>
    </message>
    <message>
        <source>1 video</source>
        <translation>1 Video</translation>
    </message>
    <message>
        <source>%1 videos</source>
        <translation>%1 Videos</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Clipshelf</source>
        <translation>Clipshelf</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothek</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Signing out…</source>
        <translation>Abmeldung läuft …</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Your sign-in won’t be remembered</source>
        <translation>Deine Anmeldung wird nicht gespeichert</translation>
    </message>
    <message>
        <source>Your library will appear here</source>
        <translation>Hier erscheint deine Bibliothek</translation>
    </message>
    <message>
        <source>Videos you save on YouTube will line up on this shelf, ready to watch from any desktop.</source>
        <translation>Videos, die du auf YouTube speicherst, reihen sich in diesem Regal auf – bereit zum Ansehen auf jedem Desktop.</translation>
    </message>
    <message>
        <source>Changes from another account are waiting</source>
        <translation>Änderungen eines anderen Kontos warten</translation>
    </message>
    <message>
        <source>This computer has 1 change that was made while another account was signed in.</source>
        <translation>Auf diesem Computer liegt 1 Änderung, die gemacht wurde, während ein anderes Konto angemeldet war.</translation>
    </message>
    <message>
        <source>This computer has %1 changes that were made while another account was signed in.</source>
        <translation>Auf diesem Computer liegen %1 Änderungen, die gemacht wurden, während ein anderes Konto angemeldet war.</translation>
    </message>
    <message>
        <source>This computer has changes that were made while another account was signed in.</source>
        <translation>Auf diesem Computer liegen Änderungen, die gemacht wurden, während ein anderes Konto angemeldet war.</translation>
    </message>
    <message>
        <source>They are never sent as you. Keep them for when that account signs in again, or discard them.</source>
        <translation>Sie werden nie in deinem Namen gesendet. Behalte sie für die nächste Anmeldung dieses Kontos oder verwirf sie.</translation>
    </message>
    <message>
        <source>Discard them</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Keep for that account</source>
        <translation>Für dieses Konto behalten</translation>
    </message>
</context>
<context>
    <name>LibraryEmptyStates</name>
    <message>
        <source>Loading your library…</source>
        <translation>Deine Bibliothek wird geladen …</translation>
    </message>
    <message>
        <source>No videos yet</source>
        <translation>Noch keine Videos</translation>
    </message>
    <message>
        <source>Paste a YouTube link to save your first.</source>
        <translation>Füge einen YouTube-Link ein, um dein erstes Video zu speichern.</translation>
    </message>
    <message>
        <source>Ctrl+V works anywhere here, or drop a link onto the window.</source>
        <translation>Strg+V funktioniert überall hier, oder zieh einen Link ins Fenster.</translation>
    </message>
    <message>
        <source>Add your first video</source>
        <translation>Erstes Video hinzufügen</translation>
    </message>
    <message>
        <source>Nothing matches these tags and this search</source>
        <translation>Nichts passt zu diesen Tags und dieser Suche</translation>
    </message>
    <message>
        <source>Nothing matches these tags</source>
        <translation>Nichts passt zu diesen Tags</translation>
    </message>
    <message>
        <source>Nothing matches “%1”</source>
        <translation>Nichts passt zu „%1“</translation>
    </message>
    <message>
        <source>Try fewer tags, or clear the filters to see your whole library.</source>
        <translation>Versuche es mit weniger Tags oder entferne die Filter, um deine ganze Bibliothek zu sehen.</translation>
    </message>
    <message>
        <source>Search looks in titles, notes and links. Try another word.</source>
        <translation>Die Suche durchsucht Titel, Notizen und Links. Versuche ein anderes Wort.</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Filter entfernen</translation>
    </message>
</context>
<context>
    <name>LibraryPage</name>
    <message>
        <source>Deleted “%1”</source>
        <translation>„%1“ gelöscht</translation>
    </message>
    <message>
        <source>Video deleted</source>
        <translation>Video gelöscht</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Link copied</source>
        <translation>Link kopiert</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothek</translation>
    </message>
    <message>
        <source>1 video matches</source>
        <translation>1 Video passt</translation>
    </message>
    <message>
        <source>%1 videos match</source>
        <translation>%1 Videos passen</translation>
    </message>
    <message>
        <source>Add video</source>
        <translation>Video hinzufügen</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Strg+N</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Your videos</source>
        <translation>Deine Videos</translation>
    </message>
    <message>
        <source>Ctrl+N add · Ctrl+F search · Del delete</source>
        <translation>Strg+N hinzufügen · Strg+F suchen · Entf löschen</translation>
    </message>
    <message>
        <source>Drop the link to save it</source>
        <translation>Link hier ablegen, um ihn zu speichern</translation>
    </message>
    <message>
        <source>Any YouTube video link works.</source>
        <translation>Jeder Link zu einem YouTube-Video funktioniert.</translation>
    </message>
    <message>
        <source>Saved — it will sync when you’re back online</source>
        <translation>Gespeichert – wird synchronisiert, sobald du wieder online bist</translation>
    </message>
    <message>
        <source>Saved to your library</source>
        <translation>In deiner Bibliothek gespeichert</translation>
    </message>
    <message>
        <source>Changes saved</source>
        <translation>Änderungen gespeichert</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Clipshelf</source>
        <translation>Clipshelf</translation>
    </message>
</context>
<context>
    <name>NotificationsSection</name>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>Email we may send you. Saved as soon as you switch.</source>
        <translation>E-Mails, die wir dir schicken dürfen. Wird beim Umschalten sofort gespeichert.</translation>
    </message>
    <message>
        <source>Weekly digest</source>
        <translation>Wochenübersicht</translation>
    </message>
    <message>
        <source>A short summary of what you saved this week.</source>
        <translation>Eine kurze Zusammenfassung dessen, was du diese Woche gespeichert hast.</translation>
    </message>
    <message>
        <source>Product updates</source>
        <translation>Produktneuigkeiten</translation>
    </message>
    <message>
        <source>New features, now and then.</source>
        <translation>Neue Funktionen, ab und zu.</translation>
    </message>
    <message>
        <source>Security alerts</source>
        <translation>Sicherheitshinweise</translation>
    </message>
    <message>
        <source>New API keys and sign-ins on your account.</source>
        <translation>Neue API-Schlüssel und Anmeldungen bei deinem Konto.</translation>
    </message>
</context>
<context>
    <name>ProfileSection</name>
    <message>
        <source>This picture can’t be used.</source>
        <translation>Dieses Bild kann nicht verwendet werden.</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>How you appear in Clipshelf.</source>
        <translation>So erscheinst du in Clipshelf.</translation>
    </message>
    <message>
        <source>Preview of your new picture</source>
        <translation>Vorschau deines neuen Bildes</translation>
    </message>
    <message>
        <source>Profile picture</source>
        <translation>Profilbild</translation>
    </message>
    <message>
        <source>Use this picture</source>
        <translation>Dieses Bild verwenden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Choose picture…</source>
        <translation>Bild auswählen …</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>%1 × %2 pixels</source>
        <translation>%1 × %2 Pixel</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Angemeldet als %1</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Dein Name</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
</context>
<context>
    <name>SearchField</name>
    <message>
        <source>Search titles, notes and links</source>
        <translation>Bibliothek durchsuchen</translation>
    </message>
    <message>
        <source>Search your library</source>
        <translation>Deine Bibliothek durchsuchen</translation>
    </message>
    <message>
        <source>Clear search</source>
        <translation>Suche leeren</translation>
    </message>
    <message>
        <source>Ctrl+F</source>
        <translation>Strg+F</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Restoring your session…</source>
        <translation>Deine Sitzung wird wiederhergestellt …</translation>
    </message>
    <message>
        <source>Contacting %1…</source>
        <translation>Verbindung zu %1 …</translation>
    </message>
    <message>
        <source>Contacting your sign-in provider…</source>
        <translation>Verbindung zu deinem Anmeldedienst …</translation>
    </message>
    <message>
        <source>Finishing sign-in…</source>
        <translation>Anmeldung wird abgeschlossen …</translation>
    </message>
    <message>
        <source>Clipshelf</source>
        <translation>Clipshelf</translation>
    </message>
    <message>
        <source>Your saved videos, on every desktop</source>
        <translation>Deine gespeicherten Videos, auf jedem Desktop</translation>
    </message>
    <message>
        <source>Your sign-in won’t be remembered</source>
        <translation>Deine Anmeldung wird nicht gespeichert</translation>
    </message>
    <message>
        <source>Sign in with %1</source>
        <translation>Mit %1 anmelden</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Sign-in happens in your web browser.</source>
        <translation>Die Anmeldung erfolgt in deinem Webbrowser.</translation>
    </message>
    <message>
        <source>Clipshelf never sees your password.</source>
        <translation>Clipshelf sieht dein Passwort nie.</translation>
    </message>
    <message>
        <source>Finish signing in in your browser</source>
        <translation>Schließe die Anmeldung in deinem Browser ab</translation>
    </message>
    <message>
        <source>The sign-in page from %1 is open in your browser. Clipshelf continues by itself once you’re done.</source>
        <translation>Die Anmeldeseite von %1 ist in deinem Browser geöffnet. Clipshelf macht von selbst weiter, sobald du fertig bist.</translation>
    </message>
    <message>
        <source>The sign-in page is open in your browser. Clipshelf continues by itself once you’re done.</source>
        <translation>Die Anmeldeseite ist in deinem Browser geöffnet. Clipshelf macht von selbst weiter, sobald du fertig bist.</translation>
    </message>
    <message>
        <source>Waiting… %1 left</source>
        <translation>Warten … noch %1</translation>
    </message>
    <message>
        <source>Open the browser again</source>
        <translation>Browser erneut öffnen</translation>
    </message>
    <message>
        <source>Link copied</source>
        <translation>Link kopiert</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Link kopieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
</context>
<context>
    <name>Spinner</name>
    <message>
        <source>Working</source>
        <translation>In Arbeit</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>1 change waiting to sync</source>
        <translation>1 Änderung wartet auf Synchronisierung</translation>
    </message>
    <message>
        <source>%1 changes waiting to sync</source>
        <translation>%1 Änderungen warten auf Synchronisierung</translation>
    </message>
    <message>
        <source>Offline · %1</source>
        <translation>Offline · %1</translation>
    </message>
    <message>
        <source>Offline · showing your saved library</source>
        <translation>Offline · deine gespeicherte Bibliothek wird angezeigt</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Wird synchronisiert …</translation>
    </message>
    <message>
        <source>All changes synced</source>
        <translation>Alle Änderungen synchronisiert</translation>
    </message>
</context>
<context>
    <name>TagBar</name>
    <message>
        <source>Filter by tag</source>
        <translation>Nach Tag filtern</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Clear tag filters</source>
        <translation>Tag-Filter entfernen</translation>
    </message>
</context>
<context>
    <name>TagChip</name>
    <message>
        <source>Remove tag %1</source>
        <translation>Tag %1 entfernen</translation>
    </message>
    <message>
        <source>%1, 1 video</source>
        <translation>%1, 1 Video</translation>
    </message>
    <message>
        <source>%1, %2 videos</source>
        <translation>%1, %2 Videos</translation>
    </message>
</context>
<context>
    <name>TagInput</name>
    <message>
        <source>Add tags</source>
        <translation>Tags hinzufügen</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>New tag</source>
        <translation>Neuer Tag</translation>
    </message>
</context>
<context>
    <name>VideoContextMenu</name>
    <message>
        <source>Open in browser</source>
        <translation>Im Browser öffnen</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Link kopieren</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten …</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
</context>
<context>
    <name>VideoDelegate</name>
    <message>
        <source>Waiting to sync</source>
        <translation>Wartet auf Synchronisierung</translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation>Tags: %1</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation>Im Browser öffnen</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Link kopieren</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>No title yet</source>
        <translation>Noch kein Titel</translation>
    </message>
</context>
<context>
    <name>VideoEditor</name>
    <message>
        <source>Edit video</source>
        <translation>Video bearbeiten</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Link kopieren</translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation>Im Browser öffnen</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Without one, the link is shown</source>
        <translation>Ohne Titel wird der Link angezeigt</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Why this one? What to remember?</source>
        <translation>Warum dieses Video? Was willst du dir merken?</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Gespeichert am %1</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert …</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
</context>
<context>
    <name>clipshelf::AccountSecurity</name>
    <message>
        <source>Give the key a name of 1 to 100 characters.</source>
        <translation>Gib dem Schlüssel einen Namen mit 1 bis 100 Zeichen.</translation>
    </message>
    <message>
        <source>Sign in to create API keys.</source>
        <translation>Melde dich an, um API-Schlüssel zu erstellen.</translation>
    </message>
    <message>
        <source>The key was not created because Clipshelf could not reach the service. Try again when you are online.</source>
        <translation>Der Schlüssel wurde nicht erstellt, weil Clipshelf den Dienst nicht erreicht. Versuche es erneut, wenn du online bist.</translation>
    </message>
    <message>
        <source>Sign in to revoke API keys.</source>
        <translation>Melde dich an, um API-Schlüssel zu widerrufen.</translation>
    </message>
    <message>
        <source>The key could not be revoked: %1</source>
        <translation>Der Schlüssel konnte nicht widerrufen werden: %1</translation>
    </message>
</context>
<context>
    <name>clipshelf::AvatarImage</name>
    <message>
        <source>The file could not be opened: %1</source>
        <translation>Die Datei konnte nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>The file is too large to be a picture.</source>
        <translation>Die Datei ist zu groß für ein Bild.</translation>
    </message>
    <message>
        <source>The picture is too large (%1 × %2 pixels).</source>
        <translation>Das Bild ist zu groß (%1 × %2 Pixel).</translation>
    </message>
    <message>
        <source>This file is not a picture Clipshelf can read (PNG, JPEG, GIF, BMP…).</source>
        <translation>Diese Datei ist kein Bild, das Clipshelf lesen kann (PNG, JPEG, GIF, BMP …).</translation>
    </message>
    <message>
        <source>The picture could not be made small enough to upload.</source>
        <translation>Das Bild konnte nicht klein genug zum Hochladen gemacht werden.</translation>
    </message>
</context>
<context>
    <name>clipshelf::LibraryChanges</name>
    <message>
        <source>The title can have at most 300 characters.</source>
        <translation>Der Titel darf höchstens 300 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>Notes can have at most 10,000 characters.</source>
        <translation>Notizen dürfen höchstens 10.000 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>The tag “%1” is too long: tags can have at most 40 characters.</source>
        <translation>Der Tag „%1“ ist zu lang: Tags dürfen höchstens 40 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>A video can have at most 20 tags.</source>
        <translation>Ein Video kann höchstens 20 Tags haben.</translation>
    </message>
    <message>
        <source>This link is not a YouTube video: it %1.</source>
        <translation>Dieser Link führt nicht zu einem YouTube-Video (%1).</translation>
    </message>
    <message>
        <source>Already in your library</source>
        <translation>Schon in deiner Bibliothek</translation>
    </message>
    <message>
        <source>Sign in to add videos.</source>
        <translation>Melde dich an, um Videos hinzuzufügen.</translation>
    </message>
    <message>
        <source>The video could not be saved on this computer.</source>
        <translation>Das Video konnte auf diesem Computer nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>This video is no longer in your library.</source>
        <translation>Dieses Video ist nicht mehr in deiner Bibliothek.</translation>
    </message>
    <message>
        <source>The change could not be saved on this computer.</source>
        <translation>Die Änderung konnte auf diesem Computer nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>“%1” could not be deleted: this computer could not store the change.</source>
        <translation>„%1“ konnte nicht gelöscht werden: Dieser Computer konnte die Änderung nicht speichern.</translation>
    </message>
    <message>
        <source>“%1” was already in your library, so the copy added while offline was not saved again.</source>
        <translation>„%1“ war schon in deiner Bibliothek, daher wurde die offline hinzugefügte Kopie nicht noch einmal gespeichert.</translation>
    </message>
    <message>
        <source>“%1” could not be added: %2</source>
        <translation>„%1“ konnte nicht hinzugefügt werden: %2</translation>
    </message>
    <message>
        <source>“%1” was deleted elsewhere, so your changes to it could not be saved.</source>
        <translation>„%1“ wurde anderswo gelöscht, daher konnten deine Änderungen nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>Your changes to “%1” could not be saved: %2</source>
        <translation>Deine Änderungen an „%1“ konnten nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>“%1” could not be deleted: %2</source>
        <translation>„%1“ konnte nicht gelöscht werden: %2</translation>
    </message>
</context>
<context>
    <name>clipshelf::LibraryController</name>
    <message>
        <source>This link is not a YouTube video: it %1.</source>
        <translation>Dieser Link führt nicht zu einem YouTube-Video (%1).</translation>
    </message>
    <message>
        <source>Already in your library</source>
        <translation>Schon in deiner Bibliothek</translation>
    </message>
</context>
<context>
    <name>clipshelf::LibraryLoader</name>
    <message>
        <source>The service sent a list Clipshelf could not read (%1).</source>
        <translation>Der Dienst hat eine Liste geschickt, die Clipshelf nicht lesen konnte (%1).</translation>
    </message>
</context>
<context>
    <name>clipshelf::SettingsController</name>
    <message>
        <source>Your settings could not be loaded: %1</source>
        <translation>Deine Einstellungen konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Sign in to change your settings.</source>
        <translation>Melde dich an, um deine Einstellungen zu ändern.</translation>
    </message>
    <message>
        <source>Your change could not be saved on this computer.</source>
        <translation>Deine Änderung konnte auf diesem Computer nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>The display name can have at most 100 characters.</source>
        <translation>Der Anzeigename darf höchstens 100 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>Unknown theme “%1”.</source>
        <translation>Unbekanntes Farbschema „%1“.</translation>
    </message>
    <message>
        <source>Clipshelf is available in English and German.</source>
        <translation>Clipshelf gibt es auf Englisch und Deutsch.</translation>
    </message>
    <message>
        <source>Unknown notification “%1”.</source>
        <translation>Unbekannte Benachrichtigung „%1“.</translation>
    </message>
    <message>
        <source>The preview could not be stored: %1</source>
        <translation>Die Vorschau konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Choose a picture first.</source>
        <translation>Wähle zuerst ein Bild aus.</translation>
    </message>
    <message>
        <source>Sign in to change your picture.</source>
        <translation>Melde dich an, um dein Bild zu ändern.</translation>
    </message>
    <message>
        <source>Your picture could not be saved on this computer.</source>
        <translation>Dein Bild konnte auf diesem Computer nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>Your picture could not be changed: %1</source>
        <translation>Dein Bild konnte nicht geändert werden: %1</translation>
    </message>
    <message>
        <source>Your settings were changed elsewhere, so Clipshelf reloaded them. Please make your change again if it is still needed.</source>
        <translation>Deine Einstellungen wurden anderswo geändert, daher hat Clipshelf sie neu geladen. Nimm deine Änderung bitte noch einmal vor, falls sie noch nötig ist.</translation>
    </message>
    <message>
        <source>Your change could not be saved: %1</source>
        <translation>Deine Änderung konnte nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>clipshelf::Workspace</name>
    <message>
        <source>Clipshelf cannot store changes on this computer (%1). Changes made offline are kept only while Clipshelf is open.</source>
        <translation>Clipshelf kann auf diesem Computer keine Änderungen speichern (%1). Offline gemachte Änderungen bleiben nur erhalten, solange Clipshelf geöffnet ist.</translation>
    </message>
</context>
</TS>
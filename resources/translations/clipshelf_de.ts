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
    <message>
        <source>Will be saved as %1</source>
        <translation>Wird gespeichert als %1</translation>
    </message>
</context>
<context>
    <name>ApiError</name>
    <message>
        <source>The service redirected to another site; Clipshelf did not follow it with your sign-in.</source>
        <translation>Der Dienst hat auf eine andere Website umgeleitet; Clipshelf ist ihr mit deiner Anmeldung nicht gefolgt.</translation>
    </message>
    <message>
        <source>The service&apos;s certificate could not be verified, so Clipshelf did not talk to it.</source>
        <translation>Das Zertifikat des Dienstes konnte nicht überprüft werden, daher hat Clipshelf keine Verbindung zu ihm aufgenommen.</translation>
    </message>
    <message>
        <source>The service did not answer in time.</source>
        <translation>Der Dienst hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>You appear to be offline: %1</source>
        <translation>Du scheinst offline zu sein: %1</translation>
    </message>
    <message>
        <source>the service</source>
        <translation>der Dienst</translation>
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
    <name>BoundedReply</name>
    <message>
        <source>The answer from %1 is larger than %2, so Clipshelf stopped reading it.</source>
        <translation>Die Antwort (%1) ist größer als %2, daher hat Clipshelf das Lesen abgebrochen.</translation>
    </message>
    <message>
        <source>%1 took too long to answer, so Clipshelf gave up.</source>
        <translation>%1 hat zu lange für die Antwort gebraucht, daher hat Clipshelf aufgegeben.</translation>
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
    <name>NoticeArea</name>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
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
    <name>QObject</name>
    <message>
        <source>The provider&apos;s ID token was refused: %1</source>
        <translation>Das ID-Token des Anmeldedienstes wurde abgelehnt: %1</translation>
    </message>
    <message>
        <source>it is not a well-formed JWT.</source>
        <translation>Es ist kein wohlgeformtes JWT.</translation>
    </message>
    <message>
        <source>it is not signed (alg &quot;none&quot;).</source>
        <translation>Es ist nicht signiert (alg „none“).</translation>
    </message>
    <message>
        <source>its issuer is not %1.</source>
        <translation>Sein Aussteller ist nicht %1.</translation>
    </message>
    <message>
        <source>it names no subject.</source>
        <translation>Es nennt kein Subject.</translation>
    </message>
    <message>
        <source>it was not issued to this app (audience).</source>
        <translation>Es wurde nicht für diese App ausgestellt (Audience).</translation>
    </message>
    <message>
        <source>it has several audiences but no authorized party.</source>
        <translation>Es hat mehrere Audiences, aber keine Authorized Party.</translation>
    </message>
    <message>
        <source>it was issued to another app (azp).</source>
        <translation>Es wurde für eine andere App ausgestellt (azp).</translation>
    </message>
    <message>
        <source>it has no expiry.</source>
        <translation>Es hat kein Ablaufdatum.</translation>
    </message>
    <message>
        <source>it has expired (check this computer&apos;s clock).</source>
        <translation>Es ist abgelaufen (prüfe die Uhr dieses Computers).</translation>
    </message>
    <message>
        <source>it has no issue time.</source>
        <translation>Es hat keinen Ausstellungszeitpunkt.</translation>
    </message>
    <message>
        <source>it was issued in the future (check this computer&apos;s clock).</source>
        <translation>Es wurde in der Zukunft ausgestellt (prüfe die Uhr dieses Computers).</translation>
    </message>
    <message>
        <source>it is too old.</source>
        <translation>Es ist zu alt.</translation>
    </message>
    <message>
        <source>its nonce does not match this sign-in.</source>
        <translation>Seine Nonce passt nicht zu dieser Anmeldung.</translation>
    </message>
    <message>
        <source>The provider&apos;s discovery document is not valid JSON.</source>
        <translation>Das Discovery-Dokument des Anmeldedienstes ist kein gültiges JSON.</translation>
    </message>
    <message>
        <source>The provider says its issuer is &quot;%1&quot;, but Clipshelf is configured for &quot;%2&quot;. They must match exactly; check the issuer setting.</source>
        <translation>Der Anmeldedienst gibt „%1“ als Aussteller an, Clipshelf ist aber für „%2“ eingerichtet. Beide müssen genau übereinstimmen; prüfe die Einstellung „issuer“.</translation>
    </message>
    <message>
        <source>The provider&apos;s discovery document has no usable %1.</source>
        <translation>Das Discovery-Dokument des Anmeldedienstes enthält keinen brauchbaren Eintrag „%1“.</translation>
    </message>
    <message>
        <source>The provider does not support PKCE with S256, which Clipshelf requires.</source>
        <translation>Der Anmeldedienst unterstützt kein PKCE mit S256, das Clipshelf voraussetzt.</translation>
    </message>
    <message>
        <source>The provider&apos;s certificate could not be verified, so Clipshelf refused to send anything to it.</source>
        <translation>Das Zertifikat des Anmeldedienstes konnte nicht überprüft werden, daher hat Clipshelf nichts an ihn gesendet.</translation>
    </message>
    <message>
        <source>The provider did not answer in time.</source>
        <translation>Der Anmeldedienst hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The provider could not be reached: %1</source>
        <translation>Der Anmeldedienst ist nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>Your session has ended — please sign in again.</source>
        <translation>Deine Sitzung ist beendet – bitte melde dich erneut an.</translation>
    </message>
    <message>
        <source>The provider is having trouble (HTTP %1).</source>
        <translation>Der Anmeldedienst hat Probleme (HTTP %1).</translation>
    </message>
    <message>
        <source>The provider refused the request: %1%2</source>
        <translation>Der Anmeldedienst hat die Anfrage abgelehnt: %1%2</translation>
    </message>
    <message>
        <source>The provider answered HTTP %1 without an explanation.</source>
        <translation>Der Anmeldedienst hat ohne Erklärung mit HTTP %1 geantwortet.</translation>
    </message>
    <message>
        <source>The provider&apos;s token response is not JSON.</source>
        <translation>Die Token-Antwort des Anmeldedienstes ist kein JSON.</translation>
    </message>
    <message>
        <source>The provider&apos;s token response has no access token.</source>
        <translation>Die Token-Antwort des Anmeldedienstes enthält kein Access-Token.</translation>
    </message>
    <message>
        <source>The provider issued a &quot;%1&quot; token; Clipshelf needs a Bearer token.</source>
        <translation>Der Anmeldedienst hat ein Token vom Typ „%1“ ausgestellt; Clipshelf braucht ein Bearer-Token.</translation>
    </message>
    <message>
        <source>Cannot read the %1 %2: it is not a valid config file.</source>
        <translation>%2 (%1) kann nicht gelesen werden: Das ist keine gültige Konfigurationsdatei.</translation>
    </message>
    <message>
        <source>--auth-param expects key=value, got &quot;%1&quot;.</source>
        <translation>--auth-param erwartet key=value, erhalten: „%1“.</translation>
    </message>
    <message>
        <source>The profile name &quot;%1&quot; (from %2) is not valid: use 1 to 64 letters, digits, &apos;-&apos; or &apos;_&apos;.</source>
        <translation>Der Profilname „%1“ (aus %2) ist ungültig: Verwende 1 bis 64 Buchstaben, Ziffern, „-“ oder „_“.</translation>
    </message>
    <message>
        <source>Redirect ports (from %1): %2</source>
        <translation>Weiterleitungsports (aus %1): %2</translation>
    </message>
    <message>
        <source>Authorization parameters (from %1): %2</source>
        <translation>Autorisierungsparameter (aus %1): %2</translation>
    </message>
    <message>
        <source>The %1 &quot;%2&quot; (from %3) is not an http(s) URL.</source>
        <translation>Der Wert „%2“ für %1 (aus %3) ist keine http(s)-URL.</translation>
    </message>
    <message>
        <source>the test provider</source>
        <translation>dem Test-Anmeldedienst</translation>
    </message>
    <message>
        <source>your provider</source>
        <translation>deinem Anmeldedienst</translation>
    </message>
    <message>
        <source>No identity provider is configured: set --issuer or CLIPSHELF_ISSUER.</source>
        <translation>Es ist kein Anmeldedienst eingerichtet: Setze --issuer oder CLIPSHELF_ISSUER.</translation>
    </message>
    <message>
        <source>No client id is configured: set --client-id or CLIPSHELF_CLIENT_ID.</source>
        <translation>Es ist keine Client-ID eingerichtet: Setze --client-id oder CLIPSHELF_CLIENT_ID.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a port number (1-65535).</source>
        <translation>„%1“ ist keine Portnummer (1–65535).</translation>
    </message>
    <message>
        <source>expected key=value, got &quot;%1&quot;.</source>
        <translation>key=value erwartet, erhalten: „%1“.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is set by Clipshelf itself and cannot be overridden.</source>
        <translation>„%1“ setzt Clipshelf selbst, das lässt sich nicht überschreiben.</translation>
    </message>
    <message>
        <source>it names another account than this session&apos;s.</source>
        <translation>Es nennt ein anderes Konto als das dieser Sitzung.</translation>
    </message>
    <message>
        <source>it is not signed with an accepted algorithm (RS256, PS256, ES256 or EdDSA).</source>
        <translation>Es ist nicht mit einem zugelassenen Verfahren signiert (RS256, PS256, ES256 oder EdDSA).</translation>
    </message>
    <message>
        <source>it is signed with a key the provider does not publish.</source>
        <translation>Es ist mit einem Schlüssel signiert, den der Anmeldedienst nicht veröffentlicht.</translation>
    </message>
    <message>
        <source>its signature is not valid.</source>
        <translation>Seine Signatur ist ungültig.</translation>
    </message>
    <message>
        <source>The %1 %2 uses plain http, which would carry your sign-in unencrypted; use https (http is allowed only on this computer: 127.0.0.1, ::1, localhost).</source>
        <translation>Die Adresse %2 (%1) verwendet unverschlüsseltes http, das deine Anmeldung ungeschützt übertragen würde; verwende https (http ist nur auf diesem Computer erlaubt: 127.0.0.1, ::1, localhost).</translation>
    </message>
    <message>
        <source>The %1 %2 (from %3) uses plain http, which would carry your sign-in unencrypted; use https (http is allowed only on this computer: 127.0.0.1, ::1, localhost).</source>
        <translation>Die Adresse %2 (%1, aus %3) verwendet unverschlüsseltes http, das deine Anmeldung ungeschützt übertragen würde; verwende https (http ist nur auf diesem Computer erlaubt: 127.0.0.1, ::1, localhost).</translation>
    </message>
    <message>
        <source>issuer</source>
        <translation>Aussteller</translation>
    </message>
    <message>
        <source>the provider</source>
        <translation>der Anmeldedienst</translation>
    </message>
    <message>
        <source>The provider sent a token larger than 16 KiB, which Clipshelf refuses.</source>
        <translation>Der Anmeldedienst hat ein Token gesendet, das größer als 16 KiB ist; Clipshelf lehnt es ab.</translation>
    </message>
    <message>
        <source>The provider sent a token with characters that are not allowed in one, so Clipshelf refused it.</source>
        <translation>Der Anmeldedienst hat ein Token mit unzulässigen Zeichen gesendet, daher hat Clipshelf es abgelehnt.</translation>
    </message>
    <message>
        <source>The provider&apos;s token response has an invalid expires_in: it must be a whole number of seconds.</source>
        <translation>Die Token-Antwort des Anmeldedienstes hat ein ungültiges expires_in: Es muss eine ganze Zahl von Sekunden sein.</translation>
    </message>
    <message>
        <source>API URL</source>
        <translation>API-Adresse</translation>
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
    <name>StorageWarningBanner</name>
    <message>
        <source>Unsynced changes won’t survive a restart</source>
        <translation>Nicht synchronisierte Änderungen gehen bei einem Neustart verloren</translation>
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
    <name>clipshelf::ApiClient</name>
    <message>
        <source>You are not signed in.</source>
        <translation>Du bist nicht angemeldet.</translation>
    </message>
    <message>
        <source>The access token is not valid; please sign in again.</source>
        <translation>Das Zugriffstoken ist ungültig; bitte melde dich erneut an.</translation>
    </message>
    <message>
        <source>API URL</source>
        <translation>API-Adresse</translation>
    </message>
</context>
<context>
    <name>clipshelf::ApiError</name>
    <message>
        <source>The server no longer accepts your sign-in.</source>
        <translation>Der Server akzeptiert deine Anmeldung nicht mehr.</translation>
    </message>
    <message>
        <source>You are not allowed to do that.</source>
        <translation>Das darfst du nicht.</translation>
    </message>
    <message>
        <source>It no longer exists — it may have been deleted elsewhere.</source>
        <translation>Es existiert nicht mehr – vielleicht wurde es anderswo gelöscht.</translation>
    </message>
    <message>
        <source>That conflicts with something already saved.</source>
        <translation>Das widerspricht etwas bereits Gespeichertem.</translation>
    </message>
    <message>
        <source>It was changed elsewhere in the meantime.</source>
        <translation>Es wurde inzwischen anderswo geändert.</translation>
    </message>
    <message>
        <source>That kind of file is not supported.</source>
        <translation>Diese Art von Datei wird nicht unterstützt.</translation>
    </message>
    <message>
        <source>Some of what you entered was not accepted.</source>
        <translation>Einige deiner Eingaben wurden nicht akzeptiert.</translation>
    </message>
    <message>
        <source>Too many requests — please wait a moment.</source>
        <translation>Zu viele Anfragen – bitte warte einen Moment.</translation>
    </message>
    <message>
        <source>The Clipshelf service is having trouble (HTTP %1).</source>
        <translation>Der Clipshelf-Dienst hat Probleme (HTTP %1).</translation>
    </message>
    <message>
        <source>The request was refused (HTTP %1).</source>
        <translation>Die Anfrage wurde abgelehnt (HTTP %1).</translation>
    </message>
    <message>
        <source>That is too large for the Clipshelf service.</source>
        <translation>Das ist zu groß für den Clipshelf-Dienst.</translation>
    </message>
    <message>
        <source>Too many requests — please try again in %1 seconds.</source>
        <translation>Zu viele Anfragen – bitte versuche es in %1 Sekunden erneut.</translation>
    </message>
    <message>
        <source>The request was too large for the Clipshelf service; signing in again may help.</source>
        <translation>Die Anfrage war zu groß für den Clipshelf-Dienst; erneutes Anmelden kann helfen.</translation>
    </message>
    <message>
        <source>The Clipshelf service is busy — please try again in %1 seconds.</source>
        <translation>Der Clipshelf-Dienst ist ausgelastet – bitte versuche es in %1 Sekunden erneut.</translation>
    </message>
</context>
<context>
    <name>clipshelf::AuthController</name>
    <message>
        <source>Your session could not be saved in the keychain (%1); you will have to sign in again next time.</source>
        <translation>Deine Sitzung konnte nicht im Schlüsselbund gespeichert werden (%1); beim nächsten Start musst du dich erneut anmelden.</translation>
    </message>
    <message>
        <source>The stored session could not be removed from the keychain: %1</source>
        <translation>Die gespeicherte Sitzung konnte nicht aus dem Schlüsselbund entfernt werden: %1</translation>
    </message>
    <message>
        <source>You will need to sign in again when this sign-in expires — your provider did not allow staying signed in.</source>
        <translation>Du musst dich erneut anmelden, wenn diese Anmeldung abläuft – dein Anbieter erlaubt kein dauerhaftes Angemeldetbleiben.</translation>
    </message>
    <message numerus="yes">
        <source>You will need to sign in again in %n minute(s) — your provider did not allow staying signed in.</source>
        <translation>
            <numerusform>Du musst dich in %n Minute erneut anmelden – dein Anbieter erlaubt kein dauerhaftes Angemeldetbleiben.</numerusform>
            <numerusform>Du musst dich in %n Minuten erneut anmelden – dein Anbieter erlaubt kein dauerhaftes Angemeldetbleiben.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 offers no sign-out for apps: if this computer is shared, sign out on its website in your browser.</source>
        <translation>%1 bietet Apps keine Abmeldung an: Wenn dieser Computer geteilt wird, melde dich auf der Website in deinem Browser ab.</translation>
    </message>
    <message>
        <source>Clipshelf could not open %1&apos;s sign-out page: if this computer is shared, sign out on its website in your browser.</source>
        <translation>Clipshelf konnte die Abmeldeseite von %1 nicht öffnen: Wenn dieser Computer geteilt wird, melde dich auf der Website in deinem Browser ab.</translation>
    </message>
    <message>
        <source>You are signed out of Clipshelf and of %1 in your browser.</source>
        <translation>Du bist von Clipshelf und in deinem Browser von %1 abgemeldet.</translation>
    </message>
    <message>
        <source>%1&apos;s sign-out page did not come back to Clipshelf; if this computer is shared, make sure you are signed out there.</source>
        <translation>Die Abmeldeseite von %1 ist nicht zu Clipshelf zurückgekehrt; wenn dieser Computer geteilt wird, vergewissere dich, dass du dort abgemeldet bist.</translation>
    </message>
    <message>
        <source>The browser could not be opened for %1&apos;s sign-out page: if this computer is shared, sign out on its website.</source>
        <translation>Der Browser konnte für die Abmeldeseite von %1 nicht geöffnet werden: Wenn dieser Computer geteilt wird, melde dich auf der Website ab.</translation>
    </message>
    <message>
        <source>Clipshelf opened %1&apos;s sign-out page in your browser, to sign you out there too.</source>
        <translation>Clipshelf hat die Abmeldeseite von %1 in deinem Browser geöffnet, um dich auch dort abzumelden.</translation>
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
    <name>clipshelf::BrowserLauncher</name>
    <message>
        <source>No browser could be opened. Use &quot;Copy link&quot; and paste it into your browser.</source>
        <translation>Es konnte kein Browser geöffnet werden. Nutze „Link kopieren“ und füge den Link in deinen Browser ein.</translation>
    </message>
    <message>
        <source>The browser command is empty.</source>
        <translation>Der Browser-Befehl ist leer.</translation>
    </message>
    <message>
        <source>The browser command &quot;%1&quot; could not be started. Use &quot;Copy link&quot; and paste the link into your browser.</source>
        <translation>Der Browser-Befehl „%1“ konnte nicht gestartet werden. Nutze „Link kopieren“ und füge den Link in deinen Browser ein.</translation>
    </message>
    <message>
        <source>The browser command &quot;%1&quot; stopped with an error. Use &quot;Copy link&quot; and paste the link into your browser.</source>
        <translation>Der Browser-Befehl „%1“ wurde mit einem Fehler beendet. Nutze „Link kopieren“ und füge den Link in deinen Browser ein.</translation>
    </message>
</context>
<context>
    <name>clipshelf::JwksCache</name>
    <message>
        <source>its answer is larger than %1 KiB</source>
        <translation>seine Antwort ist größer als %1 KiB</translation>
    </message>
    <message numerus="yes">
        <source>it did not answer within %n s</source>
        <translation>
            <numerusform>er antwortete nicht innerhalb von %n s</numerusform>
            <numerusform>er antwortete nicht innerhalb von %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>it answered HTTP %1</source>
        <translation>er antwortete mit HTTP %1</translation>
    </message>
    <message>
        <source>Clipshelf could not use the provider&apos;s signing keys: %1.</source>
        <translation>Clipshelf konnte die Signaturschlüssel des Anmeldedienstes nicht verwenden: %1.</translation>
    </message>
    <message>
        <source>Clipshelf could not load the provider&apos;s signing keys: %1.</source>
        <translation>Clipshelf konnte die Signaturschlüssel des Anmeldedienstes nicht laden: %1.</translation>
    </message>
</context>
<context>
    <name>clipshelf::KeychainSecretStore</name>
    <message>
        <source>macOS Keychain</source>
        <translation>macOS-Schlüsselbund</translation>
    </message>
    <message>
        <source>Windows Credential Manager</source>
        <translation>Windows-Anmeldeinformationsverwaltung</translation>
    </message>
    <message>
        <source>Secret Service</source>
        <translation>Secret Service</translation>
    </message>
    <message>
        <source>system keychain</source>
        <translation>Systemschlüsselbund</translation>
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
        <translation>Dieser Link führt nicht zu einem YouTube-Video: er %1.</translation>
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
        <translation>Dieser Link führt nicht zu einem YouTube-Video: er %1.</translation>
    </message>
    <message>
        <source>Already in your library</source>
        <translation>Schon in deiner Bibliothek</translation>
    </message>
    <message>
        <source>Changes you made before Clipshelf last closed were kept, and are sent when you are online.</source>
        <translation>Änderungen, die du vor dem letzten Schließen von Clipshelf gemacht hast, wurden behalten und werden gesendet, sobald du online bist.</translation>
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
    <name>clipshelf::LoopbackListener</name>
    <message>
        <source>Clipshelf could not open a local port for the sign-in: %1</source>
        <translation>Clipshelf konnte keinen lokalen Port für die Anmeldung öffnen: %1</translation>
    </message>
    <message>
        <source>All redirect ports (%1) are in use by other programs; close them or configure other ports with --redirect-ports.</source>
        <translation>Alle Weiterleitungsports (%1) sind von anderen Programmen belegt; schließe diese oder lege mit --redirect-ports andere Ports fest.</translation>
    </message>
    <message>
        <source>Signed in to Clipshelf</source>
        <translation>Bei Clipshelf angemeldet</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>Anmeldung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Request too large</source>
        <translation>Anfrage zu groß</translation>
    </message>
    <message>
        <source>This is not a sign-in response.</source>
        <translation>Das ist keine Antwort auf eine Anmeldung.</translation>
    </message>
    <message>
        <source>Bad request</source>
        <translation>Ungültige Anfrage</translation>
    </message>
    <message>
        <source>Method not allowed</source>
        <translation>Methode nicht erlaubt</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
    <message>
        <source>Unknown sign-in</source>
        <translation>Unbekannte Anmeldung</translation>
    </message>
    <message>
        <source>This response does not belong to the sign-in Clipshelf is waiting for. Start the sign-in again from Clipshelf.</source>
        <translation>Diese Antwort gehört nicht zu der Anmeldung, auf die Clipshelf wartet. Starte die Anmeldung in Clipshelf neu.</translation>
    </message>
    <message>
        <source>The sign-in response came from another provider (%1) than the one Clipshelf uses. Sign-in stopped for your safety.</source>
        <translation>Die Antwort kam von einem anderen Anmeldedienst (%1) als dem, den Clipshelf nutzt. Die Anmeldung wurde zu deiner Sicherheit abgebrochen.</translation>
    </message>
    <message>
        <source>none named</source>
        <translation>keiner angegeben</translation>
    </message>
    <message>
        <source>Sign-in was cancelled or denied at the provider.</source>
        <translation>Die Anmeldung wurde beim Anmeldedienst abgebrochen oder abgelehnt.</translation>
    </message>
    <message>
        <source>The provider reported an error: %1.</source>
        <translation>Der Anmeldedienst hat einen Fehler gemeldet: %1.</translation>
    </message>
    <message>
        <source>The provider&apos;s response has neither a code nor an error.</source>
        <translation>Die Antwort des Anmeldedienstes enthält weder einen Code noch einen Fehler.</translation>
    </message>
    <message>
        <source>The provider&apos;s response carries a code with characters that are not allowed in one. Sign-in stopped for your safety.</source>
        <translation>Die Antwort des Anmeldedienstes enthält einen Code mit unzulässigen Zeichen. Die Anmeldung wurde zu deiner Sicherheit abgebrochen.</translation>
    </message>
</context>
<context>
    <name>clipshelf::MemorySecretStore</name>
    <message>
        <source>memory (this run only)</source>
        <translation>Arbeitsspeicher (nur bis Clipshelf beendet wird)</translation>
    </message>
</context>
<context>
    <name>clipshelf::OidcDiscovery</name>
    <message>
        <source>its certificate could not be verified</source>
        <translation>sein Zertifikat konnte nicht überprüft werden</translation>
    </message>
    <message>
        <source>Clipshelf could not reach the provider at %1: %2.</source>
        <translation>Clipshelf konnte den Anmeldedienst unter %1 nicht erreichen: %2.</translation>
    </message>
    <message>
        <source>The provider&apos;s discovery document at %1 could not be loaded (HTTP %2). Check the issuer setting.</source>
        <translation>Das Discovery-Dokument des Anmeldedienstes unter %1 konnte nicht geladen werden (HTTP %2). Prüfe die Einstellung „issuer“.</translation>
    </message>
    <message>
        <source>issuer</source>
        <translation>Aussteller</translation>
    </message>
    <message>
        <source>the provider</source>
        <translation>der Anmeldedienst</translation>
    </message>
</context>
<context>
    <name>clipshelf::Outbox</name>
    <message>
        <source>Could not create %1</source>
        <translation>%1 konnte nicht angelegt werden</translation>
    </message>
</context>
<context>
    <name>clipshelf::Problem</name>
    <message>
        <source>The sign-in service could not be reached; you may be offline.</source>
        <translation>Der Anmeldedienst ist nicht erreichbar; vielleicht bist du offline.</translation>
    </message>
    <message>
        <source>The Clipshelf service could not be reached; you may be offline.</source>
        <translation>Der Clipshelf-Dienst ist nicht erreichbar; vielleicht bist du offline.</translation>
    </message>
    <message>
        <source>The sign-in service did not answer in time.</source>
        <translation>Der Anmeldedienst hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The Clipshelf service did not answer in time.</source>
        <translation>Der Clipshelf-Dienst hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The sign-in service’s certificate could not be verified, so Clipshelf did not connect to it.</source>
        <translation>Das Zertifikat des Anmeldedienstes konnte nicht überprüft werden, daher hat Clipshelf keine Verbindung zu ihm aufgenommen.</translation>
    </message>
    <message>
        <source>The Clipshelf service’s certificate could not be verified, so Clipshelf did not connect to it.</source>
        <translation>Das Zertifikat des Clipshelf-Dienstes konnte nicht überprüft werden, daher hat Clipshelf keine Verbindung zu ihm aufgenommen.</translation>
    </message>
    <message>
        <source>The Clipshelf service sent Clipshelf to another address, which it did not follow.</source>
        <translation>Der Clipshelf-Dienst hat auf eine andere Adresse verwiesen, der Clipshelf nicht gefolgt ist.</translation>
    </message>
    <message>
        <source>The sign-in service refused Clipshelf; its setup needs checking.</source>
        <translation>Der Anmeldedienst hat Clipshelf abgewiesen; seine Einrichtung muss geprüft werden.</translation>
    </message>
    <message>
        <source>The sign-in service is having trouble.</source>
        <translation>Der Anmeldedienst hat gerade Probleme.</translation>
    </message>
    <message>
        <source>Your session has ended — please sign in again.</source>
        <translation>Deine Sitzung ist beendet – bitte melde dich erneut an.</translation>
    </message>
    <message>
        <source>You are not signed in.</source>
        <translation>Du bist nicht angemeldet.</translation>
    </message>
    <message>
        <source>No keychain can be used, so your sign-in is kept only until Clipshelf closes.</source>
        <translation>Es ist kein Schlüsselbund nutzbar, daher bleibt deine Anmeldung nur erhalten, bis Clipshelf geschlossen wird.</translation>
    </message>
    <message>
        <source>The keychain could not be used just now.</source>
        <translation>Der Schlüsselbund konnte gerade nicht verwendet werden.</translation>
    </message>
    <message>
        <source>Some of what you entered was not accepted.</source>
        <translation>Einige deiner Eingaben wurden nicht akzeptiert.</translation>
    </message>
    <message>
        <source>It no longer exists — it may have been deleted elsewhere.</source>
        <translation>Es existiert nicht mehr – vielleicht wurde es anderswo gelöscht.</translation>
    </message>
    <message>
        <source>It was changed elsewhere in the meantime.</source>
        <translation>Es wurde inzwischen anderswo geändert.</translation>
    </message>
    <message>
        <source>You are not allowed to do that.</source>
        <translation>Das darfst du nicht.</translation>
    </message>
    <message numerus="yes">
        <source>Too many requests — please try again in %n seconds.</source>
        <translation>
            <numerusform>Zu viele Anfragen – bitte versuche es in %n Sekunde erneut.</numerusform>
            <numerusform>Zu viele Anfragen – bitte versuche es in %n Sekunden erneut.</numerusform>
        </translation>
    </message>
    <message>
        <source>Too many requests — please wait a moment.</source>
        <translation>Zu viele Anfragen – bitte warte einen Moment.</translation>
    </message>
    <message numerus="yes">
        <source>The Clipshelf service is busy — please try again in %n seconds.</source>
        <translation>
            <numerusform>Der Clipshelf-Dienst ist ausgelastet – bitte versuche es in %n Sekunde erneut.</numerusform>
            <numerusform>Der Clipshelf-Dienst ist ausgelastet – bitte versuche es in %n Sekunden erneut.</numerusform>
        </translation>
    </message>
    <message>
        <source>The Clipshelf service is having trouble.</source>
        <translation>Der Clipshelf-Dienst hat gerade Probleme.</translation>
    </message>
    <message>
        <source>This computer could not store Clipshelf’s data.</source>
        <translation>Dieser Computer konnte die Daten von Clipshelf nicht speichern.</translation>
    </message>
    <message>
        <source>The sign-in service sent an answer Clipshelf does not understand.</source>
        <translation>Der Anmeldedienst hat eine Antwort geschickt, die Clipshelf nicht versteht.</translation>
    </message>
    <message>
        <source>The Clipshelf service sent an answer Clipshelf does not understand.</source>
        <translation>Der Clipshelf-Dienst hat eine Antwort geschickt, die Clipshelf nicht versteht.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Check your connection</source>
        <translation>Verbindung prüfen</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Correct the entry</source>
        <translation>Eingabe korrigieren</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Ask whoever runs the service</source>
        <translation>Wende dich an den Betreiber des Dienstes</translation>
    </message>
    <message>
        <source>Set up a keychain</source>
        <translation>Schlüsselbund einrichten</translation>
    </message>
    <message>
        <source>Check the disk</source>
        <translation>Speicherplatz prüfen</translation>
    </message>
</context>
<context>
    <name>clipshelf::SecretMessages</name>
    <message>
        <source>Nothing is saved in the keychain for this profile.</source>
        <translation>Für dieses Profil ist nichts im Schlüsselbund gespeichert.</translation>
    </message>
    <message>
        <source>The macOS Keychain is not available: make sure you are logged in to your user account on this Mac, then sign in again.</source>
        <translation>Der macOS-Schlüsselbund ist nicht verfügbar: Stelle sicher, dass du an deinem Benutzerkonto auf diesem Mac angemeldet bist, und melde dich dann erneut an.</translation>
    </message>
    <message>
        <source>Windows Credential Manager is not available: make sure the Credential Manager service is running, then sign in again.</source>
        <translation>Die Windows-Anmeldeinformationsverwaltung ist nicht verfügbar: Stelle sicher, dass der Dienst „Anmeldeinformationsverwaltung“ läuft, und melde dich dann erneut an.</translation>
    </message>
    <message>
        <source>No Secret Service is running: install and unlock gnome-keyring or KWallet, then sign in again.</source>
        <translation>Es läuft kein Secret Service: Installiere und entsperre gnome-keyring oder KWallet und melde dich dann erneut an.</translation>
    </message>
    <message>
        <source>The macOS Keychain is locked or access was refused: unlock your login keychain (and choose &quot;Allow&quot; if asked), then try again.</source>
        <translation>Der macOS-Schlüsselbund ist gesperrt oder der Zugriff wurde verweigert: Entsperre deinen Schlüsselbund „Anmeldung“ (und wähle „Erlauben“, falls du gefragt wirst) und versuche es dann erneut.</translation>
    </message>
    <message>
        <source>Windows Credential Manager refused access: make sure you are signed in to your Windows account, then try again.</source>
        <translation>Die Windows-Anmeldeinformationsverwaltung hat den Zugriff verweigert: Stelle sicher, dass du an deinem Windows-Konto angemeldet bist, und versuche es dann erneut.</translation>
    </message>
    <message>
        <source>The keychain is locked: unlock it (for example by logging in to your desktop session) and try again.</source>
        <translation>Der Schlüsselbund ist gesperrt: Entsperre ihn (zum Beispiel, indem du dich an deiner Desktop-Sitzung anmeldest) und versuche es erneut.</translation>
    </message>
    <message>
        <source>The sign-in saved in the keychain is damaged or incomplete, so it cannot be used: sign in again to replace it.</source>
        <translation>Die im Schlüsselbund gespeicherte Anmeldung ist beschädigt oder unvollständig und kann nicht verwendet werden: Melde dich erneut an, um sie zu ersetzen.</translation>
    </message>
    <message>
        <source>This is too large to keep in the keychain (the limit is 1 MiB).</source>
        <translation>Das ist zu groß für den Schlüsselbund (die Grenze liegt bei 1 MiB).</translation>
    </message>
    <message>
        <source>Internal error: invalid keychain entry name.</source>
        <translation>Interner Fehler: ungültiger Name für einen Schlüsselbund-Eintrag.</translation>
    </message>
    <message>
        <source>The keychain reported an unknown error. Try again; if it keeps happening, restart your session.</source>
        <translation>Der Schlüsselbund hat einen unbekannten Fehler gemeldet. Versuche es erneut; wenn das immer wieder passiert, starte deine Desktop-Sitzung neu.</translation>
    </message>
    <message>
        <source>The keychain reported an error (%1). Try again; if it keeps happening, restart your session.</source>
        <translation>Der Schlüsselbund hat einen Fehler gemeldet (%1). Versuche es erneut; wenn das immer wieder passiert, starte deine Desktop-Sitzung neu.</translation>
    </message>
</context>
<context>
    <name>clipshelf::SessionManager</name>
    <message>
        <source>%1 Until then, Clipshelf keeps you signed in only while it is open.</source>
        <translation>%1 Bis dahin bleibst du nur angemeldet, solange Clipshelf geöffnet ist.</translation>
    </message>
    <message>
        <source>The sign-in service could not be reached.</source>
        <translation>Der Anmeldedienst ist nicht erreichbar.</translation>
    </message>
    <message numerus="yes">
        <source>%1 Trying again in %n s.</source>
        <translation>
            <numerusform>%1 Neuer Versuch in %n Sekunde.</numerusform>
            <numerusform>%1 Neuer Versuch in %n Sekunden.</numerusform>
        </translation>
    </message>
    <message>
        <source>You signed out.</source>
        <translation>Du hast dich abgemeldet.</translation>
    </message>
    <message>
        <source>You are not signed in.</source>
        <translation>Du bist nicht angemeldet.</translation>
    </message>
    <message>
        <source>Your session has ended — please sign in again.</source>
        <translation>Deine Sitzung ist beendet – bitte melde dich erneut an.</translation>
    </message>
    <message>
        <source>Another Clipshelf window is still renewing the session.</source>
        <translation>Ein anderes Clipshelf-Fenster erneuert gerade noch die Sitzung.</translation>
    </message>
    <message>
        <source>Your session has ended because the provider answered for another account — please sign in again.</source>
        <translation>Deine Sitzung ist beendet, weil der Anmeldedienst für ein anderes Konto geantwortet hat – bitte melde dich erneut an.</translation>
    </message>
    <message>
        <source>Your session has ended because the provider&apos;s answer could not be trusted — please sign in again.</source>
        <translation>Deine Sitzung ist beendet, weil der Antwort des Anmeldedienstes nicht zu trauen war – bitte melde dich erneut an.</translation>
    </message>
    <message>
        <source>Your renewed sign-in could not be saved in the keychain (%1). Clipshelf keeps trying while it is open; if it is closed first, you will have to sign in again.</source>
        <translation>Deine erneuerte Anmeldung konnte nicht im Schlüsselbund gespeichert werden (%1). Clipshelf versucht es weiter, solange es geöffnet ist; wird es vorher geschlossen, musst du dich erneut anmelden.</translation>
    </message>
    <message>
        <source>Clipshelf could not finish updating your sign-in in the keychain before closing, so you may have to sign in again.</source>
        <translation>Clipshelf konnte deine Anmeldung vor dem Beenden nicht fertig im Schlüsselbund aktualisieren, daher musst du dich eventuell erneut anmelden.</translation>
    </message>
</context>
<context>
    <name>clipshelf::SessionVault</name>
    <message>
        <source>The saved sign-in could not be read, so you are signed out: sign in again.</source>
        <translation>Die gespeicherte Anmeldung konnte nicht gelesen werden, daher bist du abgemeldet: Melde dich erneut an.</translation>
    </message>
    <message>
        <source>Internal error: the sign-in to save is incomplete.</source>
        <translation>Interner Fehler: Die zu speichernde Anmeldung ist unvollständig.</translation>
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
    <name>clipshelf::SignInFlow</name>
    <message>
        <source>Sign-in timed out: nothing came back from the browser within %1 minutes.</source>
        <translation>Zeitüberschreitung bei der Anmeldung: Vom Browser kam innerhalb von %1 Minuten nichts zurück.</translation>
    </message>
    <message>
        <source>Sign-in timed out: nothing came back from the browser within %1 seconds.</source>
        <translation>Zeitüberschreitung bei der Anmeldung: Vom Browser kam innerhalb von %1 Sekunden nichts zurück.</translation>
    </message>
    <message>
        <source>The provider did not accept the sign-in code. Please try again.</source>
        <translation>Der Anmeldedienst hat den Anmeldecode nicht akzeptiert. Bitte versuche es erneut.</translation>
    </message>
    <message>
        <source>The provider sent no ID token; make sure the &quot;openid&quot; scope is allowed.</source>
        <translation>Der Anmeldedienst hat kein ID-Token gesendet; stelle sicher, dass der Scope „openid“ erlaubt ist.</translation>
    </message>
    <message>
        <source>The provider&apos;s profile belongs to another account than the sign-in. Sign-in stopped for your safety.</source>
        <translation>Das Profil vom Anmeldedienst gehört zu einem anderen Konto als die Anmeldung. Die Anmeldung wurde zu deiner Sicherheit abgebrochen.</translation>
    </message>
    <message>
        <source>You can close this tab and return to Clipshelf.</source>
        <translation>Du kannst diesen Tab schließen und zu Clipshelf zurückkehren.</translation>
    </message>
    <message>
        <source>Sign-in was cancelled in Clipshelf.</source>
        <translation>Die Anmeldung wurde in Clipshelf abgebrochen.</translation>
    </message>
</context>
<context>
    <name>clipshelf::SignOutLanding</name>
    <message>
        <source>Signed out</source>
        <translation>Abgemeldet</translation>
    </message>
    <message>
        <source>You are signed out of Clipshelf and of your provider in this browser. You can close this tab.</source>
        <translation>Du bist von Clipshelf und in diesem Browser von deinem Anbieter abgemeldet. Du kannst diesen Tab schließen.</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
</context>
<context>
    <name>clipshelf::ThumbnailStore</name>
    <message>
        <source>Not a YouTube video id.</source>
        <translation>Keine YouTube-Video-ID.</translation>
    </message>
    <message>
        <source>The thumbnail could not be loaded.</source>
        <translation>Das Vorschaubild konnte nicht geladen werden.</translation>
    </message>
    <message>
        <source>The thumbnail could not be downloaded.</source>
        <translation>Das Vorschaubild konnte nicht heruntergeladen werden.</translation>
    </message>
    <message>
        <source>The thumbnail is not an image.</source>
        <translation>Das Vorschaubild ist kein Bild.</translation>
    </message>
    <message>
        <source>The thumbnail could not be stored.</source>
        <translation>Das Vorschaubild konnte nicht gespeichert werden.</translation>
    </message>
</context>
<context>
    <name>clipshelf::TokenClient</name>
    <message>
        <source>The provider has no userinfo endpoint.</source>
        <translation>Der Anmeldedienst hat keinen Userinfo-Endpunkt.</translation>
    </message>
    <message>
        <source>The provider&apos;s userinfo endpoint answered HTTP %1.</source>
        <translation>Der Userinfo-Endpunkt des Anmeldedienstes hat mit HTTP %1 geantwortet.</translation>
    </message>
    <message>
        <source>The access token is not valid.</source>
        <translation>Das Zugriffstoken ist ungültig.</translation>
    </message>
    <message>
        <source>the provider</source>
        <translation>der Anmeldedienst</translation>
    </message>
</context>
<context>
    <name>clipshelf::Workspace</name>
    <message>
        <source>Clipshelf cannot store changes on this computer (%1), so it keeps them in memory only: changes that haven’t synced yet are lost when Clipshelf closes or the computer restarts.</source>
        <translation>Clipshelf kann auf diesem Computer keine Änderungen speichern (%1) und behält sie nur im Arbeitsspeicher: Noch nicht synchronisierte Änderungen gehen verloren, wenn Clipshelf geschlossen oder der Computer neu gestartet wird.</translation>
    </message>
</context>
<context>
    <name>clipshelf::YoutubeUrl</name>
    <message>
        <source>is empty</source>
        <translation>ist leer</translation>
    </message>
    <message>
        <source>contains spaces or characters that a link cannot have</source>
        <translation>enthält Leerzeichen oder Zeichen, die ein Link nicht haben kann</translation>
    </message>
    <message>
        <source>is not a web link starting with https://</source>
        <translation>ist kein Weblink, der mit https:// beginnt</translation>
    </message>
    <message>
        <source>has a user name or a port, which YouTube links never have</source>
        <translation>enthält einen Benutzernamen oder Port, was YouTube-Links nie haben</translation>
    </message>
    <message>
        <source>is not a youtube.com or youtu.be address</source>
        <translation>ist keine Adresse auf youtube.com oder youtu.be</translation>
    </message>
    <message>
        <source>is a playlist, not one video</source>
        <translation>ist eine Playlist, kein einzelnes Video</translation>
    </message>
    <message>
        <source>does not say which video (v=)</source>
        <translation>sagt nicht, welches Video gemeint ist (v=)</translation>
    </message>
    <message>
        <source>names more than one video</source>
        <translation>nennt mehr als ein Video</translation>
    </message>
    <message>
        <source>has a video id that is not 11 letters, digits, - or _</source>
        <translation>hat eine Video-ID, die nicht aus 11 Buchstaben, Ziffern, - oder _ besteht</translation>
    </message>
    <message>
        <source>is a channel page, not one video</source>
        <translation>ist eine Kanalseite, kein einzelnes Video</translation>
    </message>
    <message>
        <source>is not a link to one YouTube video</source>
        <translation>ist kein Link zu einem einzelnen YouTube-Video</translation>
    </message>
</context>
</TS>

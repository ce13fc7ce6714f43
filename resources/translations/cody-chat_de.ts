<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ContextBudget</name>
    <message>
        <source>would exceed the context budget: about %1 tokens, %2 left</source>
        <translation>würde das Kontextbudget überschreiten: etwa %1 Tokens, %2 übrig</translation>
    </message>
</context>
<context>
    <name>ContextWindow</name>
    <message>
        <source>1 earlier message not sent (context limit)</source>
        <translation>1 frühere Nachricht nicht gesendet (Kontextlimit)</translation>
    </message>
    <message>
        <source>%1 earlier messages not sent (context limit)</source>
        <translation>%1 frühere Nachrichten nicht gesendet (Kontextlimit)</translation>
    </message>
    <message>
        <source>about %L1 tokens; %2 accepts %L3: shorten it or choose a model with a larger window</source>
        <translation>etwa %L1 Tokens; %2 nimmt %L3 an: kürzen Sie den Text oder wählen Sie ein Modell mit größerem Kontextfenster</translation>
    </message>
</context>
<context>
    <name>HistoryTransfer</name>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Export Conversation</source>
        <translation>Unterhaltung exportieren</translation>
    </message>
    <message>
        <source>The conversation was not exported: %1</source>
        <translation>Die Unterhaltung wurde nicht exportiert: %1</translation>
    </message>
    <message>
        <source>Conversation exported to %1</source>
        <translation>Unterhaltung nach %1 exportiert</translation>
    </message>
    <message>
        <source>Export All Conversations</source>
        <translation>Alle Unterhaltungen exportieren</translation>
    </message>
    <message>
        <source>The conversations were not exported: %1</source>
        <translation>Die Unterhaltungen wurden nicht exportiert: %1</translation>
    </message>
    <message>
        <source>All conversations exported to %1</source>
        <translation>Alle Unterhaltungen nach %1 exportiert</translation>
    </message>
    <message>
        <source>Import Conversations</source>
        <translation>Unterhaltungen importieren</translation>
    </message>
    <message>
        <source>JSON (*.json);;All files (*)</source>
        <translation>JSON (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>Es wurde nichts importiert: %1</translation>
    </message>
    <message>
        <source>1 conversation imported</source>
        <translation>1 Unterhaltung importiert</translation>
    </message>
    <message>
        <source>%1 conversations imported</source>
        <translation>%1 Unterhaltungen importiert</translation>
    </message>
    <message>
        <source>there is no conversation %1</source>
        <translation>es gibt keine Unterhaltung %1</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>MentionText</name>
    <message>
        <source>&quot;%1&quot; is not a line range; type 10 or 10-20</source>
        <translation>„%1“ ist kein Zeilenbereich; geben Sie 10 oder 10-20 ein</translation>
    </message>
    <message>
        <source>lines are counted from 1</source>
        <translation>Zeilen werden ab 1 gezählt</translation>
    </message>
    <message>
        <source>the range %1-%2 ends before it starts</source>
        <translation>der Bereich %1-%2 endet, bevor er beginnt</translation>
    </message>
</context>
<context>
    <name>PromptBuilder</name>
    <message>
        <source>the message is too long: about %1 tokens with Cody&apos;s preamble, and the model accepts %2; shorten it or choose a model with a larger window</source>
        <translation>die Nachricht ist zu lang: etwa %1 Tokens mit Codys Präambel, und das Modell nimmt %2 an; kürzen Sie sie oder wählen Sie ein Modell mit größerem Kontextfenster</translation>
    </message>
    <message>
        <source>empty: nothing to send</source>
        <translation>leer: nichts zu senden</translation>
    </message>
    <message>
        <source>no room: the question alone exceeds the model&apos;s input limit</source>
        <translation>kein Platz: schon die Frage allein überschreitet das Eingabelimit des Modells</translation>
    </message>
    <message>
        <source>duplicate of %1</source>
        <translation>Duplikat von %1</translation>
    </message>
    <message>
        <source>nothing retrieved from it was sent</source>
        <translation>nichts daraus Abgerufenes wurde gesendet</translation>
    </message>
    <message>
        <source>nothing was retrieved from it</source>
        <translation>nichts daraus abgerufen</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>The conversation history cannot be opened, so this session is not recorded:
%1</source>
        <translation>Der Unterhaltungsverlauf kann nicht geöffnet werden, daher wird diese Sitzung nicht aufgezeichnet:
%1</translation>
    </message>
    <message>
        <source>The conversation history was damaged. It was kept as
%1
and a new one was started.</source>
        <translation>Der Unterhaltungsverlauf war beschädigt. Er wurde als
%1
aufbewahrt und ein neuer wurde begonnen.</translation>
    </message>
</context>
<context>
    <name>ReplyRequestBuilder</name>
    <message>
        <source>the message is too long: %1</source>
        <translation>die Nachricht ist zu lang: %1</translation>
    </message>
</context>
<context>
    <name>SettingsStyle</name>
    <message>
        <source>Set by %1; the environment wins over saved settings.</source>
        <translation>Festgelegt durch %1; die Umgebung hat Vorrang vor gespeicherten Einstellungen.</translation>
    </message>
</context>
<context>
    <name>cody::AliasEditor</name>
    <message>
        <source>A&amp;dd alias</source>
        <translation>Alias hin&amp;zufügen</translation>
    </message>
    <message>
        <source>&amp;Remove alias</source>
        <translation>Alias &amp;entfernen</translation>
    </message>
    <message>
        <source>Model aliases</source>
        <translation>Modell-Aliasse</translation>
    </message>
    <message>
        <source>Short names for models: an alias and the cody/… model it stands for</source>
        <translation>Kurznamen für Modelle: ein Alias und das cody/…-Modell, für das er steht</translation>
    </message>
    <message>
        <source>Alias</source>
        <translation>Alias</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Add alias</source>
        <translation>Alias hinzufügen</translation>
    </message>
    <message>
        <source>Remove alias</source>
        <translation>Alias entfernen</translation>
    </message>
    <message>
        <source>Remove the selected alias</source>
        <translation>Den ausgewählten Alias entfernen</translation>
    </message>
    <message>
        <source>For example fast → cody/anthropic::2023-06-01::claude-3-haiku. An alias may not replace a built-in one (%1).</source>
        <translation>Zum Beispiel fast → cody/anthropic::2023-06-01::claude-3-haiku. Ein Alias darf keinen eingebauten ersetzen (%1).</translation>
    </message>
    <message>
        <source>Row %1: the alias needs a name.</source>
        <translation>Zeile %1: Der Alias braucht einen Namen.</translation>
    </message>
    <message>
        <source>Alias “%1”</source>
        <translation>Alias „%1“</translation>
    </message>
    <message>
        <source>%1: enter the model it stands for.</source>
        <translation>%1: Geben Sie das Modell ein, für das er steht.</translation>
    </message>
    <message>
        <source>%1 is listed twice.</source>
        <translation>%1 ist doppelt aufgeführt.</translation>
    </message>
    <message>
        <source>%1: its target “%2” is itself an alias, and aliases cannot point at other aliases.</source>
        <translation>%1: Sein Ziel „%2“ ist selbst ein Alias, und Aliasse können nicht auf andere Aliasse verweisen.</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1: %2.</translation>
    </message>
    <message>
        <source>Lists short names for models, each with the cody/… model it stands for</source>
        <translation>Listet Kurznamen für Modelle auf, jeweils mit dem cody/…-Modell, für das er steht</translation>
    </message>
    <message>
        <source>Adds an empty row to the alias table and edits it</source>
        <translation>Fügt der Alias-Tabelle eine leere Zeile hinzu und bearbeitet sie</translation>
    </message>
    <message>
        <source>Removes the selected row from the alias table</source>
        <translation>Entfernt die ausgewählte Zeile aus der Alias-Tabelle</translation>
    </message>
</context>
<context>
    <name>cody::ApiCall</name>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>the answer from %1 is larger than %2 MiB; refusing it</source>
        <translation>die Antwort von %1 ist größer als %2 MiB; sie wird abgelehnt</translation>
    </message>
    <message>
        <source>the server&apos;s answer is not the expected JSON (%1): %2</source>
        <translation>die Antwort des Servers ist nicht das erwartete JSON (%1): %2</translation>
    </message>
    <message>
        <source>not an object</source>
        <translation>kein Objekt</translation>
    </message>
    <message>
        <source>no complete answer from %1 within %2 s (timeout)</source>
        <translation>keine vollständige Antwort von %1 innerhalb von %2 s (Zeitüberschreitung)</translation>
    </message>
</context>
<context>
    <name>cody::BackgroundSearch</name>
    <message>
        <source>Cannot search the conversation database: %1</source>
        <translation>Die Unterhaltungsdatenbank kann nicht durchsucht werden: %1</translation>
    </message>
</context>
<context>
    <name>cody::ChatController</name>
    <message>
        <source>the message is empty</source>
        <translation>die Nachricht ist leer</translation>
    </message>
    <message>
        <source>a reply is still streaming; stop it first</source>
        <translation>eine Antwort wird noch übertragen; halten Sie sie zuerst an</translation>
    </message>
    <message>
        <source>there is no reply to regenerate</source>
        <translation>es gibt keine Antwort, die neu generiert werden könnte</translation>
    </message>
    <message>
        <source>there is no reply to retry</source>
        <translation>es gibt keine Antwort, die erneut versucht werden könnte</translation>
    </message>
    <message>
        <source>the last reply did not fail</source>
        <translation>die letzte Antwort ist nicht fehlgeschlagen</translation>
    </message>
    <message>
        <source>there is no such message to edit</source>
        <translation>die zu bearbeitende Nachricht gibt es nicht</translation>
    </message>
    <message>
        <source>the last reply was not cut short</source>
        <translation>die letzte Antwort wurde nicht abgeschnitten</translation>
    </message>
    <message>
        <source>Cody Chat is not connected: set the Sourcegraph URL and access token in Settings</source>
        <translation>Cody Chat ist nicht verbunden: Legen Sie die Sourcegraph-URL und das Zugangstoken in den Einstellungen fest</translation>
    </message>
    <message>
        <source>no model is selected</source>
        <translation>es ist kein Modell ausgewählt</translation>
    </message>
    <message>
        <source>cut off at the output limit</source>
        <translation>am Ausgabelimit abgeschnitten</translation>
    </message>
    <message>
        <source>there is no conversation %1</source>
        <translation>es gibt keine Unterhaltung %1</translation>
    </message>
    <message>
        <source>≈%1 tokens (estimate)</source>
        <translation>≈%1 Tokens (geschätzt)</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 Tokens</translation>
    </message>
    <message>
        <source>continued %1×</source>
        <translation>%1× fortgesetzt</translation>
    </message>
    <message>
        <source>Gathering codebase context…</source>
        <translation>Codebase-Kontext wird gesammelt …</translation>
    </message>
    <message>
        <source>stopped while gathering codebase context</source>
        <translation>beim Sammeln des Codebase-Kontexts angehalten</translation>
    </message>
</context>
<context>
    <name>cody::ChatView</name>
    <message>
        <source>Conversation</source>
        <translation>Unterhaltung</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>Cody</source>
        <translation>Cody</translation>
    </message>
    <message>
        <source>Waiting for the reply…</source>
        <translation>Warten auf die Antwort…</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Angehalten.</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Copy as Markdown</source>
        <translation>Als Markdown kopieren</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Model changed from %1 to %2</source>
        <translation>Modell von %1 zu %2 gewechselt</translation>
    </message>
    <message>
        <source>Code copied</source>
        <translation>Code kopiert</translation>
    </message>
    <message>
        <source>Message copied as Markdown</source>
        <translation>Nachricht als Markdown kopiert</translation>
    </message>
    <message>
        <source>Shows the messages of the open conversation; Tab moves between its links</source>
        <translation>Zeigt die Nachrichten der geöffneten Unterhaltung; die Tabulatortaste wechselt zwischen ihren Links</translation>
    </message>
    <message>
        <source>What was sent</source>
        <translation>Was gesendet wurde</translation>
    </message>
    <message>
        <source>What Was &amp;Sent</source>
        <translation>Was &amp;gesendet wurde</translation>
    </message>
    <message>
        <source>Shows the exact messages of the request that produced this reply</source>
        <translation>Zeigt genau die Nachrichten der Anfrage, aus der diese Antwort entstand</translation>
    </message>
</context>
<context>
    <name>cody::CodyContextQuery</name>
    <message>
        <source>getCodyContext did not answer a list</source>
        <translation>getCodyContext hat keine Liste geliefert</translation>
    </message>
</context>
<context>
    <name>cody::CompletionEvent</name>
    <message>
        <source>malformed %1 event: %2</source>
        <translation>fehlerhaftes %1-Ereignis: %2</translation>
    </message>
    <message>
        <source>malformed %1 event: %2 in `%3`</source>
        <translation>fehlerhaftes %1-Ereignis: %2 in `%3`</translation>
    </message>
    <message>
        <source>the server reported an error without a message</source>
        <translation>der Server hat einen Fehler ohne Meldung gemeldet</translation>
    </message>
    <message>
        <source>%1 at offset %2</source>
        <translation>%1 an Position %2</translation>
    </message>
    <message>
        <source>the data is not a JSON object</source>
        <translation>die Daten sind kein JSON-Objekt</translation>
    </message>
</context>
<context>
    <name>cody::CompletionStream</name>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>an HTML page answered instead of Sourcegraph&apos;s API (%1): a proxy or single sign-on page is probably in the way</source>
        <translation>statt der API von Sourcegraph hat eine HTML-Seite geantwortet (%1): Vermutlich ist ein Proxy oder eine Single-Sign-on-Seite im Weg</translation>
    </message>
    <message>
        <source>the server answered with &quot;%1&quot; instead of an event stream: %2</source>
        <translation>der Server hat mit „%1“ statt mit einem Ereignisstrom geantwortet: %2</translation>
    </message>
    <message>
        <source>the server reported an error: %1</source>
        <translation>der Server hat einen Fehler gemeldet: %1</translation>
    </message>
    <message>
        <source>the stream ended before the server said it was done</source>
        <translation>der Datenstrom endete, bevor der Server ihn als abgeschlossen gemeldet hat</translation>
    </message>
    <message>
        <source>the connection closed without any event (%1); this may be an outage of the upstream LLM provider</source>
        <translation>die Verbindung wurde ohne ein einziges Ereignis geschlossen (%1); möglicherweise ist der vorgelagerte LLM-Anbieter ausgefallen</translation>
    </message>
    <message>
        <source>the connection dropped after %1 characters of the reply (%2)</source>
        <translation>die Verbindung ist nach %1 Zeichen der Antwort abgebrochen (%2)</translation>
    </message>
</context>
<context>
    <name>cody::Composer</name>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Type a message; Enter sends it, Shift+Enter starts a new line</source>
        <translation>Geben Sie eine Nachricht ein; die Eingabetaste sendet sie, Umschalt+Eingabetaste beginnt eine neue Zeile</translation>
    </message>
    <message>
        <source>Ask Cody… (Enter to send, Shift+Enter for a new line)</source>
        <translation>Fragen Sie Cody… (Eingabetaste zum Senden, Umschalt+Eingabetaste für eine neue Zeile)</translation>
    </message>
</context>
<context>
    <name>cody::Config</name>
    <message>
        <source>must be %1, got &quot;%2&quot;</source>
        <translation>muss %1 sein, erhalten: „%2“</translation>
    </message>
    <message>
        <source>a whole number greater than 0</source>
        <translation>eine ganze Zahl größer als 0</translation>
    </message>
    <message>
        <source>a whole number of seconds greater than 0</source>
        <translation>eine ganze Zahl von Sekunden größer als 0</translation>
    </message>
    <message>
        <source>a whole number (0 = unlimited)</source>
        <translation>eine ganze Zahl (0 = unbegrenzt)</translation>
    </message>
    <message>
        <source>must be system, none or manual, got &quot;%1&quot;</source>
        <translation>muss system, none oder manual sein, erhalten: „%1“</translation>
    </message>
    <message>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an http(s) URL such as https://sourcegraph.example.com</source>
        <translation>„%1“ ist keine http(s)-URL wie https://sourcegraph.example.com</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must not carry a query, fragment or user info</source>
        <translation>„%1“ darf keine Abfrage, kein Fragment und keine Benutzerangaben enthalten</translation>
    </message>
    <message>
        <source>setting %1</source>
        <translation>Einstellung %1</translation>
    </message>
    <message>
        <source>setting %1: manual proxy mode needs %2 (host:port)</source>
        <translation>Einstellung %1: Der manuelle Proxy-Modus benötigt %2 (host:port)</translation>
    </message>
    <message>
        <source>this value is never saved in settings</source>
        <translation>dieser Wert wird nie in den Einstellungen gespeichert</translation>
    </message>
</context>
<context>
    <name>cody::ConnectionCheck</name>
    <message>
        <source>Signed in as %1</source>
        <translation>Angemeldet als %1</translation>
    </message>
    <message>
        <source>Signed in as %1 on Sourcegraph %2</source>
        <translation>Angemeldet als %1 bei Sourcegraph %2</translation>
    </message>
    <message>
        <source>the server answered with an error: %1</source>
        <translation>der Server hat mit einem Fehler geantwortet: %1</translation>
    </message>
    <message>
        <source>the server does not know this access token (no signed-in user)</source>
        <translation>der Server kennt dieses Zugangstoken nicht (kein angemeldeter Benutzer)</translation>
    </message>
</context>
<context>
    <name>cody::ContextBlock</name>
    <message>
        <source>1 item to send</source>
        <translation>1 Element zu senden</translation>
    </message>
    <message>
        <source>%L1 items to send</source>
        <translation>%L1 Elemente zu senden</translation>
    </message>
    <message>
        <source>1 item sent</source>
        <translation>1 Element gesendet</translation>
    </message>
    <message>
        <source>%L1 items sent</source>
        <translation>%L1 Elemente gesendet</translation>
    </message>
    <message>
        <source>%L1 left out</source>
        <translation>%L1 weggelassen</translation>
    </message>
    <message>
        <source>%L1 to send</source>
        <translation>%L1 zu senden</translation>
    </message>
    <message>
        <source>Context: %1</source>
        <translation>Kontext: %1</translation>
    </message>
    <message>
        <source>about %L1 tokens</source>
        <translation>etwa %L1 Tokens</translation>
    </message>
    <message>
        <source>Hide the list</source>
        <translation>Liste ausblenden</translation>
    </message>
    <message>
        <source>Show all %L1</source>
        <translation>Alle %L1 zeigen</translation>
    </message>
    <message>
        <source>Searched:</source>
        <translation>Durchsucht:</translation>
    </message>
    <message>
        <source>Sent:</source>
        <translation>Gesendet:</translation>
    </message>
    <message>
        <source>Left out:</source>
        <translation>Weggelassen:</translation>
    </message>
    <message>
        <source>To send:</source>
        <translation>Zu senden:</translation>
    </message>
    <message>
        <source>1 context item could not be read from the history</source>
        <translation>1 Kontextelement konnte nicht aus dem Verlauf gelesen werden</translation>
    </message>
    <message>
        <source>%L1 context items could not be read from the history</source>
        <translation>%L1 Kontextelemente konnten nicht aus dem Verlauf gelesen werden</translation>
    </message>
</context>
<context>
    <name>cody::ContextBudgetMeter</name>
    <message>
        <source>Context budget</source>
        <translation>Kontextbudget</translation>
    </message>
    <message>
        <source>How much of the model&apos;s input the next message uses</source>
        <translation>Wie viel der Eingabe des Modells die nächste Nachricht belegt</translation>
    </message>
    <message>
        <source>About %L1 of %L2 tokens</source>
        <translation>Etwa %L1 von %L2 Tokens</translation>
    </message>
    <message>
        <source> · 1 context item would be left out</source>
        <translation> · 1 Kontextelement würde weggelassen</translation>
    </message>
    <message>
        <source> · %L1 context items would be left out</source>
        <translation> · %L1 Kontextelemente würden weggelassen</translation>
    </message>
    <message>
        <source> · %L1 earlier messages not sent</source>
        <translation> · %L1 frühere Nachrichten nicht gesendet</translation>
    </message>
    <message>
        <source> · too long for this model</source>
        <translation> · zu lang für dieses Modell</translation>
    </message>
</context>
<context>
    <name>cody::ContextChips</name>
    <message>
        <source>repository</source>
        <translation>Repository</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>local file</source>
        <translation>lokale Datei</translation>
    </message>
    <message>
        <source>%1 · about %L2 tokens</source>
        <translation>%1 · etwa %L2 Tokens</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Would be left out: %1</source>
        <translation>Würde weggelassen: %1</translation>
    </message>
    <message>
        <source>Searched for what your message asks when it is sent</source>
        <translation>Wird beim Senden nach dem durchsucht, was Ihre Nachricht fragt</translation>
    </message>
    <message>
        <source>Sent with the message; its size is known once it is fetched</source>
        <translation>Wird mit der Nachricht gesendet; seine Größe ist bekannt, sobald es abgerufen ist</translation>
    </message>
    <message>
        <source>Sent with the message</source>
        <translation>Wird mit der Nachricht gesendet</translation>
    </message>
    <message>
        <source>%1; Delete removes it</source>
        <translation>%1; Entf entfernt es</translation>
    </message>
</context>
<context>
    <name>cody::ContextContentLoader</name>
    <message>
        <source>could not be fetched: %1</source>
        <translation>konnte nicht abgerufen werden: %1</translation>
    </message>
</context>
<context>
    <name>cody::ContextFilters</name>
    <message>
        <source>a filter list is not a list</source>
        <translation>eine Filterliste ist keine Liste</translation>
    </message>
    <message>
        <source>a filter has no repoNamePattern</source>
        <translation>ein Filter hat kein repoNamePattern</translation>
    </message>
    <message>
        <source>the pattern &quot;%1&quot; is not a regular expression this client understands (%2)</source>
        <translation>das Muster &quot;%1&quot; ist kein regulärer Ausdruck, den dieser Client versteht (%2)</translation>
    </message>
    <message>
        <source>the context filters could not be read, so no repository is used (%1)</source>
        <translation>die Kontextfilter konnten nicht gelesen werden, daher wird kein Repository verwendet (%1)</translation>
    </message>
    <message>
        <source>they are not an object</source>
        <translation>sie sind kein Objekt</translation>
    </message>
    <message>
        <source>excluded by the context filters (%1 matches no include pattern)</source>
        <translation>durch die Kontextfilter ausgeschlossen (%1 passt zu keinem Einschlussmuster)</translation>
    </message>
    <message>
        <source>excluded by the context filters (exclude pattern &quot;%1&quot;)</source>
        <translation>durch die Kontextfilter ausgeschlossen (Ausschlussmuster &quot;%1&quot;)</translation>
    </message>
</context>
<context>
    <name>cody::ContextFiltersRequest</name>
    <message>
        <source>the context filters could not be read, so no repository is used (%1)</source>
        <translation>die Kontextfilter konnten nicht gelesen werden, daher wird kein Repository verwendet (%1)</translation>
    </message>
    <message>
        <source>the context filters have an unexpected shape, so no repository is used</source>
        <translation>die Kontextfilter haben eine unerwartete Form, daher wird kein Repository verwendet</translation>
    </message>
    <message>
        <source>the Sourcegraph version could not be read, so no repository is used (%1)</source>
        <translation>die Sourcegraph-Version konnte nicht gelesen werden, daher wird kein Repository verwendet (%1)</translation>
    </message>
    <message>
        <source>the context filters have not been read yet</source>
        <translation>die Kontextfilter wurden noch nicht gelesen</translation>
    </message>
</context>
<context>
    <name>cody::ContextFiltersSource</name>
    <message>
        <source>the context filters have not been read yet, so no repository is used</source>
        <translation>die Kontextfilter wurden noch nicht gelesen, daher wird kein Repository verwendet</translation>
    </message>
</context>
<context>
    <name>cody::ContextGathering</name>
    <message>
        <source>could not be read: %1</source>
        <translation>konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>the search failed: %1</source>
        <translation>die Suche ist fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>cody::ContextRepositoriesEditor</name>
    <message>
        <source>Standing repositories</source>
        <translation>Ständige Repositorys</translation>
    </message>
    <message>
        <source>Repositories every question in this conversation searches; Delete removes the selected one</source>
        <translation>Repositorys, die jede Frage in dieser Unterhaltung durchsucht; Entf entfernt das ausgewählte</translation>
    </message>
    <message>
        <source>None: a question searches only the repositories it mentions.</source>
        <translation>Keine: Eine Frage durchsucht nur die Repositorys, die sie erwähnt.</translation>
    </message>
    <message>
        <source>Repository to add</source>
        <translation>Hinzuzufügendes Repository</translation>
    </message>
    <message>
        <source>The name of a repository on the instance, e.g. github.com/sourcegraph/cody; matching names are offered as you type</source>
        <translation>Der Name eines Repositorys der Instanz, z. B. github.com/sourcegraph/cody; passende Namen werden beim Tippen angeboten</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>Add the repository</source>
        <translation>Repository hinzufügen</translation>
    </message>
    <message>
        <source>Checks the name on the instance and adds it to the standing repositories</source>
        <translation>Prüft den Namen auf der Instanz und fügt ihn den ständigen Repositorys hinzu</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Remove the repository</source>
        <translation>Repository entfernen</translation>
    </message>
    <message>
        <source>Removes the selected standing repository</source>
        <translation>Entfernt das ausgewählte ständige Repository</translation>
    </message>
    <message>
        <source>Add a repository, e.g. github.com/sourcegraph/cody</source>
        <translation>Repository hinzufügen, z. B. github.com/sourcegraph/cody</translation>
    </message>
    <message>
        <source>Repository check</source>
        <translation>Prüfung des Repositorys</translation>
    </message>
    <message>
        <source>%1 is already a standing repository.</source>
        <translation>%1 ist bereits ein ständiges Repository.</translation>
    </message>
    <message>
        <source>Not connected: %1 cannot be checked on the instance.</source>
        <translation>Nicht verbunden: %1 kann nicht auf der Instanz geprüft werden.</translation>
    </message>
    <message>
        <source>Checking %1 on the instance…</source>
        <translation>%1 wird auf der Instanz geprüft …</translation>
    </message>
    <message>
        <source>%1 could not be checked: %2.</source>
        <translation>%1 konnte nicht geprüft werden: %2.</translation>
    </message>
    <message>
        <source>%1 is not a repository on this instance (or it is not visible to you).</source>
        <translation>%1 ist kein Repository dieser Instanz (oder für Sie nicht sichtbar).</translation>
    </message>
    <message>
        <source>%1 cannot be used as context: %2.</source>
        <translation>%1 kann nicht als Kontext verwendet werden: %2.</translation>
    </message>
    <message>
        <source>Added %1: every question in this conversation searches it.</source>
        <translation>%1 hinzugefügt: Jede Frage in dieser Unterhaltung durchsucht es.</translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation>%1 entfernt.</translation>
    </message>
</context>
<context>
    <name>cody::ContextRetrieval</name>
    <message>
        <source>the instance has no repository %1 (or it is not visible to you)</source>
        <translation>die Instanz hat kein Repository %1 (oder es ist für Sie nicht sichtbar)</translation>
    </message>
</context>
<context>
    <name>cody::ConversationRecorder</name>
    <message>
        <source>there is no conversation %1 in the history</source>
        <translation>es gibt keine Unterhaltung %1 im Verlauf</translation>
    </message>
</context>
<context>
    <name>cody::ConversationSettingsPanel</name>
    <message>
        <source>Conversation settings</source>
        <translation>Einstellungen der Unterhaltung</translation>
    </message>
    <message>
        <source>Model of this conversation</source>
        <translation>Modell dieser Unterhaltung</translation>
    </message>
    <message>
        <source>C&amp;hange…</source>
        <translation>Ä&amp;ndern…</translation>
    </message>
    <message>
        <source>Change the model</source>
        <translation>Das Modell ändern</translation>
    </message>
    <message>
        <source>Choose another model (Ctrl+M); the change shows in the conversation</source>
        <translation>Ein anderes Modell wählen (Strg+M); der Wechsel wird in der Unterhaltung angezeigt</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <source>Optional: instructions the model follows in this conversation, e.g. &quot;Answer in German.&quot;</source>
        <translation>Optional: Anweisungen, denen das Modell in dieser Unterhaltung folgt, z. B. „Antworte auf Deutsch.“</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>Systemanweisung</translation>
    </message>
    <message>
        <source>&amp;System prompt:</source>
        <translation>&amp;Systemanweisung:</translation>
    </message>
    <message>
        <source>Server default</source>
        <translation>Serverstandard</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Temperatur</translation>
    </message>
    <message>
        <source>0 is most predictable, 2 most varied</source>
        <translation>0 ist am vorhersehbarsten, 2 am abwechslungsreichsten</translation>
    </message>
    <message>
        <source>Maximum reply tokens</source>
        <translation>Maximale Tokens pro Antwort</translation>
    </message>
    <message>
        <source>Longer replies are continued automatically when this limit cuts them off (unless switched off in Settings)</source>
        <translation>Längere Antworten werden automatisch fortgesetzt, wenn diese Grenze sie abschneidet (sofern nicht in den Einstellungen ausgeschaltet)</translation>
    </message>
    <message>
        <source>&amp;Temperature:</source>
        <translation>&amp;Temperatur:</translation>
    </message>
    <message>
        <source>Max &amp;tokens per reply:</source>
        <translation>Maximale Tokens pro &amp;Antwort:</translation>
    </message>
    <message>
        <source>Default (%1)</source>
        <translation>Standard (%1)</translation>
    </message>
    <message>
        <source>Opens the model list to choose another model</source>
        <translation>Öffnet die Modellliste, um ein anderes Modell zu wählen</translation>
    </message>
    <message>
        <source>The model that answers in this conversation</source>
        <translation>Das Modell, das in dieser Unterhaltung antwortet</translation>
    </message>
    <message>
        <source>Sets instructions the model follows in this conversation</source>
        <translation>Legt Anweisungen fest, denen das Modell in dieser Unterhaltung folgt</translation>
    </message>
    <message>
        <source>Sets how varied the replies are, from 0 (most predictable) to 2</source>
        <translation>Legt fest, wie abwechslungsreich die Antworten sind, von 0 (am vorhersehbarsten) bis 2</translation>
    </message>
    <message>
        <source>Limits the length of each reply in tokens</source>
        <translation>Begrenzt die Länge jeder Antwort in Tokens</translation>
    </message>
    <message>
        <source>Conte&amp;xt:</source>
        <translation>&amp;Kontext:</translation>
    </message>
    <message>
        <source>Repositories of the instance every question in this conversation searches, without mentioning them again</source>
        <translation>Repositorys der Instanz, die jede Frage in dieser Unterhaltung durchsucht, ohne sie erneut zu erwähnen</translation>
    </message>
</context>
<context>
    <name>cody::ConversationSidebar</name>
    <message>
        <source>&amp;Conversations</source>
        <translation>&amp;Unterhaltungen</translation>
    </message>
    <message>
        <source>Search all messages…</source>
        <translation>Alle Nachrichten durchsuchen…</translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation>Unterhaltungen durchsuchen</translation>
    </message>
    <message>
        <source>Finds conversations by any word of any message</source>
        <translation>Findet Unterhaltungen anhand jedes Wortes jeder Nachricht</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>&amp;Umbenennen</translation>
    </message>
    <message>
        <source>&amp;Pin or Unpin</source>
        <translation>&amp;Anheften oder lösen</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Unterhaltungen</translation>
    </message>
    <message>
        <source>Lists the recorded conversations, newest first; Enter opens one, F2 renames it and Delete deletes it</source>
        <translation>Listet die aufgezeichneten Unterhaltungen auf, neueste zuerst; die Eingabetaste öffnet eine, F2 benennt sie um und Entf löscht sie</translation>
    </message>
</context>
<context>
    <name>cody::ConversationStore</name>
    <message>
        <source>The conversation database is not open</source>
        <translation>Die Unterhaltungsdatenbank ist nicht geöffnet</translation>
    </message>
    <message>
        <source>Cannot open the conversation database %1</source>
        <translation>Die Unterhaltungsdatenbank %1 kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Configuring %1</source>
        <translation>Konfigurieren von %1</translation>
    </message>
    <message>
        <source>Updating the conversation&apos;s time</source>
        <translation>Aktualisieren des Zeitstempels der Unterhaltung</translation>
    </message>
    <message>
        <source>%1 — the disk holding it is full</source>
        <translation>%1 — das Laufwerk, auf dem sie liegt, ist voll</translation>
    </message>
    <message>
        <source>Checking the conversation database %1</source>
        <translation>Prüfen der Unterhaltungsdatenbank %1</translation>
    </message>
    <message>
        <source>Creating a conversation</source>
        <translation>Anlegen einer Unterhaltung</translation>
    </message>
    <message>
        <source>Saving conversation %1</source>
        <translation>Speichern der Unterhaltung %1</translation>
    </message>
    <message>
        <source>Saving conversation %1: no such conversation</source>
        <translation>Speichern der Unterhaltung %1: Diese Unterhaltung gibt es nicht</translation>
    </message>
    <message>
        <source>Deleting conversation %1</source>
        <translation>Löschen der Unterhaltung %1</translation>
    </message>
    <message>
        <source>Deleting conversation %1: no such conversation</source>
        <translation>Löschen der Unterhaltung %1: Diese Unterhaltung gibt es nicht</translation>
    </message>
    <message>
        <source>Saving a message in conversation %1</source>
        <translation>Speichern einer Nachricht in Unterhaltung %1</translation>
    </message>
    <message>
        <source>Saving message %1</source>
        <translation>Speichern der Nachricht %1</translation>
    </message>
    <message>
        <source>%1: no such message</source>
        <translation>%1: Diese Nachricht gibt es nicht</translation>
    </message>
    <message>
        <source>Saving streamed text of message %1</source>
        <translation>Speichern des gestreamten Texts der Nachricht %1</translation>
    </message>
    <message>
        <source>Deleting messages from %1 in conversation %2</source>
        <translation>Löschen der Nachrichten ab %1 in Unterhaltung %2</translation>
    </message>
    <message>
        <source>Importing conversations</source>
        <translation>Importieren von Unterhaltungen</translation>
    </message>
    <message>
        <source>Saving the context of message %1</source>
        <translation>Speichern des Kontexts der Nachricht %1</translation>
    </message>
    <message>
        <source>%1 is read-only</source>
        <translation>%1 ist schreibgeschützt</translation>
    </message>
</context>
<context>
    <name>cody::GraphqlRequest</name>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
</context>
<context>
    <name>cody::GraphqlResult</name>
    <message>
        <source>the server&apos;s GraphQL answer is empty</source>
        <translation>die GraphQL-Antwort des Servers ist leer</translation>
    </message>
    <message>
        <source>(an error without a message)</source>
        <translation>(ein Fehler ohne Meldung)</translation>
    </message>
    <message>
        <source>the server refused the GraphQL query: %1</source>
        <translation>der Server hat die GraphQL-Abfrage abgelehnt: %1</translation>
    </message>
    <message>
        <source>the server&apos;s answer is not a GraphQL result (%1): %2</source>
        <translation>die Antwort des Servers ist kein GraphQL-Ergebnis (%1): %2</translation>
    </message>
    <message>
        <source>no data object</source>
        <translation>kein data-Objekt</translation>
    </message>
</context>
<context>
    <name>cody::KeychainSecretStore</name>
    <message>
        <source>nothing is stored in the keychain for %1</source>
        <translation>im Schlüsselbund ist für %1 nichts gespeichert</translation>
    </message>
    <message>
        <source>the keychain failed: %1</source>
        <translation>der Schlüsselbund meldet einen Fehler: %1</translation>
    </message>
    <message>
        <source>the keychain did not answer within %1 s: is a Secret Service such as gnome-keyring running and unlocked?</source>
        <translation>der Schlüsselbund hat nicht innerhalb von %1 s geantwortet: Läuft ein Secret Service wie gnome-keyring, und ist er entsperrt?</translation>
    </message>
</context>
<context>
    <name>cody::KeywordQueryRewriter</name>
    <message>
        <source>the keyword rewrite took longer than %1 s</source>
        <translation>die Umschreibung in Suchbegriffe dauerte länger als %1 s</translation>
    </message>
    <message>
        <source>there is no question to rewrite</source>
        <translation>es gibt keine Frage zum Umschreiben</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>the keyword rewrite failed: %1</source>
        <translation>die Umschreibung in Suchbegriffe ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>the keyword rewrite answered no keywords</source>
        <translation>die Umschreibung in Suchbegriffe lieferte keine Suchbegriffe</translation>
    </message>
</context>
<context>
    <name>cody::MainWindow</name>
    <message>
        <source>The history could not be written: %1</source>
        <translation>Der Verlauf konnte nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Demo mode&lt;/b&gt;: answers come from the bundled fake Sourcegraph server, not a real model. To use your instance, start cody-chat on its own and enter its URL and token in Settings.</source>
        <translation>&lt;b&gt;Demomodus&lt;/b&gt;: Die Antworten kommen vom mitgelieferten simulierten Sourcegraph-Server, nicht von einem echten Modell. Um Ihre Instanz zu verwenden, starten Sie cody-chat eigenständig und geben Sie deren URL und Token in den Einstellungen ein.</translation>
    </message>
    <message>
        <source>Demo mode notice</source>
        <translation>Hinweis zum Demomodus</translation>
    </message>
    <message>
        <source>TLS verification is off</source>
        <translation>TLS-Prüfung ist ausgeschaltet</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Selected model</source>
        <translation>Ausgewähltes Modell</translation>
    </message>
    <message>
        <source>Last reply</source>
        <translation>Letzte Antwort</translation>
    </message>
    <message>
        <source>&amp;Chat</source>
        <translation>&amp;Chat</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>&amp;New Chat</source>
        <translation>&amp;Neuer Chat</translation>
    </message>
    <message>
        <source>&amp;Stop Reply</source>
        <translation>Antwort &amp;anhalten</translation>
    </message>
    <message>
        <source>&amp;Regenerate Last Reply</source>
        <translation>Letzte Antwort neu &amp;generieren</translation>
    </message>
    <message>
        <source>&amp;Focus Message Box</source>
        <translation>Nachrichtenfeld &amp;fokussieren</translation>
    </message>
    <message>
        <source>&amp;Continue Reply</source>
        <translation>Antwort f&amp;ortsetzen</translation>
    </message>
    <message>
        <source>Choose &amp;Model</source>
        <translation>&amp;Modell wählen</translation>
    </message>
    <message>
        <source>Conversation Se&amp;ttings</source>
        <translation>Einstellungen der &amp;Unterhaltung</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modell:</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Verlauf</translation>
    </message>
    <message>
        <source>&amp;Export Conversation…</source>
        <translation>Unterhaltung &amp;exportieren…</translation>
    </message>
    <message>
        <source>Export &amp;All Conversations…</source>
        <translation>&amp;Alle Unterhaltungen exportieren…</translation>
    </message>
    <message>
        <source>&amp;Import Conversations…</source>
        <translation>Unterhaltungen &amp;importieren…</translation>
    </message>
    <message>
        <source>Settings saved; they take effect when this reply ends.</source>
        <translation>Einstellungen gespeichert; sie werden wirksam, sobald diese Antwort beendet ist.</translation>
    </message>
    <message>
        <source>checking sign-in…</source>
        <translation>Anmeldung wird geprüft…</translation>
    </message>
    <message>
        <source>&lt;p style=&quot;margin: 24px;&quot;&gt;Ask Cody anything. Enter sends, Shift+Enter starts a new line.&lt;/p&gt;</source>
        <translation>&lt;p style=&quot;margin: 24px;&quot;&gt;Fragen Sie Cody, was Sie möchten. Die Eingabetaste sendet, Umschalt+Eingabetaste beginnt eine neue Zeile.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Not connected: %1</source>
        <translation>Nicht verbunden: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;TLS certificate verification is off&lt;/b&gt; for %1 (%2). Anyone on the network path can read your access token and chats. Prefer a CA file in Settings.</source>
        <translation>&lt;b&gt;Die Prüfung der TLS-Zertifikate ist ausgeschaltet&lt;/b&gt; für %1 (%2). Jeder auf dem Netzwerkpfad kann Ihr Zugangstoken und Ihre Chats mitlesen. Verwenden Sie besser eine CA-Datei in den Einstellungen.</translation>
    </message>
    <message>
        <source>&lt;h2 style=&quot;margin-top: 24px;&quot;&gt;Welcome to Cody Chat&lt;/h2&gt;&lt;p&gt;To chat, Cody Chat needs the address of your Sourcegraph instance and an access token. %1&lt;/p&gt;&lt;p&gt;Open &lt;b&gt;Settings&lt;/b&gt; (Ctrl+,) and enter:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;the Sourcegraph URL, for example https://sourcegraph.example.com&lt;/li&gt;&lt;li&gt;an access token (Sourcegraph → Settings → Access tokens); it is kept in your system keychain, never in a file&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;h2 style=&quot;margin-top: 24px;&quot;&gt;Willkommen bei Cody Chat&lt;/h2&gt;&lt;p&gt;Zum Chatten benötigt Cody Chat die Adresse Ihrer Sourcegraph-Instanz und ein Zugangstoken. %1&lt;/p&gt;&lt;p&gt;Öffnen Sie die &lt;b&gt;Einstellungen&lt;/b&gt; (Strg+,) und geben Sie Folgendes ein:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;die Sourcegraph-URL, zum Beispiel https://sourcegraph.example.com&lt;/li&gt;&lt;li&gt;ein Zugangstoken (Sourcegraph → Settings → Access tokens); es wird im Schlüsselbund Ihres Systems aufbewahrt, niemals in einer Datei&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>The model &quot;%1&quot; is no longer available: %2</source>
        <translation>Das Modell „%1“ ist nicht mehr verfügbar: %2</translation>
    </message>
    <message>
        <source> · %1k context</source>
        <translation> · %1k Kontext</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Undo deleting the conversation</source>
        <translation>Löschen der Unterhaltung rückgängig machen</translation>
    </message>
    <message>
        <source>Conversation deleted.</source>
        <translation>Unterhaltung gelöscht.</translation>
    </message>
    <message>
        <source>The conversation could not be restored: %1</source>
        <translation>Die Unterhaltung konnte nicht wiederhergestellt werden: %1</translation>
    </message>
    <message>
        <source>Cody Chat</source>
        <translation>Cody Chat</translation>
    </message>
    <message>
        <source>Cody Chat — %1</source>
        <translation>Cody Chat — %1</translation>
    </message>
    <message>
        <source>Says that the answers come from a fake server</source>
        <translation>Weist darauf hin, dass die Antworten von einem simulierten Server kommen</translation>
    </message>
    <message>
        <source>Warns that the server&apos;s certificate is not checked, so the token can be read</source>
        <translation>Warnt, dass das Zertifikat des Servers nicht geprüft wird und das Token daher mitgelesen werden kann</translation>
    </message>
    <message>
        <source>The Sourcegraph instance and account in use</source>
        <translation>Die verwendete Sourcegraph-Instanz und das Konto</translation>
    </message>
    <message>
        <source>The model that answers and its context size</source>
        <translation>Das Modell, das antwortet, und seine Kontextgröße</translation>
    </message>
    <message>
        <source>Details of the last reply</source>
        <translation>Details zur letzten Antwort</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>Neuer Chat</translation>
    </message>
    <message>
        <source>Starts a new conversation (Ctrl+N)</source>
        <translation>Beginnt eine neue Unterhaltung (Strg+N)</translation>
    </message>
    <message>
        <source>Conversation settings</source>
        <translation>Einstellungen der Unterhaltung</translation>
    </message>
    <message>
        <source>Shows or hides the model, system prompt, temperature and max tokens of this conversation (Ctrl+Shift+,)</source>
        <translation>Zeigt oder verbirgt Modell, Systemanweisung, Temperatur und maximale Tokens dieser Unterhaltung (Strg+Umschalt+,)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Opens the settings: Sourcegraph URL, token, proxy and chat defaults (Ctrl+,)</source>
        <translation>Öffnet die Einstellungen: Sourcegraph-URL, Token, Proxy und Chat-Standardwerte (Strg+,)</translation>
    </message>
    <message>
        <source>Restores the conversation just deleted</source>
        <translation>Stellt die gerade gelöschte Unterhaltung wieder her</translation>
    </message>
    <message>
        <source>Model, system prompt, temperature, max tokens and context repositories</source>
        <translation>Modell, Systemanweisung, Temperatur, maximale Tokens und Kontext-Repositorys</translation>
    </message>
</context>
<context>
    <name>cody::MentionCompleter</name>
    <message>
        <source>Searching…</source>
        <translation>Suche läuft …</translation>
    </message>
    <message>
        <source>Repositories</source>
        <translation>Repositorys</translation>
    </message>
    <message>
        <source>↑↓ move · Enter adds · Tab lists its files · Esc closes</source>
        <translation>↑↓ wählen · Eingabe fügt hinzu · Tab listet seine Dateien · Esc schließt</translation>
    </message>
    <message>
        <source>Folders and files in %1</source>
        <translation>Ordner und Dateien in %1</translation>
    </message>
    <message>
        <source>↑↓ move · Enter adds · Tab opens · :10-20 after a file adds lines · Esc closes</source>
        <translation>↑↓ wählen · Eingabe fügt hinzu · Tab öffnet · :10-20 nach einer Datei fügt Zeilen hinzu · Esc schließt</translation>
    </message>
    <message>
        <source>%1 cannot be used: %2</source>
        <translation>%1 kann nicht verwendet werden: %2</translation>
    </message>
    <message>
        <source>the context filters are not available</source>
        <translation>die Kontextfilter sind nicht verfügbar</translation>
    </message>
    <message>
        <source>checking the context filters…</source>
        <translation>Kontextfilter werden geprüft …</translation>
    </message>
    <message>
        <source>Could not search the instance: %1</source>
        <translation>Die Instanz konnte nicht durchsucht werden: %1</translation>
    </message>
    <message>
        <source>No repository matches &quot;%1&quot;</source>
        <translation>Kein Repository passt zu „%1“</translation>
    </message>
    <message>
        <source>Nothing found in %1</source>
        <translation>Nichts gefunden in %1</translation>
    </message>
    <message>
        <source>No folder or file matches &quot;%1&quot;</source>
        <translation>Kein Ordner und keine Datei passt zu „%1“</translation>
    </message>
    <message>
        <source>Finish the line range, e.g. :10-20, or remove the last colon</source>
        <translation>Vervollständigen Sie den Zeilenbereich, z. B. :10-20, oder entfernen Sie den letzten Doppelpunkt</translation>
    </message>
</context>
<context>
    <name>cody::MentionListModel</name>
    <message>
        <source>repository</source>
        <translation>Repository</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>line %L1</source>
        <translation>Zeile %L1</translation>
    </message>
    <message>
        <source>lines %L1–%L2</source>
        <translation>Zeilen %L1–%L2</translation>
    </message>
    <message>
        <source>%1 cannot be added: %2</source>
        <translation>%1 kann nicht hinzugefügt werden: %2</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1, %2, unavailable: %3</source>
        <translation>%1, %2, nicht verfügbar: %3</translation>
    </message>
</context>
<context>
    <name>cody::MentionPopup</name>
    <message>
        <source>Mention suggestions</source>
        <translation>Vorschläge zum Erwähnen</translation>
    </message>
    <message>
        <source>Up and Down choose, Enter adds it to the message, Tab opens a repository or folder, Esc closes</source>
        <translation>Auf und Ab wählen, die Eingabetaste fügt es der Nachricht hinzu, Tab öffnet ein Repository oder einen Ordner, Esc schließt</translation>
    </message>
    <message>
        <source>Mention popup</source>
        <translation>Erwähnungsliste</translation>
    </message>
    <message>
        <source>Repositories, folders and files to add to the message</source>
        <translation>Repositorys, Ordner und Dateien, die der Nachricht hinzugefügt werden können</translation>
    </message>
    <message>
        <source>Mention status</source>
        <translation>Status der Erwähnung</translation>
    </message>
    <message>
        <source>%1 cannot be added: %2</source>
        <translation>%1 kann nicht hinzugefügt werden: %2</translation>
    </message>
</context>
<context>
    <name>cody::MentionSearch</name>
    <message>
        <source>not connected to a Sourcegraph instance</source>
        <translation>nicht mit einer Sourcegraph-Instanz verbunden</translation>
    </message>
</context>
<context>
    <name>cody::MessageEditBar</name>
    <message>
        <source>Editing a message</source>
        <translation>Nachricht wird bearbeitet</translation>
    </message>
    <message>
        <source>Cancel Edit</source>
        <translation>Bearbeiten abbrechen</translation>
    </message>
    <message>
        <source>Cancel editing the message</source>
        <translation>Das Bearbeiten der Nachricht abbrechen</translation>
    </message>
    <message>
        <source>Editing an earlier message. Sending it replaces the %1 messages after it.</source>
        <translation>Sie bearbeiten eine frühere Nachricht. Beim Senden werden die %1 Nachrichten danach ersetzt.</translation>
    </message>
    <message>
        <source>Editing your last message. Sending it replaces the reply to it.</source>
        <translation>Sie bearbeiten Ihre letzte Nachricht. Beim Senden wird die Antwort darauf ersetzt.</translation>
    </message>
    <message>
        <source>Editing your last message. Sending it asks again.</source>
        <translation>Sie bearbeiten Ihre letzte Nachricht. Beim Senden wird erneut gefragt.</translation>
    </message>
    <message>
        <source>Stops editing the earlier message and empties the message box</source>
        <translation>Beendet das Bearbeiten der früheren Nachricht und leert das Nachrichtenfeld</translation>
    </message>
</context>
<context>
    <name>cody::ModelAliases</name>
    <message>
        <source>the name is empty</source>
        <translation>der Name ist leer</translation>
    </message>
    <message>
        <source>the alias name is empty</source>
        <translation>der Aliasname ist leer</translation>
    </message>
    <message>
        <source>the alias name contains %1, which is not allowed (use letters, digits and - _ .)</source>
        <translation>der Aliasname enthält %1, was nicht zulässig ist (verwenden Sie Buchstaben, Ziffern und - _ .)</translation>
    </message>
    <message>
        <source>it would shadow the built-in alias %1</source>
        <translation>er würde den eingebauten Alias %1 verdecken</translation>
    </message>
    <message>
        <source>its target %1 is itself an alias, and aliases cannot point at other aliases</source>
        <translation>sein Ziel %1 ist selbst ein Alias, und Aliasse können nicht auf andere Aliasse verweisen</translation>
    </message>
    <message>
        <source>invalid target %1: %2</source>
        <translation>ungültiges Ziel %1: %2</translation>
    </message>
    <message>
        <source>ignoring user aliases under %1: alias names cannot contain &apos;/&apos;</source>
        <translation>die Benutzer-Aliasse unter %1 werden ignoriert: Aliasnamen dürfen kein &apos;/&apos; enthalten</translation>
    </message>
    <message>
        <source>ignoring user alias %1: %2</source>
        <translation>der Benutzer-Alias %1 wird ignoriert: %2</translation>
    </message>
    <message>
        <source>unknown model alias %1; did you mean %2?</source>
        <translation>unbekannter Modell-Alias %1; meinten Sie %2?</translation>
    </message>
    <message>
        <source>unknown model alias %1 (the parts of a model reference are separated by &apos;::&apos;)</source>
        <translation>unbekannter Modell-Alias %1 (die Teile einer Modellangabe werden durch &apos;::&apos; getrennt)</translation>
    </message>
    <message>
        <source>unknown model alias %1</source>
        <translation>unbekannter Modell-Alias %1</translation>
    </message>
    <message>
        <source>invalid model name %1: %2 Use cody/&lt;provider&gt;::&lt;apiVersion&gt;::&lt;model&gt;, &lt;provider&gt;::&lt;apiVersion&gt;::&lt;model&gt;, or an alias: %3</source>
        <translation>ungültiger Modellname %1: %2 Verwenden Sie cody/&lt;provider&gt;::&lt;apiVersion&gt;::&lt;model&gt;, &lt;provider&gt;::&lt;apiVersion&gt;::&lt;model&gt; oder einen Alias: %3</translation>
    </message>
    <message>
        <source>invalid model name %1: %2. Use cody/&lt;provider&gt;::&lt;apiVersion&gt;::&lt;model&gt;, &lt;provider&gt;::&lt;apiVersion&gt;::&lt;model&gt;, or an alias: %3</source>
        <translation>ungültiger Modellname %1: %2. Verwenden Sie cody/&lt;provider&gt;::&lt;apiVersion&gt;::&lt;model&gt;, &lt;provider&gt;::&lt;apiVersion&gt;::&lt;model&gt; oder einen Alias: %3</translation>
    </message>
</context>
<context>
    <name>cody::ModelCatalog</name>
    <message>
        <source>supported models: %1</source>
        <translation>unterstützte Modelle: %1</translation>
    </message>
    <message>
        <source>not valid JSON (%1 at offset %2)</source>
        <translation>kein gültiges JSON (%1 an Position %2)</translation>
    </message>
    <message>
        <source>the document is not a JSON object</source>
        <translation>das Dokument ist kein JSON-Objekt</translation>
    </message>
    <message>
        <source>the document has no &quot;models&quot; array</source>
        <translation>das Dokument enthält kein &quot;models&quot;-Array</translation>
    </message>
</context>
<context>
    <name>cody::ModelListModel</name>
    <message>
        <source>  (not on this server)</source>
        <translation>  (nicht auf diesem Server)</translation>
    </message>
    <message>
        <source>  (deprecated)</source>
        <translation>  (veraltet)</translation>
    </message>
</context>
<context>
    <name>cody::ModelPicker</name>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Model (Ctrl+M): pick one, or type cody/&lt;provider&gt;::&lt;apiVersion&gt;::&lt;model&gt;</source>
        <translation>Modell (Strg+M): Wählen Sie eines aus oder geben Sie cody/&lt;provider&gt;::&lt;apiVersion&gt;::&lt;model&gt; ein</translation>
    </message>
    <message>
        <source>cody/provider::apiVersion::model</source>
        <translation>cody/provider::apiVersion::model</translation>
    </message>
    <message>
        <source>%1 is not offered by this Sourcegraph instance</source>
        <translation>%1 wird von dieser Sourcegraph-Instanz nicht angeboten</translation>
    </message>
    <message>
        <source>Chooses the model that answers; pick one or type a cody/… name</source>
        <translation>Wählt das Modell, das antwortet; wählen Sie eines aus oder geben Sie einen cody/…-Namen ein</translation>
    </message>
</context>
<context>
    <name>cody::ModelRef</name>
    <message>
        <source>letters, digits and . _ - / @ :</source>
        <translation>Buchstaben, Ziffern und . _ - / @ :</translation>
    </message>
    <message>
        <source>letters, digits and . _ -</source>
        <translation>Buchstaben, Ziffern und . _ -</translation>
    </message>
    <message>
        <source>the %1 part is empty</source>
        <translation>der Teil %1 ist leer</translation>
    </message>
    <message>
        <source>the provider part must start with a letter or digit, not %1</source>
        <translation>der Teil provider muss mit einem Buchstaben oder einer Ziffer beginnen, nicht mit %1</translation>
    </message>
    <message>
        <source>the %1 part contains %2, which is not allowed (use %3)</source>
        <translation>der Teil %1 enthält %2, was nicht zulässig ist (verwenden Sie %3)</translation>
    </message>
    <message>
        <source>the name is empty</source>
        <translation>der Name ist leer</translation>
    </message>
    <message>
        <source>nothing follows the &quot;cody/&quot; prefix</source>
        <translation>auf das Präfix &quot;cody/&quot; folgt nichts</translation>
    </message>
    <message>
        <source>the prefix must be &quot;cody/&quot; in lower case</source>
        <translation>das Präfix muss &quot;cody/&quot; in Kleinbuchstaben lauten</translation>
    </message>
    <message>
        <source>expected 3 parts separated by &apos;::&apos;, found %1</source>
        <translation>erwartet wurden 3 durch &apos;::&apos; getrennte Teile, gefunden: %1</translation>
    </message>
    <message>
        <source>contains &apos;:::&apos;; the parts are separated by exactly &apos;::&apos;</source>
        <translation>enthält &apos;:::&apos;; die Teile werden durch genau &apos;::&apos; getrennt</translation>
    </message>
</context>
<context>
    <name>cody::ProductVersionRequest</name>
    <message>
        <source>the server did not say its version (site.productVersion)</source>
        <translation>der Server hat seine Version nicht genannt (site.productVersion)</translation>
    </message>
</context>
<context>
    <name>cody::ProxyEditor</name>
    <message>
        <source>S&amp;ystem</source>
        <translation>S&amp;ystem</translation>
    </message>
    <message>
        <source>Use the proxies of the environment (https_proxy, http_proxy, no_proxy)</source>
        <translation>Die Proxys der Umgebung verwenden (https_proxy, http_proxy, no_proxy)</translation>
    </message>
    <message>
        <source>&amp;None</source>
        <translation>&amp;Keiner</translation>
    </message>
    <message>
        <source>Connect directly, without a proxy</source>
        <translation>Direkt verbinden, ohne Proxy</translation>
    </message>
    <message>
        <source>&amp;Manual:</source>
        <translation>&amp;Manuell:</translation>
    </message>
    <message>
        <source>Use this HTTP proxy for every connection (no_proxy is still honoured)</source>
        <translation>Diesen HTTP-Proxy für jede Verbindung verwenden (no_proxy wird weiterhin beachtet)</translation>
    </message>
    <message>
        <source>Proxy: %1</source>
        <translation>Proxy: %1</translation>
    </message>
    <message>
        <source>host:port</source>
        <translation>host:port</translation>
    </message>
    <message>
        <source>Manual proxy host and port</source>
        <translation>Host und Port des manuellen Proxys</translation>
    </message>
    <message>
        <source>An HTTP proxy as host:port, for example proxy.example.com:3128</source>
        <translation>Ein HTTP-Proxy als host:port, zum Beispiel proxy.example.com:3128</translation>
    </message>
    <message>
        <source>Connects through the proxies the environment names</source>
        <translation>Verbindet über die Proxys, die die Umgebung angibt</translation>
    </message>
    <message>
        <source>Connects directly, without a proxy</source>
        <translation>Verbindet direkt, ohne Proxy</translation>
    </message>
    <message>
        <source>Connects through the HTTP proxy entered beside it</source>
        <translation>Verbindet über den daneben eingegebenen HTTP-Proxy</translation>
    </message>
    <message>
        <source>Sets the HTTP proxy used in Manual mode, as host:port</source>
        <translation>Legt den im manuellen Modus verwendeten HTTP-Proxy fest, als host:port</translation>
    </message>
</context>
<context>
    <name>cody::ProxySettings</name>
    <message>
        <source>write it as host:port, for example proxy.example.com:3128</source>
        <translation>geben Sie ihn als host:port an, zum Beispiel proxy.example.com:3128</translation>
    </message>
    <message>
        <source>The proxy is missing: %1</source>
        <translation>Der Proxy fehlt: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has a scheme; %2</source>
        <translation>„%1“ enthält ein Schema; %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a host and port; %2</source>
        <translation>„%1“ ist keine Angabe aus Host und Port; %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no port; %2</source>
        <translation>„%1“ hat keinen Port; %2</translation>
    </message>
</context>
<context>
    <name>cody::RemoteFileContent</name>
    <message>
        <source>a remote file needs a repository and a path</source>
        <translation>eine entfernte Datei braucht ein Repository und einen Pfad</translation>
    </message>
    <message>
        <source>the instance has no repository %1</source>
        <translation>die Instanz hat kein Repository %1</translation>
    </message>
    <message>
        <source>%1 has no revision %2</source>
        <translation>%1 hat keine Revision %2</translation>
    </message>
    <message>
        <source>%1 has no file %2 at %3</source>
        <translation>%1 hat keine Datei %2 in %3</translation>
    </message>
</context>
<context>
    <name>cody::ReplyError</name>
    <message>
        <source>cannot connect to %1: connection refused</source>
        <translation>keine Verbindung zu %1 möglich: Verbindung abgelehnt</translation>
    </message>
    <message>
        <source>cannot resolve the host name &quot;%1&quot;: check LLM_BASE_URL and your network</source>
        <translation>der Hostname „%1“ kann nicht aufgelöst werden: Prüfen Sie LLM_BASE_URL und Ihr Netzwerk</translation>
    </message>
    <message>
        <source>%1 closed the connection before answering</source>
        <translation>%1 hat die Verbindung geschlossen, bevor eine Antwort kam</translation>
    </message>
    <message>
        <source>connecting to %1 timed out</source>
        <translation>beim Verbinden mit %1 wurde das Zeitlimit überschritten</translation>
    </message>
    <message>
        <source>TLS handshake with %1 failed: %2</source>
        <translation>TLS-Handshake mit %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>the proxy failed: %1 (check https_proxy / no_proxy)</source>
        <translation>beim Proxy ist ein Fehler aufgetreten: %1 (prüfen Sie https_proxy / no_proxy)</translation>
    </message>
    <message>
        <source>request to %1 failed: %2</source>
        <translation>die Anfrage an %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>the server answered %1 with a redirect to %2; Cody Chat does not follow redirects with your token. If that is the right address, set LLM_BASE_URL to it</source>
        <translation>der Server hat mit %1 und einer Weiterleitung zu %2 geantwortet; Cody Chat folgt Weiterleitungen mit Ihrem Token nicht. Wenn das die richtige Adresse ist, setzen Sie LLM_BASE_URL auf diese Adresse</translation>
    </message>
    <message>
        <source>the Sourcegraph access token was rejected (%1)</source>
        <translation>das Sourcegraph-Zugangstoken wurde abgelehnt (%1)</translation>
    </message>
    <message>
        <source>%1 from %2 — is LLM_BASE_URL the address of a Sourcegraph instance?</source>
        <translation>%1 von %2 — ist LLM_BASE_URL die Adresse einer Sourcegraph-Instanz?</translation>
    </message>
    <message>
        <source>the server does not accept this client&apos;s name or version (%1); CODY_CLIENT_NAME sets the name sent</source>
        <translation>der Server akzeptiert den Namen oder die Version dieses Clients nicht (%1); CODY_CLIENT_NAME legt den gesendeten Namen fest</translation>
    </message>
    <message>
        <source>the server failed (%1)</source>
        <translation>beim Server ist ein Fehler aufgetreten (%1)</translation>
    </message>
    <message>
        <source>the server refused the request (%1)</source>
        <translation>der Server hat die Anfrage abgelehnt (%1)</translation>
    </message>
</context>
<context>
    <name>cody::ReplyOrchestrator</name>
    <message>
        <source>the connection was closed (its settings changed)</source>
        <translation>die Verbindung wurde geschlossen (ihre Einstellungen haben sich geändert)</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>continuation %1 failed: %2</source>
        <translation>die Fortsetzung %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>auto-continuation stopped after %1 continuation(s), the limit set</source>
        <translation>das automatische Fortsetzen wurde nach %1 Fortsetzung(en) beendet, dem festgelegten Limit</translation>
    </message>
    <message>
        <source>auto-continuation stopped: segment %1 added no new text</source>
        <translation>das automatische Fortsetzen wurde beendet: Abschnitt %1 hat keinen neuen Text hinzugefügt</translation>
    </message>
</context>
<context>
    <name>cody::ReplyWatchdog</name>
    <message>
        <source>no data from %1 for %2 s (idle timeout)</source>
        <translation>seit %2 s keine Daten von %1 (Leerlauf-Zeitlimit)</translation>
    </message>
</context>
<context>
    <name>cody::RepositoryIdLookup</name>
    <message>
        <source>the repository lookup has an unexpected shape</source>
        <translation>die Repository-Suche hat eine unerwartete Form</translation>
    </message>
</context>
<context>
    <name>cody::RepositoryList</name>
    <message>
        <source>the repository list has an unexpected shape</source>
        <translation>die Repository-Liste hat eine unerwartete Form</translation>
    </message>
    <message numerus="yes">
        <source>the server handed out the same page of repositories twice; stopped after %n repositories</source>
        <translation>
            <numerusform>der Server hat dieselbe Seite von Repositorys zweimal geliefert; nach %n Repository abgebrochen</numerusform>
            <numerusform>der Server hat dieselbe Seite von Repositorys zweimal geliefert; nach %n Repositorys abgebrochen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cody::SecretResult</name>
    <message>
        <source>no keychain is available; set LLM_API_KEY instead</source>
        <translation>kein Schlüsselbund verfügbar; setzen Sie stattdessen LLM_API_KEY</translation>
    </message>
</context>
<context>
    <name>cody::SendButton</name>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Stop the reply</source>
        <translation>Die Antwort anhalten</translation>
    </message>
    <message>
        <source>Stops the reply being written (Esc)</source>
        <translation>Hält die Antwort an, die gerade geschrieben wird (Esc)</translation>
    </message>
    <message>
        <source>Sends the message in the message box</source>
        <translation>Sendet die Nachricht im Nachrichtenfeld</translation>
    </message>
    <message>
        <source>Stop the reply (Esc)</source>
        <translation>Die Antwort anhalten (Esc)</translation>
    </message>
    <message>
        <source>Send the message (Enter)</source>
        <translation>Die Nachricht senden (Eingabetaste)</translation>
    </message>
</context>
<context>
    <name>cody::SentRequestDialog</name>
    <message>
        <source>%1 · %2 · about %L3 tokens — %4</source>
        <translation>%1 · %2 · etwa %L3 Tokens — %4</translation>
    </message>
    <message>
        <source>Messages sent</source>
        <translation>Gesendete Nachrichten</translation>
    </message>
    <message>
        <source>Every message of the request, in the order the model read them</source>
        <translation>Jede Nachricht der Anfrage, in der Reihenfolge, in der das Modell sie gelesen hat</translation>
    </message>
    <message>
        <source>Message text</source>
        <translation>Nachrichtentext</translation>
    </message>
    <message>
        <source>The selected message, exactly as sent</source>
        <translation>Die ausgewählte Nachricht, genau wie gesendet</translation>
    </message>
    <message>
        <source>What was sent</source>
        <translation>Was gesendet wurde</translation>
    </message>
    <message>
        <source>Copy as JSON</source>
        <translation>Als JSON kopieren</translation>
    </message>
    <message>
        <source>1 message sent to %1, about %L2 tokens.</source>
        <translation>1 Nachricht an %1 gesendet, etwa %L2 Tokens.</translation>
    </message>
    <message>
        <source>%L1 messages sent to %2, about %L3 tokens in all.</source>
        <translation>%L1 Nachrichten an %2 gesendet, insgesamt etwa %L3 Tokens.</translation>
    </message>
</context>
<context>
    <name>cody::Session</name>
    <message>
        <source>No Sourcegraph URL is set.</source>
        <translation>Es ist keine Sourcegraph-URL festgelegt.</translation>
    </message>
    <message>
        <source>keychain</source>
        <translation>Schlüsselbund</translation>
    </message>
    <message>
        <source>No access token is stored for %1.</source>
        <translation>Für %1 ist kein Zugangstoken gespeichert.</translation>
    </message>
    <message>
        <source>The keychain could not be read: %1</source>
        <translation>Der Schlüsselbund konnte nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>cody::SettingsChatPage</name>
    <message>
        <source>&amp;Automatically continue replies cut off by the output limit</source>
        <translation>Vom Ausgabelimit abgeschnittene Antworten &amp;automatisch fortsetzen</translation>
    </message>
    <message>
        <source>C&amp;lient name:</source>
        <translation>C&amp;lientname:</translation>
    </message>
    <message>
        <source>Client name</source>
        <translation>Clientname</translation>
    </message>
    <message>
        <source>The client-name the server sees. Also set by CODY_CLIENT_NAME.</source>
        <translation>Der Clientname (client-name), den der Server sieht. Auch durch CODY_CLIENT_NAME festgelegt.</translation>
    </message>
    <message>
        <source>Default max to&amp;kens:</source>
        <translation>Standardwert für maximale To&amp;kens:</translation>
    </message>
    <message>
        <source>Default maximum tokens</source>
        <translation>Standardwert für maximale Tokens</translation>
    </message>
    <message>
        <source>Output tokens asked for per request, capped at the model&apos;s limit. Also set by CODY_DEFAULT_MAX_TOKENS.</source>
        <translation>Pro Anfrage angeforderte Ausgabe-Tokens, begrenzt auf das Limit des Modells. Auch durch CODY_DEFAULT_MAX_TOKENS festgelegt.</translation>
    </message>
    <message>
        <source>Automatically continue replies cut off by the output limit</source>
        <translation>Vom Ausgabelimit abgeschnittene Antworten automatisch fortsetzen</translation>
    </message>
    <message>
        <source>Ask the model to go on, and join the pieces into one reply. Also set by CODY_AUTO_CONTINUE.</source>
        <translation>Das Modell bitten, weiterzuschreiben, und die Teile zu einer Antwort zusammenfügen. Auch durch CODY_AUTO_CONTINUE festgelegt.</translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation>Unbegrenzt</translation>
    </message>
    <message>
        <source>Maximum c&amp;ontinuations:</source>
        <translation>Maximale Anzahl an &amp;Fortsetzungen:</translation>
    </message>
    <message>
        <source>Maximum continuations</source>
        <translation>Maximale Anzahl an Fortsetzungen</translation>
    </message>
    <message>
        <source>Continuation requests after the first; a reply that stops making progress ends anyway. Also set by CODY_MAX_CONTINUATIONS.</source>
        <translation>Fortsetzungsanfragen nach der ersten; eine Antwort, die nicht mehr vorankommt, endet trotzdem. Auch durch CODY_MAX_CONTINUATIONS festgelegt.</translation>
    </message>
    <message>
        <source>Model al&amp;iases:</source>
        <translation>Modell-Al&amp;iasse:</translation>
    </message>
    <message>
        <source>Sets the client name sent to the server with each request</source>
        <translation>Legt den Clientnamen fest, der mit jeder Anfrage an den Server gesendet wird</translation>
    </message>
    <message>
        <source>Sets how many output tokens a reply may have unless a conversation sets its own</source>
        <translation>Legt fest, wie viele Ausgabe-Tokens eine Antwort haben darf, sofern eine Unterhaltung keinen eigenen Wert festlegt</translation>
    </message>
    <message>
        <source>Asks the model to go on when a reply is cut off and joins the pieces</source>
        <translation>Bittet das Modell weiterzuschreiben, wenn eine Antwort abgeschnitten wird, und fügt die Teile zusammen</translation>
    </message>
    <message>
        <source>Limits how many times one reply is continued; 0 means no limit</source>
        <translation>Begrenzt, wie oft eine Antwort fortgesetzt wird; 0 bedeutet unbegrenzt</translation>
    </message>
    <message>
        <source>&amp;Rewrite questions into search keywords before searching repositories</source>
        <translation>Fragen vor der Suche in Repositorys in Such&amp;begriffe umschreiben</translation>
    </message>
    <message>
        <source>Rewrite questions into search keywords before searching repositories</source>
        <translation>Fragen vor der Suche in Repositorys in Suchbegriffe umschreiben</translation>
    </message>
    <message>
        <source>Asks a fast model for search keywords before searching repositories for context</source>
        <translation>Lässt ein schnelles Modell Suchbegriffe bilden, bevor Repositorys nach Kontext durchsucht werden</translation>
    </message>
    <message>
        <source>As Cody does: a fast model turns the question into keywords for the search; if that fails, the question is searched as it is. Also set by CODY_CONTEXT_REWRITE.</source>
        <translation>Wie Cody: Ein schnelles Modell macht aus der Frage Suchbegriffe; schlägt das fehl, wird mit der Frage selbst gesucht. Auch über CODY_CONTEXT_REWRITE einstellbar.</translation>
    </message>
</context>
<context>
    <name>cody::SettingsConnectionTest</name>
    <message>
        <source>T&amp;est connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Sign in with the values above, without saving them</source>
        <translation>Mit den obigen Werten anmelden, ohne sie zu speichern</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 wird hergestellt…</translation>
    </message>
    <message>
        <source>%1, without checking the certificate (verification is skipped for this host).</source>
        <translation>%1, ohne das Zertifikat zu prüfen (die Prüfung wird für diesen Host übersprungen).</translation>
    </message>
    <message>
        <source>Signs in with the values above, without saving them, and shows the result below</source>
        <translation>Meldet sich mit den obigen Werten an, ohne sie zu speichern, und zeigt das Ergebnis darunter an</translation>
    </message>
</context>
<context>
    <name>cody::SettingsDialog</name>
    <message>
        <source>Cody Chat Settings</source>
        <translation>Einstellungen von Cody Chat</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Einstellungsseiten</translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation>&amp;Verbindung</translation>
    </message>
    <message>
        <source>C&amp;hat</source>
        <translation>C&amp;hat</translation>
    </message>
    <message>
        <source>Save settings and close</source>
        <translation>Einstellungen speichern und schließen</translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation>Ohne Speichern schließen</translation>
    </message>
    <message>
        <source>Sourcegraph URL</source>
        <translation>Sourcegraph-URL</translation>
    </message>
    <message>
        <source>The address of your Sourcegraph instance; a path prefix is fine. Also set by LLM_BASE_URL.</source>
        <translation>Die Adresse Ihrer Sourcegraph-Instanz; ein Pfadpräfix ist zulässig. Auch durch LLM_BASE_URL festgelegt.</translation>
    </message>
    <message>
        <source>Sourcegraph &amp;URL:</source>
        <translation>Sourcegraph-&amp;URL:</translation>
    </message>
    <message>
        <source>Access &amp;token:</source>
        <translation>&amp;Zugangstoken:</translation>
    </message>
    <message>
        <source>&amp;Skip TLS certificate verification for this host</source>
        <translation>TLS-Zertifikatsprüfung für diesen Host &amp;überspringen</translation>
    </message>
    <message>
        <source>Skip TLS certificate verification for this host</source>
        <translation>TLS-Zertifikatsprüfung für diesen Host überspringen</translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation>CA-Zertifikatsdatei</translation>
    </message>
    <message>
        <source>An extra PEM CA bundle trusted besides the system&apos;s, the safe fix for a company TLS proxy. Also set by CODY_CA_FILE.</source>
        <translation>Ein zusätzliches PEM-CA-Bündel, dem neben dem des Systems vertraut wird – die sichere Lösung für einen TLS-Proxy im Unternehmen. Auch durch CODY_CA_FILE festgelegt.</translation>
    </message>
    <message>
        <source>none: the system&apos;s certificates only</source>
        <translation>keine: nur die Zertifikate des Systems</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Durch&amp;suchen…</translation>
    </message>
    <message>
        <source>Browse for a CA certificate file</source>
        <translation>Nach einer CA-Zertifikatsdatei suchen</translation>
    </message>
    <message>
        <source>CA &amp;file:</source>
        <translation>CA-&amp;Datei:</translation>
    </message>
    <message>
        <source>Proxy:</source>
        <translation>Proxy:</translation>
    </message>
    <message>
        <source>These values could not be used, so the defaults apply:
%1</source>
        <translation>Diese Werte konnten nicht verwendet werden, daher gelten die Standardwerte:
%1</translation>
    </message>
    <message>
        <source>the host in the URL above</source>
        <translation>den Host aus der URL oben</translation>
    </message>
    <message>
        <source>⚠ Certificates are not checked for %1 (and only for it). Anyone on the network path could pose as the server and read your access token and chats. A CA file is the safe fix.</source>
        <translation>⚠ Zertifikate werden für %1 (und nur dafür) nicht geprüft. Jeder auf dem Netzwerkpfad könnte sich als der Server ausgeben und Ihr Zugangstoken und Ihre Chats mitlesen. Eine CA-Datei ist die sichere Lösung.</translation>
    </message>
    <message>
        <source>Only for a server whose certificate cannot be verified. It applies to %1 only; while it is on, anyone on the network path could read your access token.</source>
        <translation>Nur für einen Server, dessen Zertifikat nicht überprüft werden kann. Dies gilt nur für %1; solange es eingeschaltet ist, könnte jeder auf dem Netzwerkpfad Ihr Zugangstoken mitlesen.</translation>
    </message>
    <message>
        <source>Choose a CA certificate file</source>
        <translation>CA-Zertifikatsdatei auswählen</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>PEM-Zertifikate (*.pem *.crt *.cer);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Enter the Sourcegraph URL: the token is stored for it.</source>
        <translation>Geben Sie die Sourcegraph-URL ein: Das Token wird für sie gespeichert.</translation>
    </message>
    <message>
        <source>The settings file %1 could not be written.</source>
        <translation>Die Einstellungsdatei %1 konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Enter the Sourcegraph URL first.</source>
        <translation>Geben Sie zuerst die Sourcegraph-URL ein.</translation>
    </message>
    <message>
        <source>The manual proxy is not usable; see above.</source>
        <translation>Der manuelle Proxy ist nicht verwendbar; siehe oben.</translation>
    </message>
    <message>
        <source>Switches between the Connection and Chat settings</source>
        <translation>Wechselt zwischen den Verbindungs- und Chat-Einstellungen</translation>
    </message>
    <message>
        <source>Saves the settings, stores the token in the keychain and closes the dialog</source>
        <translation>Speichert die Einstellungen, legt das Token im Schlüsselbund ab und schließt den Dialog</translation>
    </message>
    <message>
        <source>Closes the dialog and forgets the changes</source>
        <translation>Schließt den Dialog und verwirft die Änderungen</translation>
    </message>
    <message>
        <source>Sets the address of the Sourcegraph instance to chat with</source>
        <translation>Legt die Adresse der Sourcegraph-Instanz fest, mit der gechattet wird</translation>
    </message>
    <message>
        <source>Turns off certificate checks for this host only; insecure, see the warning below</source>
        <translation>Schaltet die Zertifikatsprüfung nur für diesen Host aus; unsicher, beachten Sie die Warnung unten</translation>
    </message>
    <message>
        <source>Sets an extra CA certificate file to trust besides the system&apos;s certificates</source>
        <translation>Legt eine zusätzliche CA-Zertifikatsdatei fest, der neben den Zertifikaten des Systems vertraut wird</translation>
    </message>
    <message>
        <source>Opens a file dialog to choose the CA certificate file</source>
        <translation>Öffnet einen Dateidialog, um die CA-Zertifikatsdatei auszuwählen</translation>
    </message>
</context>
<context>
    <name>cody::SettingsStyle</name>
    <message>
        <source>A status message; its text can be selected and copied</source>
        <translation>Eine Statusmeldung; ihr Text kann markiert und kopiert werden</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Details: %1</translation>
    </message>
</context>
<context>
    <name>cody::SettingsTokenEditor</name>
    <message>
        <source>Access token</source>
        <translation>Zugangstoken</translation>
    </message>
    <message>
        <source>A Sourcegraph access token, created under User settings → Access tokens on your Sourcegraph instance</source>
        <translation>Ein Sourcegraph-Zugangstoken, erstellt unter User settings → Access tokens auf Ihrer Sourcegraph-Instanz</translation>
    </message>
    <message>
        <source>Cody Chat was started without one</source>
        <translation>Cody Chat wurde ohne Schlüsselbund gestartet</translation>
    </message>
    <message>
        <source>The keychain could not be read: %1. A token entered here replaces the stored one.</source>
        <translation>Der Schlüsselbund konnte nicht gelesen werden: %1. Ein hier eingegebenes Token ersetzt das gespeicherte.</translation>
    </message>
    <message>
        <source>Enter the Sourcegraph URL: the token is stored for it.</source>
        <translation>Geben Sie die Sourcegraph-URL ein: Das Token wird für sie gespeichert.</translation>
    </message>
    <message>
        <source>The token could not be removed from the keychain: %1</source>
        <translation>Das Token konnte nicht aus dem Schlüsselbund entfernt werden: %1</translation>
    </message>
    <message>
        <source>The token could not be saved in the keychain: %1</source>
        <translation>Das Token konnte nicht im Schlüsselbund gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Kept in the system keychain for this URL, never in the settings file.</source>
        <translation>Wird für diese URL im Schlüsselbund des Systems aufbewahrt, niemals in der Einstellungsdatei.</translation>
    </message>
    <message>
        <source>set by %1</source>
        <translation>festgelegt durch %1</translation>
    </message>
    <message>
        <source>Reading the keychain…</source>
        <translation>Schlüsselbund wird gelesen…</translation>
    </message>
    <message>
        <source>no keychain</source>
        <translation>kein Schlüsselbund</translation>
    </message>
    <message>
        <source>Hide token</source>
        <translation>Token verbergen</translation>
    </message>
    <message>
        <source>Show token</source>
        <translation>Token anzeigen</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Sets the Sourcegraph access token, kept in the system keychain; Ctrl+H shows it</source>
        <translation>Legt das Sourcegraph-Zugangstoken fest, das im Schlüsselbund des Systems aufbewahrt wird; Strg+H zeigt es an</translation>
    </message>
    <message>
        <source>No keychain is available, and Cody Chat never stores tokens in plain text. Set LLM_API_KEY in the environment before starting Cody Chat.</source>
        <translation>Es ist kein Schlüsselbund verfügbar, und Cody Chat speichert Tokens niemals im Klartext. Setzen Sie LLM_API_KEY in der Umgebung, bevor Sie Cody Chat starten.</translation>
    </message>
</context>
<context>
    <name>cody::SseParser</name>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
    <message>
        <source>server-sent event larger than %1; refusing it</source>
        <translation>vom Server gesendetes Ereignis größer als %1; es wird abgelehnt</translation>
    </message>
</context>
<context>
    <name>cody::StartingModel</name>
    <message>
        <source>%1 is %2 on this server, so Cody Chat starts with %3, the server&apos;s choice. Pick another model at any time.</source>
        <translation>%1 ist auf diesem Server als „%2“ markiert, daher beginnt Cody Chat mit %3, der Wahl des Servers. Sie können jederzeit ein anderes Modell wählen.</translation>
    </message>
    <message>
        <source>not offered</source>
        <translation>nicht angeboten</translation>
    </message>
    <message>
        <source>%1 is deprecated on this server and may stop answering; it is kept because you chose it.</source>
        <translation>%1 ist auf diesem Server veraltet und antwortet womöglich bald nicht mehr; es bleibt ausgewählt, weil Sie es gewählt haben.</translation>
    </message>
</context>
<context>
    <name>cody::StreamingWriter</name>
    <message>
        <source>Cannot save the reply: the conversation database is closed</source>
        <translation>Die Antwort kann nicht gespeichert werden: Die Unterhaltungsdatenbank ist geschlossen</translation>
    </message>
</context>
<context>
    <name>cody::TlsPolicy</name>
    <message>
        <source>cannot read the CA file %1: %2</source>
        <translation>die CA-Datei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>the CA file %1 holds no PEM certificate</source>
        <translation>die CA-Datei %1 enthält kein PEM-Zertifikat</translation>
    </message>
    <message>
        <source>TLS certificate of %1 was not accepted (%2). Set CODY_CA_FILE to your CA bundle, or CODY_SSL_BYPASS=true to skip verification for this host (insecure)</source>
        <translation>Das TLS-Zertifikat von %1 wurde nicht akzeptiert (%2). Setzen Sie CODY_CA_FILE auf Ihr CA-Bündel oder CODY_SSL_BYPASS=true, um die Prüfung für diesen Host zu überspringen (unsicher)</translation>
    </message>
</context>
<context>
    <name>cody::conversationexport</name>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is too large to be a Cody Chat export</source>
        <translation>%1 ist zu groß für einen Export aus Cody Chat</translation>
    </message>
</context>
<context>
    <name>cody::conversationschema</name>
    <message>
        <source>migrating the conversation database from version %1 to %2</source>
        <translation>die Unterhaltungsdatenbank wird von Version %1 auf %2 migriert</translation>
    </message>
    <message>
        <source>reading the conversation database&apos;s version</source>
        <translation>die Version der Unterhaltungsdatenbank wird gelesen</translation>
    </message>
    <message>
        <source>The conversation database has an invalid schema version %1</source>
        <translation>Die Unterhaltungsdatenbank hat eine ungültige Schemaversion %1</translation>
    </message>
    <message>
        <source>The conversation database %1 has schema version %2, newer than this Cody Chat understands (%3); it was left untouched. Use a newer Cody Chat.</source>
        <translation>Die Unterhaltungsdatenbank %1 hat die Schemaversion %2, die neuer ist, als diese Version von Cody Chat versteht (%3); sie wurde nicht verändert. Verwenden Sie eine neuere Version von Cody Chat.</translation>
    </message>
    <message>
        <source>unknown database error</source>
        <translation>unbekannter Datenbankfehler</translation>
    </message>
</context>
<context>
    <name>cody::conversationsearch</name>
    <message>
        <source>Searching the conversations</source>
        <translation>Durchsuchen der Unterhaltungen</translation>
    </message>
</context>
<context>
    <name>cody::messagecontext</name>
    <message>
        <source>Reading the context of the conversation&apos;s messages</source>
        <translation>Lesen des Kontexts der Nachrichten der Unterhaltung</translation>
    </message>
    <message>
        <source>%1: no such message</source>
        <translation>%1: Diese Nachricht gibt es nicht</translation>
    </message>
</context>
<context>
    <name>cody::namecharacters</name>
    <message>
        <source>contains a control character (%1)</source>
        <translation>enthält ein Steuerzeichen (%1)</translation>
    </message>
    <message>
        <source>has leading or trailing whitespace</source>
        <translation>hat Leerraum am Anfang oder Ende</translation>
    </message>
    <message>
        <source>contains whitespace (%1)</source>
        <translation>enthält Leerraum (%1)</translation>
    </message>
</context>
<context>
    <name>cody::privatefiles</name>
    <message>
        <source>%1 was readable by other users; it is now private to you</source>
        <translation>%1 war für andere Benutzer lesbar; jetzt ist es nur noch für Sie zugänglich</translation>
    </message>
    <message>
        <source>%1 were readable by other users; they are now private to you</source>
        <translation>%1 waren für andere Benutzer lesbar; jetzt sind sie nur noch für Sie zugänglich</translation>
    </message>
</context>
<context>
    <name>cody::sqlitefile</name>
    <message>
        <source>No conversation database path given</source>
        <translation>Kein Pfad für die Unterhaltungsdatenbank angegeben</translation>
    </message>
    <message>
        <source>Cannot open the conversation database %1: it is a directory</source>
        <translation>Die Unterhaltungsdatenbank %1 kann nicht geöffnet werden: Der Pfad ist ein Verzeichnis</translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the conversation database</source>
        <translation>Der Ordner %1 für die Unterhaltungsdatenbank kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Cannot open the conversation database %1: the file is not readable</source>
        <translation>Die Unterhaltungsdatenbank %1 kann nicht geöffnet werden: Die Datei ist nicht lesbar</translation>
    </message>
    <message>
        <source>Cannot create the conversation database %1: the folder is not writable</source>
        <translation>Die Unterhaltungsdatenbank %1 kann nicht angelegt werden: Der Ordner ist nicht beschreibbar</translation>
    </message>
    <message>
        <source>The conversation database %1 is damaged and could not be moved aside to %2</source>
        <translation>Die Unterhaltungsdatenbank %1 ist beschädigt und konnte nicht nach %2 verschoben werden</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Chat with Sourcegraph Cody.</source>
        <translation>Chatten Sie mit Sourcegraph Cody.</translation>
    </message>
    <message>
        <source>Say clearly that the server is the bundled fake Sourcegraph (used by scripts/demo.sh).</source>
        <translation>Deutlich anzeigen, dass der Server der mitgelieferte simulierte Sourcegraph-Server ist (von scripts/demo.sh verwendet).</translation>
    </message>
    <message>
        <source>Start a new chat with TEXT, in the running Cody Chat if there is one.</source>
        <translation>Einen neuen Chat mit TEXT beginnen, im laufenden Cody Chat, falls es einen gibt.</translation>
    </message>
    <message>
        <source>TEXT</source>
        <translation>TEXT</translation>
    </message>
</context>
</TS>

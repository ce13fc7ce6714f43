<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>HistoryTransfer</name>
    <message>
        <source>Markdown (*.md)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The conversation was not exported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation exported to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export All Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The conversations were not exported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All conversations exported to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 conversation imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 conversations imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no conversation %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is too large to be a Cody Chat export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>The conversation history cannot be opened, so this session is not recorded:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The conversation history was damaged. It was kept as
%1
and a new one was started.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsStyle</name>
    <message>
        <source>Set by %1; the environment wins over saved settings.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cody::AliasEditor</name>
    <message>
        <source>A&amp;dd alias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove alias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model aliases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Short names for models: an alias and the cody/… model it stands for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add alias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove alias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected alias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example fast → cody/anthropic::2023-06-01::claude-3-haiku. An alias may not replace a built-in one (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row %1: the alias needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alias “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: enter the model it stands for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is listed twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: its target “%2” is itself an alias, and aliases cannot point at other aliases.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cody::ChatView</name>
    <message>
        <source>Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The messages of the open conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cody</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the reply…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy as Markdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model changed from %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message copied as Markdown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cody::Composer</name>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a message; Enter sends it, Shift+Enter starts a new line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask Cody… (Enter to send, Shift+Enter for a new line)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cody::ConversationSettingsPanel</name>
    <message>
        <source>Conversation settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model of this conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hange…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose another model (Ctrl+M); the change shows in the conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: instructions the model follows in this conversation, e.g. &quot;Answer in German.&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;System prompt:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 is most predictable, 2 most varied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maximum reply tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longer replies are continued automatically when this limit cuts them off (unless switched off in Settings)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Temperature:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max &amp;tokens per reply:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cody::ConversationSidebar</name>
    <message>
        <source>&amp;Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search all messages…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finds conversations by any word of any message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pin or Unpin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded conversations, newest first; Enter opens one</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cody::MainWindow</name>
    <message>
        <source>The history could not be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Demo mode&lt;/b&gt;: answers come from the bundled fake Sourcegraph server, not a real model. To use your instance, start cody-chat on its own and enter its URL and token in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo mode notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS verification is off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stop Reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Regenerate Last Reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Focus Message Box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Continue Reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose &amp;Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation Se&amp;ttings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model, system prompt, temperature and max tokens of this conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export Conversation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;All Conversations…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import Conversations…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings saved; they take effect when this reply ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checking sign-in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p style=&quot;margin: 24px;&quot;&gt;Ask Cody anything. Enter sends, Shift+Enter starts a new line.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;TLS certificate verification is off&lt;/b&gt; for %1 (%2). Anyone on the network path can read your access token and chats. Prefer a CA file in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2 style=&quot;margin-top: 24px;&quot;&gt;Welcome to Cody Chat&lt;/h2&gt;&lt;p&gt;To chat, Cody Chat needs the address of your Sourcegraph instance and an access token. %1&lt;/p&gt;&lt;p&gt;Open &lt;b&gt;Settings&lt;/b&gt; (Ctrl+,) and enter:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;the Sourcegraph URL, for example https://sourcegraph.example.com&lt;/li&gt;&lt;li&gt;an access token (Sourcegraph → Settings → Access tokens); it is kept in your system keychain, never in a file&lt;/li&gt;&lt;/ul&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model &quot;%1&quot; is no longer available: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · %1k context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the reply (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the message (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo deleting the conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The conversation could not be restored: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cody Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cody Chat — %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cody::MessageEditBar</name>
    <message>
        <source>Editing a message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel editing the message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editing an earlier message. Sending it replaces the %1 messages after it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editing your last message. Sending it replaces the reply to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editing your last message. Sending it asks again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cody::ModelListModel</name>
    <message>
        <source>  (unavailable on this server)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cody::ModelPicker</name>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model that answers; pick one or type a cody/… name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model (Ctrl+M): pick one, or type cody/&lt;provider&gt;::&lt;apiVersion&gt;::&lt;model&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cody/provider::apiVersion::model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not offered by this Sourcegraph instance</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cody::ProxyEditor</name>
    <message>
        <source>S&amp;ystem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the proxies of the environment (https_proxy, http_proxy, no_proxy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect directly, without a proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Manual:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this HTTP proxy for every connection (no_proxy is still honoured)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host:port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manual proxy host and port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An HTTP proxy as host:port, for example proxy.example.com:3128</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cody::SettingsChatPage</name>
    <message>
        <source>&amp;Automatically continue replies cut off by the output limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lient name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client-name the server sees. Also set by CODY_CLIENT_NAME.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default max to&amp;kens:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default maximum tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output tokens asked for per request, capped at the model&apos;s limit. Also set by CODY_DEFAULT_MAX_TOKENS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatically continue replies cut off by the output limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the model to go on, and join the pieces into one reply. Also set by CODY_AUTO_CONTINUE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maximum c&amp;ontinuations:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maximum continuations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continuation requests after the first; a reply that stops making progress ends anyway. Also set by CODY_MAX_CONTINUATIONS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model al&amp;iases:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cody::SettingsConnectionTest</name>
    <message>
        <source>T&amp;est connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with the values above, without saving them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, without checking the certificate (verification is skipped for this host).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cody::SettingsDialog</name>
    <message>
        <source>Cody Chat Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save settings and close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sourcegraph URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address of your Sourcegraph instance; a path prefix is fine. Also set by LLM_BASE_URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sourcegraph &amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access &amp;token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Skip TLS certificate verification for this host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip TLS certificate verification for this host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insecure: see the warning below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An extra PEM CA bundle trusted besides the system&apos;s, the safe fix for a company TLS proxy. Also set by CODY_CA_FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none: the system&apos;s certificates only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse for a CA certificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA &amp;file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These values could not be used, so the defaults apply:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the host in the URL above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Certificates are not checked for %1 (and only for it). Anyone on the network path could pose as the server and read your access token and chats. A CA file is the safe fix.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only for a server whose certificate cannot be verified. It applies to %1 only; while it is on, anyone on the network path could read your access token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a CA certificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the Sourcegraph URL: the token is stored for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings file %1 could not be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the Sourcegraph URL first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The manual proxy is not usable; see above.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cody::SettingsTokenEditor</name>
    <message>
        <source>Access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Sourcegraph access token, created under User settings → Access tokens on your Sourcegraph instance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cody Chat was started without one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain is available (%1). Cody Chat never stores tokens in plain text: set LLM_API_KEY in the environment instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain could not be read: %1. A token entered here replaces the stored one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the Sourcegraph URL: the token is stored for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token could not be removed from the keychain: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token could not be saved in the keychain: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept in the system keychain for this URL, never in the settings file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Chat with Sourcegraph Cody.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say clearly that the server is the bundled fake Sourcegraph (used by scripts/demo.sh).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

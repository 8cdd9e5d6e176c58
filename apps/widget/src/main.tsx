import { render } from 'preact';
import { ChatController } from './chat-controller.js';
import { App } from './components/app.js';
import { pickLang, stringsFor } from './i18n.js';
import css from './styles.css?inline';
import type { Customer, WidgetConfig } from './types.js';

// Read while this script runs: `currentScript` is null afterwards.
const script = (document.currentScript as HTMLScriptElement | null) ?? document.querySelector<HTMLScriptElement>('script[data-baton-server], script[src$="/widget.js"]');

/**
 * Configuration from the embedding tag: `data-baton-server` (default: the script's own origin),
 * `data-lang` (default: the browser's), `data-customer-name` / `data-customer-email`, and for a
 * signed-in customer `data-customer-id` and `data-customer-hash` (docs/identity.md).
 */
function readConfig(el: HTMLScriptElement | null): WidgetConfig {
  const d = el?.dataset ?? {};
  const server = d.batonServer || (el?.src ? new URL(el.src, location.href).origin : location.origin);
  const customer: Customer = {};
  if (d.customerName?.trim()) customer.name = d.customerName.trim();
  if (d.customerEmail?.trim()) customer.email = d.customerEmail.trim();
  if (d.customerId?.trim()) customer.externalId = d.customerId.trim();
  if (d.customerHash?.trim()) customer.identifierHash = d.customerHash.trim();
  return { server, lang: pickLang(d.lang, navigator.language), customer: Object.keys(customer).length ? customer : null };
}

/**
 * The emailed "continue" link (`?conversation=ID&resume=…`): read once, then taken out of the
 * address bar so the credential does not stay in the history or leak in a shared screenshot.
 */
function readContinueLink(): { conversation: string; resume: string } | null {
  const url = new URL(location.href);
  const conversation = url.searchParams.get('conversation');
  const resume = url.searchParams.get('resume');
  if (!conversation || !resume) return null;
  url.searchParams.delete('resume');
  history.replaceState(history.state, '', url.toString());
  return { conversation, resume };
}

function boot(): void {
  if (document.getElementById('baton-widget')) return; // embedded twice
  const config = readConfig(script);
  const host = document.createElement('div');
  host.id = 'baton-widget';
  document.body.appendChild(host);
  // The shadow root keeps the host page's CSS out (and ours in).
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = css;
  const mount = document.createElement('div');
  shadow.append(style, mount);
  const controller = new ChatController(config);
  render(<App controller={controller} t={stringsFor(config.lang)} lang={config.lang} customerName={config.customer?.name ?? null} />, mount);
  void controller.start(readContinueLink());
}

// After parsing, so the page may still set data-customer-* on the tag from its own script.
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot, { once: true });
else boot();

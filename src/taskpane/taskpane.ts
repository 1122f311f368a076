/**
 * Task pane entry. Decides where it runs (Excel → OfficeHost, plain browser → FileHost),
 * starts the projection worker client and mounts the pane. The page shares its runtime
 * with the MEDAID functions (manifest.xml), which need nothing from here.
 */
import { FileHost } from './host/FileHost';
import type { Host } from './host/Host';
import { OfficeHost } from './host/OfficeHost';
import { detectHost } from './host/detectHost';
import { getLang, setLang } from './i18n';
import { PaneApp } from './ui/app';
import { ProjectionClient } from './worker/client';
import { startProjectionWorker } from './worker/startWorker';

async function boot(): Promise<void> {
  const root = document.getElementById('app');
  if (!root) return;
  const where = await detectHost();
  if (where === 'office') {
    const ui = typeof Office !== 'undefined' ? Office.context?.displayLanguage ?? '' : '';
    if (/^en/i.test(ui)) setLang('en');
  }
  if (/[?&]lang=en\b/.test(location.search)) setLang('en');
  const host: Host = where === 'office' ? new OfficeHost({ lang: getLang }) : new FileHost();
  const app = new PaneApp(root, host, new ProjectionClient(startProjectionWorker));
  document.body.dataset.host = where;
  await app.start();
  document.body.dataset.ready = 'true';
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => void boot());
else void boot();

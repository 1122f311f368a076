/**
 * Task pane entry. Decides where it runs (Excel → OfficeHost, plain browser → FileHost),
 * starts the projection worker client and mounts the pane. The page shares its runtime
 * with the MEDAID functions (manifest.xml), which need nothing from here.
 */
import { FileHost } from './host/FileHost';
import type { Host } from './host/Host';
import { OfficeHost } from './host/OfficeHost';
import { languageFor, officeDisplayLanguage } from '../functions/displayLanguage';
import { detectHost, EXCEL_API, excelApiSupported } from './host/detectHost';
import { bilingual, getLang, setLang } from './i18n';
import { PaneApp } from './ui/app';
import { registerFluent } from './ui/fluent';
import { ProjectionClient } from './worker/client';
import { startProjectionWorker } from './worker/startWorker';

async function boot(): Promise<void> {
  const root = document.getElementById('app');
  if (!root) return;
  registerFluent();
  const status = document.getElementById('app-loading');
  // Inside Excel, wait for Office however long it takes; only say that we are waiting.
  const where = await detectHost(undefined, {
    onSlow: () => {
      if (status) status.textContent = bilingual('正在等待 Excel 启动加载项…', 'Waiting for Excel to start the add-in…');
    },
  });
  if (where === 'office') {
    // The same rule as the functions and the manifest's metadata (functions/displayLanguage.ts).
    setLang(languageFor(officeDisplayLanguage()));
    if (!excelApiSupported()) {
      if (status) {
        status.textContent = bilingual(
          `此版本的 Excel 不支持 ${EXCEL_API.name} ${EXCEL_API.version}，任务窗格无法写入结果表：请更新 Excel（Microsoft 365）。MEDAID 函数仍可使用。`,
          `This Excel does not support ${EXCEL_API.name} ${EXCEL_API.version}, which the task pane needs to write result sheets: update Excel (Microsoft 365). The MEDAID functions still work.`,
        );
      }
      document.body.dataset.host = where;
      document.body.dataset.ready = 'unsupported';
      return;
    }
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

// The header: case name, Cases, the ways in (files, folder, demo), settings and projector mode.
import { memo } from 'react';
import type { EngineClient, IdleTracker } from '../../workers/client.ts';
import type { Workbench } from '../state/useWorkbench.ts';
import { CasesPanel } from '../views/cases/CasesPanel.tsx';
import { OpenFiles } from '../components/OpenFiles.tsx';
import { GeoIpPanel } from '../views/geoip/GeoIpPanel.tsx';
import { ThreatIntelPanel } from '../views/ti/ThreatIntelPanel.tsx';
import { AboutPanel } from '../views/about/AboutPanel.tsx';
import { DEMO_OVERLAY_NAME } from '../hooks/demoBundle.ts';
import { SettingsMenu } from '../views/settings/SettingsMenu.tsx';
import type { Settings } from '../views/settings/useSettings.ts';
import { KeyHelp } from './KeyHelp.tsx';

// panels whose props never change while the case is worked on (engine, tracker, stable callbacks): an app
// render (an ingest starting or ending, a query) need not re-render them
const GeoIp = memo(GeoIpPanel);
const ThreatIntel = memo(ThreatIntelPanel);
const About = memo(AboutPanel);

export function Header({ engine, tracker, wb, settings, onSettings, projector, onProjector }: {
  engine: EngineClient; tracker: IdleTracker; wb: Workbench; settings: Settings; onSettings(patch: Partial<Settings>): void;
  projector: boolean; onProjector(on: boolean): void;
}) {
  return (
    <header className="app-header">
      <h1 className="brand">Logdrop</h1>
      <span className="case-name" aria-label="Open case">{wb.caseInfo?.name ?? (wb.notice !== undefined ? 'No case open' : 'Opening case…')}</span>
      <CasesPanel engine={engine} tracker={tracker} wb={wb} />
      <GeoIp engine={engine} tracker={tracker} onChanged={wb.dataChanged} />
      <ThreatIntel engine={engine} tracker={tracker} onChanged={wb.dataChanged} />
      <OpenFiles
        onFiles={wb.ingest} disabled={wb.caseInfo === undefined || wb.ingesting || wb.readOnly}
        onDemoOverlay={(data) => engine.addGeoData(data, DEMO_OVERLAY_NAME, 'case')}
      />
      <div className="app-header__settings">
        <KeyHelp />
        <SettingsMenu settings={settings} onChange={onSettings} />
        <button type="button" className="button" aria-pressed={projector} onClick={() => onProjector(!projector)}>Projector mode</button>
        <About engine={engine} tracker={tracker} />
      </div>
    </header>
  );
}

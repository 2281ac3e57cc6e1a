// Boot: the machine's settings and credential, then enrolment (first run) or sign-in, then the shell.
import { useCallback, useEffect, useState } from 'react';
import type { AppInfo, DeviceCredential, KioskHost, KioskSettings } from '../../shared/host';
import { getHost } from '../host';
import { kioskLog } from '../host/log';
import { EnrolScreen } from './EnrolScreen';
import { KioskProvider, type Officer } from '../kiosk/kiosk';
import { PrintingProvider } from '../kiosk/printing';
import { Shell } from './Shell';
import { SignInScreen } from '../security/SignInScreen';

const OFFICER_KEY = 'motcua.officer';

type Boot = { stage: 'loading' } | { stage: 'failed'; message: string } | { stage: 'ready'; host: KioskHost; settings: KioskSettings; info: AppInfo; credential: DeviceCredential | null };

function storedOfficer(): Officer | undefined {
  try {
    return JSON.parse(sessionStorage.getItem(OFFICER_KEY) ?? 'null') ?? undefined;
  } catch {
    return undefined;
  }
}

export function App() {
  const [boot, setBoot] = useState<Boot>({ stage: 'loading' });
  const [officer, setOfficer] = useState<Officer | undefined>(storedOfficer);

  useEffect(() => {
    (async () => {
      const host = getHost();
      kioskLog.attach(host);
      const [settings, info, credential] = await Promise.all([host.settings.get(), host.app.info(), host.device.credential()]);
      setBoot({ stage: 'ready', host, settings, info, credential });
    })().catch((error: Error) => {
      kioskLog.error('Không khởi động được quầy', error);
      setBoot({ stage: 'failed', message: error.message });
    });
  }, []);

  const signedIn = useCallback((o: Officer) => {
    sessionStorage.setItem(OFFICER_KEY, JSON.stringify(o));
    setOfficer(o);
  }, []);
  const signOut = useCallback(() => {
    sessionStorage.removeItem(OFFICER_KEY);
    setOfficer(undefined);
  }, []);

  if (boot.stage === 'loading') return <p className="gate">Đang khởi động…</p>;
  if (boot.stage === 'failed') {
    return (
      <div role="alert" className="gate banner error">
        {boot.message}
      </div>
    );
  }
  const { host, settings, info, credential } = boot;
  if (!credential)
    return <EnrolScreen host={host} settings={settings} onEnrolled={(c) => setBoot({ ...boot, credential: c, settings: { ...settings, counterName: c.counterName, serverUrl: c.serverUrl } })} />;
  if (!officer) return <SignInScreen credential={credential} onSignedIn={signedIn} />;
  return (
    <KioskProvider host={host} settings={settings} credential={credential} officer={officer} onSignOut={signOut}>
      <PrintingProvider>
        <Shell info={info} />
      </PrintingProvider>
    </KioskProvider>
  );
}

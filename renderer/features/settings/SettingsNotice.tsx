// What saving a setting did, under its form: «Đã lưu…» as a status, a refusal as an alert.
export type Notice = { ok: boolean; text: string };

export function SettingsNotice({ notice, id }: { notice?: Notice; id?: string }) {
  if (!notice) return null;
  return (
    <p id={id} role={notice.ok ? 'status' : 'alert'} className={notice.ok ? 'banner ok' : 'banner error'}>
      {notice.text}
    </p>
  );
}

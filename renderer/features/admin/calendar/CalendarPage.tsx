// Lịch làm việc: for one year, the days off the Labour Code gives (read-only), the days off and the
// weekend days worked that the government or the province announced, and the days off the counters
// will skip, computed as the administrator types and shown before saving. A date that does not exist
// (31/02, the 30th of a 29-day lunar month) is named in Vietnamese, and the server saves nothing then.
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { announcedEntries, dayNumberFromDateKey, planCalendarYear, vnDateKey, weekdayOf, type AnnouncedHoliday, type AnnouncedWorkingDay } from '../../../../shared/calendar';
import { formatVietnamDate, VIETNAMESE_WEEKDAYS } from '../../../../shared/domain';
import type { CalendarYearRequest, CalendarYearResponse } from '../../../../shared/sync/adminCatalogue';
import type { AdminPageProps } from '../page';
import './calendar.css';

const dayLabel = (date: string) => `${VIETNAMESE_WEEKDAYS[weekdayOf(dayNumberFromDateKey(date))]}, ${formatVietnamDate(date)}`;

type Entries = CalendarYearRequest;

function NumberCell({ label, value, max, onValue }: { label: string; value: number; max: number; onValue(n: number): void }) {
  return <input className="calendar-number" aria-label={label} type="number" min={1} max={max} value={Number.isFinite(value) ? value : ''} onChange={(e) => onValue(e.target.valueAsNumber)} />;
}

export function CalendarPage({ api }: AdminPageProps) {
  const thisYear = Number(vnDateKey(new Date()).slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [entries, setEntries] = useState<Entries>();
  const [notice, setNotice] = useState<{ ok: boolean; text: string }>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setEntries(undefined);
    setNotice(undefined);
    api.get<CalendarYearResponse>(`/v1/admin/calendar/${year}`).then(
      (answer) => setEntries(announcedEntries(answer.holidays, answer.workingDays)),
      (e: Error) => setNotice({ ok: false, text: `Không tải được lịch năm ${year}: ${e.message}` }),
    );
  }, [api, year]);

  const plan = useMemo(() => (entries ? planCalendarYear({ year, ...entries }) : undefined), [entries, year]);
  const errorsOf = (list: 'holidays' | 'workingDays', index: number) => plan?.errors.filter((e) => e.list === list && e.index === index) ?? [];

  const setHoliday = (i: number, patch: Partial<AnnouncedHoliday>) => setEntries((e) => e && { ...e, holidays: e.holidays.map((h, j) => (j === i ? { ...h, ...patch } : h)) });
  const setWorking = (i: number, patch: Partial<AnnouncedWorkingDay>) => setEntries((e) => e && { ...e, workingDays: e.workingDays.map((w, j) => (j === i ? { ...w, ...patch } : w)) });

  const save = async () => {
    if (!entries || !plan) return;
    // A day or month left blank cannot travel as a number; everything else the server checks again.
    const blank = [...entries.holidays, ...entries.workingDays].some((d) => !Number.isInteger(d.day) || !Number.isInteger(d.month));
    if (blank) return setNotice({ ok: false, text: `Lịch năm ${year} chưa được lưu: ${plan.errors.map((e) => e.message).join(' ')}` });
    setBusy(true);
    try {
      const saved = await api.put<CalendarYearResponse>(`/v1/admin/calendar/${year}`, entries);
      setEntries(announcedEntries(saved.holidays, saved.workingDays));
      setNotice({ ok: true, text: `Đã lưu lịch năm ${year}: ${saved.daysOff.length} ngày nghỉ trong tuần. Các quầy nhận lịch mới ở lần đồng bộ tiếp theo.` });
    } catch (e) {
      setNotice({ ok: false, text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="calendar-page">
      <div className="admin-actions">
        <div className="field">
          <label htmlFor="calendar-year">Năm</label>
          <select id="calendar-year" value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {[thisYear - 1, thisYear, thisYear + 1, thisYear + 2].map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
      </div>
      {!entries || !plan ? (
        notice ? (
          <p role="alert" className="banner error">
            {notice.text}
          </p>
        ) : (
          <p className="hint">Đang tải lịch…</p>
        )
      ) : (
        <div className="calendar-columns">
          <div>
            <h3>Ngày nghỉ công bố thêm năm {year}</h3>
            <p className="hint">Ngoài các ngày nghỉ lễ theo Bộ luật Lao động (tự tính, kể cả nghỉ bù). Ngày âm lịch được đổi sang dương lịch của năm {year}.</p>
            {entries.holidays.length === 0 ? <p className="hint">Chưa có ngày nghỉ công bố thêm nào cho năm {year}.</p> : null}
            <table className="admin-table calendar-entries" aria-label="Ngày nghỉ công bố thêm" hidden={entries.holidays.length === 0}>
              <thead>
                <tr>
                  <th>Lịch</th>
                  <th>Ngày</th>
                  <th>Tháng</th>
                  <th>Tên ngày nghỉ</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {entries.holidays.map((h, i) => (
                  <HolidayRow
                    key={i}
                    index={i}
                    entry={h}
                    errors={errorsOf('holidays', i).map((e) => e.message)}
                    onChange={(patch) => setHoliday(i, patch)}
                    onRemove={() => setEntries({ ...entries, holidays: entries.holidays.filter((_, j) => j !== i) })}
                  />
                ))}
              </tbody>
            </table>
            <button type="button" onClick={() => setEntries({ ...entries, holidays: [...entries.holidays, { calendar: 'solar', day: NaN, month: NaN, name: '' }] })}>
              Thêm ngày nghỉ
            </button>

            <h3>Ngày làm bù năm {year}</h3>
            <p className="hint">Thứ Bảy, Chủ nhật đi làm để bù một ngày nghỉ (hoặc ngày nghỉ lễ được chuyển thành ngày làm việc).</p>
            {entries.workingDays.length === 0 ? <p className="hint">Chưa có ngày làm bù nào cho năm {year}.</p> : null}
            <table className="admin-table calendar-entries" aria-label="Ngày làm bù" hidden={entries.workingDays.length === 0}>
              <thead>
                <tr>
                  <th>Ngày</th>
                  <th>Tháng</th>
                  <th>Ghi chú</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {entries.workingDays.map((w, i) => (
                  <DayRow
                    key={i}
                    what="ngày làm bù"
                    nameLabel="Ghi chú"
                    index={i}
                    entry={w}
                    errors={errorsOf('workingDays', i).map((e) => e.message)}
                    onChange={(patch) => setWorking(i, patch)}
                    onRemove={() => setEntries({ ...entries, workingDays: entries.workingDays.filter((_, j) => j !== i) })}
                  />
                ))}
              </tbody>
            </table>
            <button type="button" onClick={() => setEntries({ ...entries, workingDays: [...entries.workingDays, { day: NaN, month: NaN, name: '' }] })}>
              Thêm ngày làm bù
            </button>
            <div className="admin-actions calendar-save">
              <button type="button" className="primary" disabled={busy} onClick={() => void save()}>
                Lưu lịch năm {year}
              </button>
              {plan.errors.length > 0 ? <span className="field-error">Còn {plan.errors.length} lỗi: lịch sẽ không được lưu cho đến khi sửa.</span> : null}
            </div>
            {notice ? (
              <p role={notice.ok ? 'status' : 'alert'} className={notice.ok ? 'banner ok' : 'banner error'}>
                {notice.text}
              </p>
            ) : null}
          </div>
          <div>
            <h3>Các ngày nghỉ trong tuần năm {year} (xem trước)</h3>
            <p className="hint">Những ngày thứ Hai – thứ Sáu quầy không tính là ngày làm việc khi hẹn trả kết quả.</p>
            <table className="admin-table calendar-preview" aria-label="Các ngày nghỉ trong năm">
              <thead>
                <tr>
                  <th>Ngày</th>
                  <th>Tên</th>
                  <th>Theo</th>
                </tr>
              </thead>
              <tbody>
                {plan.daysOff.map((d) => (
                  <tr key={d.date} className={d.source === 'announced' ? 'announced' : undefined}>
                    <td>{dayLabel(d.date)}</td>
                    <td>{d.name}</td>
                    <td>{d.source === 'announced' ? 'Công bố thêm' : 'Bộ luật Lao động'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {plan.weekendWorkingDays.length > 0 ? (
              <>
                <h3>Thứ Bảy, Chủ nhật đi làm</h3>
                <ul aria-label="Thứ Bảy, Chủ nhật đi làm">
                  {plan.weekendWorkingDays.map((d) => (
                    <li key={d.date}>
                      {dayLabel(d.date)}
                      {d.name ? ` – ${d.name}` : ''}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </div>
        </div>
      )}
    </div>
  );
}

/** One announced day: day, month and name, its errors under the name; a holiday adds its calendar in front. */
function DayRow({
  what,
  nameLabel,
  index,
  entry,
  errors,
  onChange,
  onRemove,
  before,
}: {
  what: string;
  nameLabel: string;
  index: number;
  entry: AnnouncedWorkingDay;
  errors: string[];
  onChange(patch: Partial<AnnouncedWorkingDay>): void;
  onRemove(): void;
  before?: ReactNode;
}) {
  const n = index + 1;
  return (
    <tr className={errors.length > 0 ? 'invalid' : undefined}>
      {before}
      <td>
        <NumberCell label={`Ngày của ${what} ${n}`} value={entry.day} max={31} onValue={(day) => onChange({ day })} />
      </td>
      <td>
        <NumberCell label={`Tháng của ${what} ${n}`} value={entry.month} max={12} onValue={(month) => onChange({ month })} />
      </td>
      <td>
        <input aria-label={`${nameLabel} ${what} ${n}`} value={entry.name} onChange={(e) => onChange({ name: e.target.value })} data-scan="typing" />
        {errors.map((m) => (
          <span key={m} className="field-error">
            {m}
          </span>
        ))}
      </td>
      <td>
        <button type="button" onClick={onRemove}>
          Bỏ
        </button>
      </td>
    </tr>
  );
}

function HolidayRow({ index, entry, errors, onChange, onRemove }: { index: number; entry: AnnouncedHoliday; errors: string[]; onChange(patch: Partial<AnnouncedHoliday>): void; onRemove(): void }) {
  const n = index + 1;
  const calendar = (
    <td>
      <select aria-label={`Lịch của ngày nghỉ ${n}`} value={entry.calendar} onChange={(e) => onChange({ calendar: e.target.value as AnnouncedHoliday['calendar'] })}>
        <option value="solar">Dương lịch</option>
        <option value="lunar">Âm lịch</option>
      </select>
      {entry.calendar === 'lunar' ? (
        <label className="calendar-leap">
          <input type="checkbox" checked={entry.leap ?? false} onChange={(e) => onChange({ leap: e.target.checked })} /> tháng nhuận
        </label>
      ) : null}
    </td>
  );
  return <DayRow what="ngày nghỉ" nameLabel="Tên" index={index} entry={entry} errors={errors} onChange={onChange} onRemove={onRemove} before={calendar} />;
}

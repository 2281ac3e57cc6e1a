// The citizen comes back with the papers a supplement request asked for: the request's number,
// typed here or scanned anywhere on the screen, continues that reception.
import { useState } from 'react';
import { TextField } from '../../ui/Field';

export function ResumeBox({ problem, onResume, onEdit }: { problem?: string; onResume(text: string): void; /** The number was changed: a message about the last one is stale. */ onEdit(): void }) {
  const [text, setText] = useState('');
  return (
    <form
      noValidate
      className="resume-box"
      aria-label="Tiếp tục hồ sơ đã yêu cầu bổ sung"
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim() !== '') onResume(text);
      }}
    >
      <TextField
        id="resume-reference"
        scan="text"
        label="Công dân quay lại bổ sung: quét hoặc nhập số phiếu yêu cầu bổ sung (Mẫu 02)"
        value={text}
        onValue={(typed) => {
          setText(typed);
          onEdit();
        }}
        error={problem}
        placeholder="BS-260112-1A2B3C4D"
        autoComplete="off"
      />
      <button type="submit" className="secondary">
        Tiếp tục hồ sơ
      </button>
    </form>
  );
}

// "Bỏ hồ sơ đang nhập": the half-filled reception is thrown away only after the officer says so twice.
import { useEffect, useRef, useState } from 'react';

export function DiscardDraft({ onDiscard }: { onDiscard(): void }) {
  const [asking, setAsking] = useState(false);
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) keep.current?.focus();
  }, [asking]);
  if (!asking) {
    return (
      <button type="button" className="secondary discard-button" onClick={() => setAsking(true)}>
        Bỏ hồ sơ đang nhập
      </button>
    );
  }
  return (
    <span className="discard-confirm" role="alertdialog" aria-label="Xác nhận bỏ hồ sơ đang nhập">
      <span>Bỏ toàn bộ thông tin đang nhập của hồ sơ này?</span>
      <button
        type="button"
        className="secondary danger"
        onClick={() => {
          setAsking(false);
          onDiscard();
        }}
      >
        Bỏ hồ sơ
      </button>
      <button ref={keep} type="button" className="secondary" onClick={() => setAsking(false)}>
        Không, nhập tiếp
      </button>
    </span>
  );
}

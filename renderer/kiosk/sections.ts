// The shell's sections, in the order staff meet them; each has a key that works from any screen.
export const SECTIONS = [
  { id: 'receive', label: 'Tiếp nhận', key: 'F2', hint: 'Tiếp nhận hồ sơ, thu phí, in giấy hẹn' },
  { id: 'handoff', label: 'Bàn giao', key: 'F3', hint: 'Bàn giao hồ sơ cho bưu điện và nhận kết quả về' },
  { id: 'return', label: 'Trả kết quả', key: 'F4', hint: 'Trả kết quả, xin lỗi hẹn lại, đính chính' },
  { id: 'tracking', label: 'Theo dõi', key: 'F6', hint: 'Hồ sơ quá hạn, đến hạn, chờ bổ sung' },
  { id: 'stop', label: 'Dừng hồ sơ', key: 'F8', hint: 'Người nộp xin dừng giải quyết hồ sơ: kiểm tra danh tính, ghi lý do, in thông báo' },
  { id: 'search', label: 'Tra cứu', key: 'F7', hint: 'Tra cứu hồ sơ và thủ tục' },
  { id: 'settings', label: 'Cài đặt', key: 'F9', hint: 'Quầy, máy in, máy quét, máy chủ' },
  { id: 'admin', label: 'Quản trị', key: 'F10', hint: 'Cán bộ, quầy, Trung tâm, biên lai, danh mục: mọi thay đổi được ghi nhật ký và đồng bộ về các quầy' },
] as const;

export type SectionId = (typeof SECTIONS)[number]['id'];

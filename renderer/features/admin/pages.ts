// The administration section's pages, in the order of its tabs. A page is added here and nowhere
// else: the kiosk's Quản trị section and the browser page (/quan-tri/) both list this array.
import { CalendarPage } from './calendar/CalendarPage';
import { CataloguePage } from './catalogue/CataloguePage';
import { CenterPage } from './CenterPage';
import { CentersPage } from './centers/CentersPage';
import { ChangesPage } from './ChangesPage';
import { CountersPage } from './CountersPage';
import type { AdminPage } from './page';
import { NoticeTemplatesPage } from './NoticeTemplatesPage';
import { ReceiptsPage } from './ReceiptsPage';
import { SignInsPage } from './SignInsPage';
import { StaffPage } from './StaffPage';

export const ADMIN_PAGES: readonly AdminPage[] = [
  { id: 'can-bo', label: 'Cán bộ', hint: 'Tài khoản, vai trò, quầy được đăng nhập, khoá tài khoản, đặt lại mật khẩu', Page: StaffPage },
  { id: 'quay', label: 'Quầy', hint: 'Cấp mã đăng ký quầy mới (chữ và mã QR), tình trạng các quầy, thu hồi máy', Page: CountersPage },
  {
    id: 'danh-muc',
    label: 'Danh mục thủ tục',
    hint: 'Thủ tục, thành phần hồ sơ, thời hạn, phí và cơ quan giải quyết; nhập từ tệp CSV/Excel có xem trước, xuất, sửa từng thủ tục',
    Page: CataloguePage,
  },
  { id: 'lich', label: 'Lịch làm việc', hint: 'Ngày nghỉ lễ, ngày nghỉ công bố thêm (cả âm lịch) và ngày làm bù của từng năm; xem trước các ngày nghỉ trước khi lưu', Page: CalendarPage },
  {
    id: 'trung-tam',
    label: 'Trung tâm',
    hint: 'Tên, địa chỉ, đường dây nóng, giờ làm việc, trang web, trang tra cứu in trên giấy hẹn; bộ mẫu biểu; tự khoá màn hình; thời hạn lưu hồ sơ tại quầy',
    Page: CenterPage,
  },
  {
    id: 'cac-trung-tam',
    label: 'Các trung tâm',
    hint: 'Trung tâm cấp tỉnh và cấp xã của tỉnh: mã cơ quan, tên, cấp; nhập danh sách từ tệp CSV/Excel có xem trước, xuất; thủ tục tiếp nhận, danh sách phi địa giới và biên lai của từng trung tâm',
    Page: CentersPage,
  },
  { id: 'mau-thong-bao', label: 'Mẫu thông báo', hint: 'Nội dung thư điện tử và SMS gửi người nộp khi hồ sơ đổi trạng thái; các ô được dùng; về mặc định', Page: NoticeTemplatesPage },
  { id: 'bien-lai', label: 'Biên lai', hint: 'Đơn vị thu, mã số thuế, ký hiệu mẫu và ký hiệu biên lai theo năm', Page: ReceiptsPage },
  { id: 'dang-nhap', label: 'Đăng nhập', hint: 'Các lần đăng nhập gần đây: thành công hay bị từ chối, từ quầy và máy nào', Page: SignInsPage },
  { id: 'nhat-ky', label: 'Nhật ký thay đổi', hint: 'Mọi thay đổi của quản trị viên: ai, lúc nào, từ máy nào, trước và sau', Page: ChangesPage },
];
